using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Web.Options;

/// <summary>Where the content lives. Relative paths are taken from the working directory.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    [Required]
    public string ContentPath { get; set; } = "content";

    [Required]
    public string ThemesPath { get; set; } = "themes";
}
