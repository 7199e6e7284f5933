namespace PocMaterials.Content.Taxonomy;

/// <summary>The vocabularies of taxonomy.yml that a material's metadata refers to.</summary>
public sealed class MaterialTaxonomy
{
    public static readonly MaterialTaxonomy Empty = new([], [], [], [], [], []);

    public MaterialTaxonomy(
        IReadOnlyList<TaxonomyTerm> coreProcesses,
        IReadOnlyList<TaxonomyTerm> domains,
        IReadOnlyList<TaxonomyTerm> roles,
        IReadOnlyList<TaxonomyTerm> types,
        IReadOnlyList<TaxonomyTerm> centres,
        IReadOnlyList<TaxonomyTerm> glossary)
    {
        CoreProcesses = new TermList(coreProcesses);
        Domains = new TermList(domains);
        Roles = new TermList(roles);
        Types = new TermList(types);
        Centres = new TermList(centres);
        Glossary = glossary;
    }

    public TermList CoreProcesses { get; }
    public TermList Domains { get; }
    public TermList Roles { get; }
    public TermList Types { get; }
    public TermList Centres { get; }

    /// <summary>Acronyms and their long forms: synonyms for search, not metadata.</summary>
    public IReadOnlyList<TaxonomyTerm> Glossary { get; }
}

/// <summary>An ordered list of terms with lookup by id.</summary>
public sealed class TermList(IReadOnlyList<TaxonomyTerm> terms)
{
    private readonly Dictionary<string, TaxonomyTerm> _byId =
        terms.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<TaxonomyTerm> All { get; } = terms;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public TaxonomyTerm? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The label of an id, or the id itself when it is unknown.</summary>
    public string LabelOf(string id) => _byId.TryGetValue(id, out var term) ? term.Label : id;
}
