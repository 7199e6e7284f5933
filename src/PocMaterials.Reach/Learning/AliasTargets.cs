using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;

namespace PocMaterials.Reach.Learning;

/// <summary>
/// A term or theme an alias can be added to, with the search keys of its names and how many materials it names (those
/// of a theme, core process, domain or type; those whose title, summary, tags or questions name a glossary term).
/// </summary>
public sealed record AliasTarget(string Id, string Label, string Kind, int Order, IReadOnlySet<string> Keys, int Materials)
{
    /// <summary>A type names a kind of document, not what a material is about.</summary>
    public bool IsDocumentType => Order == AliasTargets.TypeOrder;
}

/// <summary>
/// The terms that can name a material: its themes, core processes, domains and type, and the glossary's terms its title,
/// summary, tags or questions name. Kind is the Dutch word the dashboard shows; order prefers the most specific kind.
/// </summary>
internal sealed class AliasTargets
{
    public const int TypeOrder = 4;

    private readonly IQueryWords _words;
    private readonly ContentSnapshot _content;
    private readonly Dictionary<string, AliasTarget> _byKey = new(StringComparer.Ordinal);
    private readonly List<(AliasTarget Target, List<IReadOnlySet<string>> Names)> _glossary = [];
    private readonly Dictionary<string, int> _glossaryMaterials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _materialKeys = new(StringComparer.Ordinal);

    public AliasTargets(IQueryWords words, ContentSnapshot content)
    {
        (_words, _content) = (words, content);
        var materials = content.Materials.Values.ToList();
        var taxonomy = content.Taxonomy;
        foreach (var term in taxonomy.Glossary)
        {
            var names = term.Aliases.Prepend(term.Label).Select(_words.Keys).Where(keys => keys.Count > 0).ToList();
            _glossary.Add((Target(term.Id, term.Label, term.Aliases, "begrip", 0, 0), names));
        }
        foreach (var theme in content.ThemesById.Values)
            Add("theme", Target(theme.Id, theme.Title, theme.Aliases, "thema", 1, Count(materials, m => m.Themes, theme.Id)));
        foreach (var term in taxonomy.CoreProcesses.All)
            Add("core", Target(term.Id, term.Label, term.Aliases, "kernproces", 2, Count(materials, m => m.CoreProcesses, term.Id)));
        foreach (var term in taxonomy.Domains.All)
            Add("domain", Target(term.Id, term.Label, term.Aliases, "domein", 3, Count(materials, m => m.Domains, term.Id)));
        foreach (var term in taxonomy.Types.All)
            Add("type", Target(term.Id, term.Label, term.Aliases, "type", TypeOrder, Count(materials, m => [m.Type], term.Id)));
        Taken = new HashSet<string>(
            [.. new[] { taxonomy.CoreProcesses, taxonomy.Domains, taxonomy.Types, taxonomy.Roles, taxonomy.Centres }
                .SelectMany(list => list.All).Concat(taxonomy.Glossary).SelectMany(t => t.Aliases.Prepend(t.Label)),
             .. content.ThemesById.Values.SelectMany(t => t.Aliases.Prepend(t.Title))],
            StringComparer.OrdinalIgnoreCase);
        TakenKeys = new HashSet<string>(Taken.Select(Signature), StringComparer.Ordinal);
    }

    /// <summary>Every label and alias of taxonomy.yml and the themes: a word among them is no new alias.</summary>
    public IReadOnlySet<string> Taken { get; }

    /// <summary>The same names as search reads them, so "inentingen" is taken when "inenting" is.</summary>
    public IReadOnlySet<string> TakenKeys { get; }

    public string Signature(string text) => string.Join(' ', _words.Keys(text).Order(StringComparer.Ordinal));

    /// <summary>The targets that can name this material.</summary>
    public IEnumerable<AliasTarget> For(Material material)
    {
        var keys = MaterialKeys(material);
        var own = material.Themes.Select(id => _byKey.GetValueOrDefault("theme " + id))
            .Concat(material.CoreProcesses.Select(id => _byKey.GetValueOrDefault("core " + id)))
            .Concat(material.Domains.Select(id => _byKey.GetValueOrDefault("domain " + id)))
            .Append(_byKey.GetValueOrDefault("type " + material.Type))
            .OfType<AliasTarget>();
        return _glossary
            .Where(g => g.Target.Keys.Any(keys.Contains) && NamesIn(g.Names, keys))
            .Select(g => g.Target with { Materials = GlossaryMaterials(g.Target.Id, g.Names) })
            .Concat(own);
    }

    private static bool NamesIn(List<IReadOnlySet<string>> names, IReadOnlySet<string> keys) => names.Any(name => name.All(keys.Contains));

    /// <summary>How many materials name the glossary term, counted once per term when it is a candidate.</summary>
    private int GlossaryMaterials(string id, List<IReadOnlySet<string>> names)
    {
        if (!_glossaryMaterials.TryGetValue(id, out var count))
            _glossaryMaterials[id] = count = _content.Materials.Values.Count(m => NamesIn(names, MaterialKeys(m)));
        return count;
    }

    private IReadOnlySet<string> MaterialKeys(Material material)
    {
        if (!_materialKeys.TryGetValue(material.Slug, out var keys))
        {
            var text = string.Join(" \n",
                [material.Title, material.Summary ?? "", .. material.Tags, .. material.Questions.Select(q => q.Question)]);
            _materialKeys[material.Slug] = keys = _words.Keys(text);
        }
        return keys;
    }

    private static int Count(List<Material> materials, Func<Material, IReadOnlyList<string>> ids, string id) =>
        materials.Count(m => ids(m).Contains(id));

    private void Add(string list, AliasTarget target) => _byKey[list + " " + target.Id] = target;

    private AliasTarget Target(string id, string label, IReadOnlyList<string> aliases, string kind, int order, int materials) =>
        new(id, label, kind, order, new HashSet<string>(aliases.Prepend(label).SelectMany(_words.Keys), StringComparer.Ordinal), materials);
}
