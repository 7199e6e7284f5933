using System.Security.Cryptography;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Reach.Tests.Tracking;

public sealed class SearchIdsTests
{
    private readonly SearchIds _ids = new ViewerPseudonyms(RandomNumberGenerator.GetBytes(32)).SearchIds;

    [Fact]
    public void A_search_id_is_accepted_for_the_viewer_it_was_issued_to_only()
    {
        var id = _ids.Issue("an");

        Assert.True(_ids.WasIssuedTo(id, "an"));
        Assert.False(_ids.WasIssuedTo(id, "bo"));
        Assert.False(_ids.WasIssuedTo(Guid.NewGuid(), "an"));
        Assert.False(_ids.WasIssuedTo(Guid.CreateVersion7(), "an"));
    }

    [Fact]
    public void A_search_id_changed_in_any_bit_or_checked_with_another_key_is_refused()
    {
        var id = _ids.Issue("an").ToByteArray(bigEndian: true);
        var other = new ViewerPseudonyms(RandomNumberGenerator.GetBytes(32)).SearchIds;

        for (var bit = 0; bit < 128; bit++)
        {
            var changed = (byte[])id.Clone();
            changed[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(_ids.WasIssuedTo(new Guid(changed, bigEndian: true), "an"));
        }
        Assert.False(other.WasIssuedTo(new Guid(id, bigEndian: true), "an"));
    }

    [Fact]
    public void Search_ids_are_unique_version_7_uuids_in_time_order()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => _ids.Issue("an")).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.ToByteArray(bigEndian: true)[8] >> 6));
        Assert.True(ids[^1].ToByteArray(bigEndian: true).AsSpan(0, 6)
            .SequenceCompareTo(ids[0].ToByteArray(bigEndian: true).AsSpan(0, 6)) >= 0);
    }
}
