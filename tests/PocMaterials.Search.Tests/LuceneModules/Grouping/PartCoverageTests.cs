using PocMaterials.Search.LuceneModules.Grouping;

namespace PocMaterials.Search.Tests.LuceneModules.Grouping;

/// <summary>The share of a query a material covers, each part weighed by its rarity among the matched materials.</summary>
public sealed class PartCoverageTests
{
    [Fact]
    public void A_rare_part_covers_more_of_the_query_than_several_common_ones()
    {
        // Parts 0 and 1 are in nearly every matched material, part 2 in one of them.
        var coverage = new PartCoverage(3);
        foreach (var parts in new uint[] { 0b011, 0b011, 0b011, 0b011, 0b011, 0b011, 0b011, 0b100 })
            coverage.Add(parts);

        Assert.True(coverage.Of(0b100) > coverage.Of(0b011));
        Assert.Equal(1f, coverage.Of(0b111), 5);
    }

    [Fact]
    public void A_part_no_material_matched_lowers_no_ones_coverage()
    {
        var coverage = new PartCoverage(3);
        coverage.Add(0b011);
        coverage.Add(0b001);

        Assert.Equal(1f, coverage.Of(0b011), 5);
        Assert.True(coverage.Of(0b001) < 1f);
    }
}
