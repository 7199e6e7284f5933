using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;

namespace PocMaterials.Search.Querying;

/// <summary>
/// The visibility rule of <see cref="MaterialVisibility"/> as an index query, so a material a role may
/// not see never enters a result set: not in hits, totals, facets, snippets or suggestions.
/// </summary>
internal static class VisibilityQuery
{
    /// <returns>The documents the viewer may see, or null when they may see everything (editors).</returns>
    public static Query? For(StaffMember viewer, DateOnly today)
    {
        if (viewer.IsEditor)
            return null;
        var roles = new BooleanQuery();
        foreach (var role in viewer.Roles)
            roles.Add(new TermQuery(new Term(IndexFields.Role, role)), Occur.SHOULD);
        return new BooleanQuery
        {
            { roles, Occur.MUST },
            { new TermQuery(new Term(IndexFields.Status, "published")), Occur.MUST },
            // Scheduled: published after today (Brussels) is not yet visible.
            {
                NumericRangeQuery.NewInt32Range(
                    IndexFields.PublishedDay, MaterialDocuments.Day(today), int.MaxValue, minInclusive: false, maxInclusive: true),
                Occur.MUST_NOT
            },
        };
    }
}
