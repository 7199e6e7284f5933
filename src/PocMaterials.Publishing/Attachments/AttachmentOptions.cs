using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Publishing.Attachments;

/// <summary>Limits of the files editors attach to materials.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest attachment: a larger upload is a 413, refused before it is read whole.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;
}
