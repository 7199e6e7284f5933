namespace PocMaterials.Content.Themes;

/// <summary>A thema from themes/&lt;id&gt;.md: its title, search aliases, contact and newsletter intro.</summary>
public sealed record Theme
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? ContactId { get; init; }
    public IReadOnlyList<string> CoreProcesses { get; init; } = [];

    /// <summary>An image shown with the theme: a path of this site or an http(s) address.</summary>
    public string? Image { get; init; }
    public required string IntroMarkdown { get; init; }
    public required string SourcePath { get; init; }
}
