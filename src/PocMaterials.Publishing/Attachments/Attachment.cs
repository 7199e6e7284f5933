namespace PocMaterials.Publishing.Attachments;

/// <summary>A file attached to a material, as stored in content/attachments/{slug}/{name}.</summary>
public sealed record Attachment(string Slug, string Name, long Size, AttachmentType Type, DateTimeOffset Updated, string ETag);

/// <summary>An attachment with its bytes open for reading; the reader disposes it.</summary>
public sealed record OpenedAttachment(Attachment Attachment, FileStream Stream) : IDisposable
{
    public void Dispose() => Stream.Dispose();
}
