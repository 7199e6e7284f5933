namespace PocMaterials.Search.Indexing;

/// <summary>The fields of a document in the material index.</summary>
internal static class IndexFields
{
    // Keys and display.
    public const string Slug = "slug";
    public const string Kind = "kind";
    // A material's FAQ questions and their anchors, in order: the question documents of its block, read
    // from the material's own document when its hit is shown.
    public const string QuestionTexts = "question_text";
    public const string QuestionAnchors = "question_anchor";
    public const string Updated = "updated";

    // Searchable text (Dutch text analyzer).
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Tags = "tags";
    public const string Taxonomy = "taxonomy";
    public const string FaqQuestions = "faq_questions";
    public const string Body = "body";

    // Unstemmed words (spelling analyzer): typo tolerance and suggestions.
    public const string Spelling = "spelling";

    // Filters and facets (exact ids, also as sorted-set doc values).
    public const string Type = "type";
    public const string CoreProcess = "core_process";
    public const string Theme = "theme";
    public const string Domain = "domain";

    // Visibility.
    public const string Role = "role";
    public const string Status = "status";
    public const string PublishedDay = "published_day";

    public const string UpdatedSort = "updated_sort";

    // A material document's revision: which indexing of the material it is (numeric doc values).
    public const string Revision = "revision";

    public const string KindMaterial = "material";
    public const string KindQuestion = "question";

    /// <summary>
    /// Text fields with their ranking weight: title and FAQ question matches above body matches. Lower than
    /// TF-IDF had them (title 8, questions 4, tags 3, summary 2.5): with BM25 those let any title holding one
    /// common word of a long question outrank the material whose body holds its rare words (situations
    /// 0.41 -> 0.45 and paraphrases 0.74 -> 0.82 nDCG@10 on the judged set with these).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, float> TextFieldBoosts = new Dictionary<string, float>
    {
        [Title] = 3f,
        [FaqQuestions] = 2f,
        [Tags] = 2f,
        [Summary] = 1.5f,
        [Taxonomy] = 1.2f,
        [Body] = 1f,
    };

    public static readonly string[] FacetFields = [Type, CoreProcess, Theme, Domain];
}
