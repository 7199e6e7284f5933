using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Learning;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.Querying;

namespace PocMaterials.Web.Endpoints;

/// <summary>Learning from use asks the search engine: reach does not reference it, the host joins the two.</summary>
public sealed class EngineQueryWords(SearchWords words, MaterialSearcher searcher, StaffCalendar calendar) : IQueryWords
{
    public IReadOnlyList<string> ContentWords(string query) => words.ContentWords(query);

    public IReadOnlySet<string> Keys(string text) => words.Keys(text);

    public IReadOnlyList<string> Top(string query, StaffMember viewer, int count) =>
        [.. searcher.Search(new MaterialSearchRequest { Query = query, PageSize = count }, viewer, calendar.Today).Hits
            .Select(hit => hit.Slug).Distinct(StringComparer.Ordinal).Take(count)];
}
