using System.Globalization;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Reach.Reports;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.Querying;

namespace PocMaterials.Web.Reports;

/// <summary>
/// The school-year report's searches: the most searched queries, and those without results with what was done about them
/// since: what each finds now (searched again as an editor, who sees every material), and the taxonomy term or theme it
/// has become an alias (a search synonym) of, read as search reads both (<see cref="SearchWords.Keys"/>).
/// </summary>
public sealed class AnnualSearchTables(SearchWords words, MaterialSearcher searcher, StaffCalendar calendar)
{
    private static readonly StaffMember Editor = new("jaarverslag", [StaffRoles.Editor], null);
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static AnnualTable Top(SearchReport year, SearchReport last, int top) =>
        Queries("top-searches", "Meest gezochte zoektermen", year.TopQueries, last.TopQueries, top);

    public AnnualTable WithoutResults(SearchReport year, SearchReport last, ContentSnapshot content, int top)
    {
        var aliases = AliasesOf(content);
        var today = calendar.Today;
        var table = Queries(
            "searches-without-results", "Zoektermen zonder resultaten", year.ZeroResultQueries, last.ZeroResultQueries, top);
        return table with
        {
            NoteHeaders = ["nu gevonden", "synoniem"],
            Rows = [.. table.Rows.Select(r => r with
            {
                Notes =
                [
                    Found(searcher.Search(new MaterialSearchRequest { Query = r.Id }, Editor, today).Total),
                    aliases.TryGetValue(KeyOf(r.Id), out var term) ? $"synoniem van {term}" : "geen synoniem",
                ],
            })],
        };
    }

    private static string Found(int materials) => materials switch
    {
        0 => "niets",
        1 => "1 materiaal",
        _ => string.Format(Dutch, "{0:N0} materialen", materials),
    };

    /// <summary>What each alias of a taxonomy term or theme is searched as, to the name of what it is an alias of.</summary>
    private Dictionary<string, string> AliasesOf(ContentSnapshot content)
    {
        var named = DefinitionEdits.TaxonomyLists.SelectMany(l => DefinitionEdits.TermsOf(content.Taxonomy, l))
            .Select(t => (t.Label, t.Aliases))
            .Concat(content.Themes.Select(t => (Label: t.Title, t.Aliases)));
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, names) in named)
        {
            foreach (var alias in names)
                aliases.TryAdd(KeyOf(alias), label);
        }
        aliases.Remove("");
        return aliases;
    }

    private string KeyOf(string text) => string.Join(' ', words.Keys(text).Order(StringComparer.Ordinal));

    private static AnnualTable Queries(
        string name, string title, IReadOnlyList<QueryCount> year, IReadOnlyList<QueryCount> last, int top) =>
        new(name, title, ["zoekopdrachten"], [.. year.Take(top).Select(q => new AnnualRow(q.Query, q.Query,
            [YearFigure.Of(q.Searches, last.FirstOrDefault(l => l.Query == q.Query)?.Searches ?? 0)]))]);
}
