using PocMaterials.Content.Parsing;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Parsing;

/// <summary>A centre's optional number of staff in taxonomy.yml: read as a whole number, or an error at its line.</summary>
public sealed class TaxonomyParserTests
{
    private const string File = "content/taxonomy.yml";

    [Fact]
    public void A_centre_has_its_number_of_staff_or_none_and_no_other_term_has_one()
    {
        var yaml = Fixture.Taxonomy
            .Replace("    label: GO! CLB Gent\n", "    label: GO! CLB Gent\n    staff: 420\n", StringComparison.Ordinal)
            .Replace("    label: Arts\n", "    label: Arts\n    staff: 12\n", StringComparison.Ordinal);
        var errors = new List<ContentError>();

        var taxonomy = TaxonomyParser.Parse(yaml, File, errors);

        Assert.Empty(errors);
        Assert.Equal(420, taxonomy!.Centres.Find("gent")!.Staff);
        Assert.Null(taxonomy.Centres.Find("brussel")!.Staff);
        Assert.Null(taxonomy.Roles.Find("arts")!.Staff);
    }

    [Theory]
    [InlineData("0", "invalid-count")]
    [InlineData("-3", "invalid-count")]
    [InlineData("12.5", "invalid-count")]
    [InlineData("100001", "invalid-count")]
    [InlineData("'veel'", "invalid-count")]
    [InlineData("[1, 2]", "not-text")]
    public void A_staff_count_that_is_no_whole_number_from_1_to_100000_is_an_error_of_staff_at_its_line(string value, string code)
    {
        var yaml = Fixture.Taxonomy.Replace(
            "    label: GO! CLB Brussel\n", $"    label: GO! CLB Brussel\n    staff: {value}\n", StringComparison.Ordinal);
        var line = yaml[..yaml.IndexOf("staff:", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var errors = new List<ContentError>();

        Assert.Null(TaxonomyParser.Parse(yaml, File, errors));

        var error = Assert.Single(errors);
        Assert.Equal((code, "staff", line), (error.Code, error.Field, error.Line));
    }
}
