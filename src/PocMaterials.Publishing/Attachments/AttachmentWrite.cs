namespace PocMaterials.Publishing.Attachments;

public enum AttachmentOutcome
{
    Created,
    Replaced,
    Deleted,
    NotFound,

    /// <summary>A create over an existing attachment, without naming its version.</summary>
    Exists,

    /// <summary>The version named (If-Match) is not the one stored.</summary>
    Stale,

    /// <summary>The body is longer than the limit; it was not read further.</summary>
    TooLarge,

    /// <summary>The bytes are not what the name's extension promises, or no accepted type at all.</summary>
    WrongType,
}

/// <param name="Detected">With <see cref="AttachmentOutcome.WrongType"/>: what the bytes turned out to be.</param>
public sealed record AttachmentWrite(AttachmentOutcome Outcome, Attachment? Attachment = null, string? Detected = null);
