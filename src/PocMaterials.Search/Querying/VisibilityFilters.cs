using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Filters;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Visibility filters cached per combination of roles and day: the bit set of what a role may see is
/// computed once per index segment, not once per search.
/// </summary>
internal sealed class VisibilityFilters
{
    // Roles combinations times days are few; the bound only guards against unbounded growth.
    private const int MaxCached = 512;
    private readonly ConcurrentDictionary<string, Filter?> _filters = new(StringComparer.Ordinal);

    /// <returns>The filter, or null when the viewer may see every document.</returns>
    /// <param name="materialsOnly">Leave out the separate FAQ question documents (for browsing).</param>
    public Filter? For(StaffMember viewer, DateOnly today, bool materialsOnly)
    {
        var roles = viewer.IsEditor ? "editor" : string.Join(',', viewer.Roles.Order(StringComparer.Ordinal));
        var key = $"{roles}|{today:yyyyMMdd}|{materialsOnly}";
        return _filters.GetOrAddBounded(key, _ => Create(viewer, today, materialsOnly), MaxCached);
    }

    private static Filter? Create(StaffMember viewer, DateOnly today, bool materialsOnly)
    {
        var all = new BooleanQuery();
        if (VisibilityQuery.For(viewer, today) is { } visibility)
            all.Add(visibility, Occur.MUST);
        if (materialsOnly)
            all.Add(new TermQuery(new Term(IndexFields.Kind, IndexFields.KindMaterial)), Occur.MUST);
        return all.Clauses.Count == 0 ? null : new BitSetCachingFilter(new QueryWrapperFilter(all));
    }
}
