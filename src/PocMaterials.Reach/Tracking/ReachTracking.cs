using PocMaterials.Content.Visibility;

namespace PocMaterials.Reach.Tracking;

/// <summary>Records what a request did as reach events, with the staff member as a pseudonymous viewer.</summary>
public sealed class ReachTracking(ReachRecorder recorder, ViewerPseudonyms pseudonyms, TimeProvider time)
{
    /// <returns>The search's id, which only this staff member's views can name (see <see cref="SearchIds"/>).</returns>
    public Guid SearchMade(StaffMember member, string query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int resultCount)
    {
        var viewer = ViewerOf(member);
        var id = pseudonyms.SearchIds.Issue(viewer.Pseudonym);
        recorder.Record(new SearchMade(id, time.GetUtcNow(), viewer, Reach.Tracking.SearchMade.Normalise(query), filters, resultCount));
        return id;
    }

    /// <summary>Whether a search of this staff member gave out the search id.</summary>
    public bool IsSearchOf(StaffMember member, Guid searchId) =>
        pseudonyms.SearchIds.WasIssuedTo(searchId, pseudonyms.For(member.Subject));

    public void MaterialViewed(StaffMember member, string slug, string? anchor, ViewSource source, Guid? searchId, int? position) =>
        recorder.Record(new MaterialViewed(
            Guid.CreateVersion7(), time.GetUtcNow(), ViewerOf(member), slug, anchor, source, searchId, position));

    private Viewer ViewerOf(StaffMember member) =>
        new(pseudonyms.For(member.Subject), [.. member.Roles.Order(StringComparer.Ordinal)], member.Centre);
}
