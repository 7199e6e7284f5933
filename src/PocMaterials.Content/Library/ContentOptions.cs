using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Content.Library;

/// <summary>Where the content lives. Relative paths are taken from the working directory.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    [Required]
    public string ContentPath { get; set; } = "content";

    [Required]
    public string ThemesPath { get; set; } = "themes";

    /// <summary>The largest content file that is loaded; a larger one is a content error.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = ContentLibrary.DefaultMaxFileBytes;

    /// <summary>How often all files are compared with what was loaded, beside the file watcher; 0 turns it off.</summary>
    [Range(0, 3600)]
    public int RescanSeconds { get; set; } = 30;

    public ContentLibrary CreateLibrary(ILogger<ContentLibrary>? logger = null) =>
        new(new ContentLocation(ContentPath, ThemesPath), logger, MaxFileBytes, TimeSpan.FromSeconds(RescanSeconds));

    /// <summary>The folders the content lives in, by name, as a backup holds them.</summary>
    public IReadOnlyDictionary<string, string> Folders() => new Dictionary<string, string>
    {
        ["content"] = Path.GetFullPath(ContentPath),
        ["themes"] = Path.GetFullPath(ThemesPath),
    };
}
