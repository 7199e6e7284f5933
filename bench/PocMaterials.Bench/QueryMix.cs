using PocMaterials.Content.Visibility;
using PocMaterials.Search.Querying;

namespace PocMaterials.Bench;

/// <summary>The mixed query set: words, phrases, acronyms, compounds, typos, filters and browsing, for several roles.</summary>
internal static class QueryMix
{
    public static readonly (string Name, MaterialSearchRequest Request)[] Requests =
    [
        ("word", new() { Query = "leersteun" }),
        ("word", new() { Query = "beroepsgeheim" }),
        ("words", new() { Query = "HGD intake" }),
        ("words", new() { Query = "beroepsgeheim echtscheiding" }),
        ("phrase", new() { Query = "\"ouderlijk gezag\"" }),
        ("phrase", new() { Query = "handelingsgerichte diagnostiek" }),
        ("acronym", new() { Query = "PGZ" }),
        ("acronym", new() { Query = "OLB" }),
        ("compound", new() { Query = "strategie" }),
        ("compound", new() { Query = "begeleiding" }),
        ("compound", new() { Query = "leerlingenbegeleiding" }),
        ("typo", new() { Query = "beroepsgeheym" }),
        ("typo", new() { Query = "vacinatie" }),
        ("typo", new() { Query = "diagnostik toestemmming" }),
        ("filter", new() { Query = "leersteun", Types = ["faq"] }),
        ("filter", new() { Query = "zorg", Themes = ["decreet-leersteun", "vechtscheiding"], CoreProcesses = ["begeleiding"] }),
        ("browse", new() { Query = "", Domains = ["onderwijsloopbaan"] }),
        ("sort", new() { Query = "afspraken", Sort = SearchSort.Updated }),
    ];

    public static readonly StaffMember[] Viewers =
    [
        new("bench-1", ["clb-medewerker"], "gent"),
        new("bench-2", ["arts"], "brussel"),
        new("bench-3", ["directeur"], "antwerpen"),
        new("bench-4", ["redacteur"], null),
    ];

    public static string QueryString(MaterialSearchRequest request)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(request.Query ?? "") };
        parts.AddRange(request.Types.Select(v => "type=" + v));
        parts.AddRange(request.Themes.Select(v => "theme=" + v));
        parts.AddRange(request.CoreProcesses.Select(v => "core_process=" + v));
        parts.AddRange(request.Domains.Select(v => "domain=" + v));
        if (request.Sort == SearchSort.Updated)
            parts.Add("sort=updated");
        return string.Join('&', parts);
    }
}
