using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Web.Hosting;

/// <summary>Records what a request did as reach events, with the staff member as a pseudonymous viewer.</summary>
public sealed class ReachTracking(ReachRecorder recorder, ViewerPseudonyms pseudonyms, TimeProvider time)
{
    public Guid SearchMade(StaffMember member, string query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int resultCount)
    {
        var id = Guid.CreateVersion7();
        recorder.Record(new SearchMade(id, time.GetUtcNow(), ViewerOf(member), Reach.Tracking.SearchMade.Normalise(query), filters, resultCount));
        return id;
    }

    public void MaterialViewed(StaffMember member, string slug, string? anchor, ViewSource source, Guid? searchId, int? position) =>
        recorder.Record(new MaterialViewed(Guid.CreateVersion7(), time.GetUtcNow(), ViewerOf(member), slug, anchor, source, searchId, position));

    private Viewer ViewerOf(StaffMember member) =>
        new(pseudonyms.For(member.Subject), [.. member.Roles.Order(StringComparer.Ordinal)], member.Centre);
}
