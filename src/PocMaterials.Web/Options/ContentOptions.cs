using System.ComponentModel.DataAnnotations;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Options;

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

    public ContentLibrary CreateLibrary(ILogger<ContentLibrary>? logger = null) =>
        new(new ContentLocation(ContentPath, ThemesPath), logger, MaxFileBytes);
}
