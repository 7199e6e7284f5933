using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Search.LuceneModules.Grouping;
using static PocMaterials.Search.Indexing.IndexFields;

namespace PocMaterials.Search.Indexing;

/// <summary>
/// Maps a material to its index documents: one for the material and, for a FAQ list, one per
/// question, so a question that answers a query is found on its own. All share the slug key and are
/// added as one block (material first), which search groups into one hit.
/// </summary>
internal static class MaterialDocuments
{
    /// <summary>The body's postings keep offsets, so snippets are highlighted without re-analysing it.</summary>
    private static readonly FieldType BodyField = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <summary>
    /// A question's answer, the body of its document: searched, not shown; indexed like every body, or a segment
    /// would drop the offsets.
    /// </summary>
    private static readonly FieldType AnswerField = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    /// <param name="revision">Identifies this indexing of the material (see <see cref="MaterialIndex.Indexed"/>).</param>
    public static IEnumerable<Document> Create(Material material, ContentSnapshot content, long revision)
    {
        var taxonomyText = TaxonomyText(material, content);
        var materialDocument = Common(material, KindMaterial, blockOffset: 0);
        materialDocument.Add(new NumericDocValuesField(Revision, revision));
        AddText(materialDocument, Title, material.Title, stored: true);
        AddText(materialDocument, Summary, material.Summary, stored: true);
        AddText(materialDocument, Tags, string.Join(" ", material.Tags), stored: false);
        AddText(materialDocument, Taxonomy, taxonomyText, stored: false);
        AddText(materialDocument, FaqQuestions, string.Join("\n", material.Questions.Select(q => q.Question)), stored: false);
        AddBody(materialDocument, material.BodyText, BodyField);
        var spelling = string.Join("\n", material.Title, material.Summary, string.Join(" ", material.Tags), material.BodyText);
        AddText(materialDocument, Spelling, spelling, stored: false);
        foreach (var question in material.Questions)
        {
            materialDocument.Add(new StoredField(QuestionTexts, question.Question));
            materialDocument.Add(new StoredField(QuestionAnchors, question.Anchor));
        }
        yield return materialDocument;

        // Searched, never shown: what a hit shows comes from the material's document.
        foreach (var (question, offset) in material.Questions.Select((q, i) => (q, i + 1)))
        {
            var questionDocument = Common(material, KindQuestion, offset);
            AddText(questionDocument, Title, question.Question, stored: false);
            AddText(questionDocument, Summary, material.Summary, stored: false);
            AddBody(questionDocument, question.AnswerText, AnswerField);
            yield return questionDocument;
        }
    }

    /// <summary>What a hit shows of a material, as its document stores it.</summary>
    public static StoredMaterial Stored(Document document) => new(
        document.Get(Slug),
        document.Get(Title),
        document.Get(IndexFields.Type),
        document.Get(Summary),
        document.Get(Body),
        document.Get(Updated),
        document.GetValues(QuestionTexts),
        document.GetValues(QuestionAnchors));

    /// <summary>What <see cref="Stored(Document)"/> reads from the material's document, taken from the material indexed.</summary>
    public static StoredMaterial Stored(Material material) => new(
        material.Slug, Text(material.Title), material.Type, Text(material.Summary), Text(material.BodyText), UpdatedText(material),
        material.Questions.Select(q => q.Question).ToArray(), material.Questions.Select(q => q.Anchor).ToArray());

    // Blank text is not indexed, so not stored either.
    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? UpdatedText(Material material) =>
        (material.Updated ?? material.Published)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Day(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <param name="blockOffset">
    /// The document's place in the material's block (the material first, then its questions), for grouping.
    /// </param>
    private static Document Common(Material material, string kind, int blockOffset)
    {
        var document = new Document
        {
            new NumericDocValuesField(MaterialGroupCollector.BlockOffsetField, blockOffset),
            new KeywordField(Slug, material.Slug, Field.Store.YES),
            new KeywordField(Kind, kind, Field.Store.YES),
            new KeywordField(Status, material.Status.ToString().ToLowerInvariant(), Field.Store.NO),
        };
        AddKeyword(document, IndexFields.Type, [material.Type], stored: true);
        AddKeyword(document, CoreProcess, material.CoreProcesses, stored: false);
        AddKeyword(document, Theme, material.Themes, stored: false);
        AddKeyword(document, Domain, material.Domains, stored: false);
        foreach (var role in material.Roles)
            document.Add(new KeywordField(Role, role, Field.Store.NO));
        if (material.Published is { } published)
            document.Add(new Int32Field(PublishedDay, Day(published), Field.Store.NO));
        var updated = material.Updated ?? material.Published;
        document.Add(new NumericDocValuesField(UpdatedSort, updated is { } u ? Day(u) : 0));
        if (UpdatedText(material) is { } day)
            document.Add(new StoredField(Updated, day));
        return document;
    }

    private static void AddKeyword(Document document, string field, IEnumerable<string> values, bool stored)
    {
        foreach (var value in values)
        {
            document.Add(new KeywordField(field, value, stored ? Field.Store.YES : Field.Store.NO));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void AddBody(Document document, string text, FieldType type)
    {
        if (Text(text) is { } indexed)
            document.Add(new Field(Body, indexed, type));
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static void AddText(Document document, string field, string? text, bool stored)
    {
        if (Text(text) is { } indexed)
            document.Add(new TextField(field, indexed, stored ? Field.Store.YES : Field.Store.NO));
    }

    /// <summary>
    /// Labels and aliases of the material's type, core processes, themes and domains, so "PGZ" finds the theme's materials.
    /// </summary>
    private static string TaxonomyText(Material material, ContentSnapshot content)
    {
        var taxonomy = content.Taxonomy;
        var terms = new List<string>();
        void AddTerm(Content.Taxonomy.TaxonomyTerm? term)
        {
            if (term is not null)
                terms.AddRange([term.Label, .. term.Aliases]);
        }
        AddTerm(taxonomy.Types.Find(material.Type));
        foreach (var id in material.CoreProcesses)
            AddTerm(taxonomy.CoreProcesses.Find(id));
        foreach (var id in material.Domains)
            AddTerm(taxonomy.Domains.Find(id));
        foreach (var id in material.Themes)
        {
            if (content.ThemesById.TryGetValue(id, out var theme))
                terms.AddRange([theme.Title, .. theme.Aliases]);
        }
        return string.Join("\n", terms);
    }
}

/// <summary>
/// The stored fields a hit shows: title, type, summary, the body its snippet comes from, and the FAQ questions with
/// their anchors.
/// </summary>
internal sealed record StoredMaterial(
    string Slug, string? Title, string? Type, string? Summary, string? Body, string? Updated,
    IReadOnlyList<string> QuestionTexts, IReadOnlyList<string> QuestionAnchors);
