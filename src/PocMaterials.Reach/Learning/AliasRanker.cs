using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Reach.Learning;

public sealed record LearnedMaterial(string Slug, string Title);

/// <summary>
/// A word staff searched, proposed as an alias of a term or theme, with its evidence: the searches that taught it, the
/// distinct staff who made them, the materials they then opened and the queries that found those.
/// </summary>
public sealed record ProposedAlias(
    string Word,
    string Target,
    string TargetLabel,
    string TargetKind,
    int Searches,
    int Viewers,
    IReadOnlyList<LearnedMaterial> Materials,
    IReadOnlyList<string> FoundWith);

/// <summary>
/// Turns evidence into proposed aliases. A search counts only when the material is visible today to the roles the
/// viewer had, and it can only point at a term that names that material: so no role learns from a material it may not
/// see. A word counts without its stop words, and not when it is already a name, describes a situation (too many
/// words), already finds the material near the top, or was dismissed for that target.
/// </summary>
public sealed class AliasRanker(IQueryWords words, SearchLearningOptions options)
{
    private sealed class Group(string word, AliasTarget target)
    {
        public string Word { get; } = word;
        public AliasTarget Target { get; } = target;
        public int Searches { get; set; }
        public HashSet<int> Viewers { get; } = [];
        public Dictionary<string, string> Materials { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> FoundWith { get; } = new(StringComparer.Ordinal);
    }

    public IReadOnlyList<ProposedAlias> Rank(
        IReadOnlyList<EvidenceRow> evidence, ContentSnapshot content, DateOnly today, IReadOnlySet<(string Word, string Target)> dismissed)
    {
        var targets = new AliasTargets(words, content);
        var found = new Dictionary<(string, string), IReadOnlyList<string>>();
        var groups = new Dictionary<(string, string), Group>();
        foreach (var row in evidence)
        {
            if (!content.Materials.TryGetValue(row.Slug, out var material))
                continue;
            var viewer = new StaffMember("learning", row.Roles, null);
            if (!material.IsVisibleTo(viewer, today))
                continue;
            var contentWords = words.ContentWords(row.Word);
            if (contentWords.Count == 0 || contentWords.Count > options.MaxWords)
                continue;
            var word = string.Join(' ', contentWords);
            if (targets.Taken.Contains(word) || targets.TakenKeys.Contains(targets.Signature(word)))
                continue;
            if (Best(targets, material, row.FoundWith) is not { } target || dismissed.Contains((word, target.Id)))
                continue;
            var roles = string.Join(',', viewer.Roles.Order(StringComparer.Ordinal));
            if (!found.TryGetValue((word, roles), out var top))
                found[(word, roles)] = top = words.Top(word, viewer, options.FoundWithin);
            if (top.Contains(row.Slug))
                continue;
            if (!groups.TryGetValue((word, target.Id), out var group))
                groups[(word, target.Id)] = group = new Group(word, target);
            group.Searches += row.Searches;
            group.Viewers.Add(row.Viewer);
            group.Materials[material.Slug] = material.Title;
            if (row.FoundWith is { } with)
                group.FoundWith.Add(with);
        }
        return [.. groups.Values
            .Where(g => g.Viewers.Count >= options.MinViewers)
            .OrderByDescending(g => g.Viewers.Count).ThenByDescending(g => g.Searches).ThenBy(g => g.Word, StringComparer.Ordinal)
            .Select(g => new ProposedAlias(g.Word, g.Target.Id, g.Target.Label, g.Target.Kind, g.Searches, g.Viewers.Count,
                [.. g.Materials.Select(m => new LearnedMaterial(m.Key, m.Value)).OrderBy(m => m.Title, StringComparer.CurrentCulture)],
                [.. g.FoundWith]))];
    }

    /// <summary>
    /// The target that best names the material for these staff: a subject before a document type (what they searched
    /// is what the material is about, not its form; a type only when no subject shares a word), then the most of the
    /// words they found it with (the word itself when it found the material, else the material's title), each word once
    /// however many parts a compound has, then the fewest materials, then the most specific kind.
    /// </summary>
    private AliasTarget? Best(AliasTargets targets, Content.Materials.Material material, string? foundWith)
    {
        foreach (var naming in new[] { foundWith, material.Title }.OfType<string>())
        {
            var named = words.ContentWords(naming).Select(words.Keys).ToList();
            var best = targets.For(material)
                .Select(t => (Target: t, Share: named.Count(keys => keys.Overlaps(t.Keys))))
                .Where(t => t.Share > 0)
                .OrderBy(t => t.Target.IsDocumentType).ThenByDescending(t => t.Share)
                .ThenBy(t => t.Target.Materials).ThenBy(t => t.Target.Order)
                .Select(t => t.Target).FirstOrDefault();
            if (best is not null)
                return best;
        }
        return null;
    }
}
