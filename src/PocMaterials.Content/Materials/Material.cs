namespace PocMaterials.Content.Materials;

public enum MaterialStatus
{
    Published,
    Draft,
}

/// <summary>One Markdown file of the material bank, validated against the taxonomy.</summary>
public sealed record Material
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> CoreProcesses { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Domains { get; init; } = [];
    public required IReadOnlyList<string> Roles { get; init; }
    public string? ContactId { get; init; }
    public DateOnly? Published { get; init; }
    public DateOnly? Updated { get; init; }
    public DateOnly? ReviewBy { get; init; }
    public MaterialStatus Status { get; init; } = MaterialStatus.Published;
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The Markdown after the front matter.</summary>
    public required string BodyMarkdown { get; init; }

    /// <summary>The body as plain text (no markup, no raw HTML), for search and snippets.</summary>
    public required string BodyText { get; init; }

    /// <summary>For FAQ lists: each level-2 heading with its answer.</summary>
    public IReadOnlyList<FaqQuestion> Questions { get; init; } = [];

    /// <summary>The file it was read from, relative to the content folder.</summary>
    public required string SourcePath { get; init; }

    public bool IsDueForReview(DateOnly today) => ReviewBy is { } reviewBy && reviewBy < today;
}

/// <summary>A question of a FAQ list: addressable by its anchor and found by search on its own.</summary>
public sealed record FaqQuestion(string Question, string Anchor, string AnswerText);
