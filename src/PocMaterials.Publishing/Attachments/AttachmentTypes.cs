using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PocMaterials.Publishing.Attachments;

/// <summary>A kind of file that may be attached to a material.</summary>
/// <param name="ShownInline">Browsers show it (PDF, images) rather than save it; none of these run as script.</param>
public sealed record AttachmentType(string Description, string ContentType, IReadOnlyList<string> Extensions, bool ShownInline);

/// <summary>What the bytes of a file are: an accepted <see cref="Type"/>, or null and a description of what was found.</summary>
public sealed record DetectedType(AttachmentType? Type, string Description);

/// <summary>
/// The accepted kinds of attachments, told from the bytes, never from the name. Markup (HTML, SVG),
/// scripts, programs, archives and macro-carrying documents are refused, whatever they are called.
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Pdf = new("a PDF document", "application/pdf", ["pdf"], true);
    public static readonly AttachmentType Docx = new(
        "a Word document (docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx"], false);
    public static readonly AttachmentType Pptx = new(
        "a PowerPoint presentation (pptx)", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ["pptx"], false);
    public static readonly AttachmentType Xlsx = new(
        "an Excel workbook (xlsx)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx"], false);
    public static readonly AttachmentType Odt = new(
        "an OpenDocument text (odt)", "application/vnd.oasis.opendocument.text", ["odt"], false);
    public static readonly AttachmentType Odp = new(
        "an OpenDocument presentation (odp)", "application/vnd.oasis.opendocument.presentation", ["odp"], false);
    public static readonly AttachmentType Ods = new(
        "an OpenDocument spreadsheet (ods)", "application/vnd.oasis.opendocument.spreadsheet", ["ods"], false);
    public static readonly AttachmentType Png = new("a PNG image", "image/png", ["png"], true);
    public static readonly AttachmentType Jpeg = new("a JPEG image", "image/jpeg", ["jpg", "jpeg"], true);

    public static readonly IReadOnlyList<AttachmentType> All = [Pdf, Docx, Pptx, Xlsx, Odt, Odp, Ods, Png, Jpeg];

    /// <summary>The accepted extensions, for messages: ".pdf, .docx, ...".</summary>
    public static string Extensions => string.Join(", ", All.SelectMany(t => t.Extensions).Select(e => "." + e));

    private static readonly Dictionary<string, AttachmentType> ByExtension =
        All.SelectMany(t => t.Extensions.Select(e => (e, t))).ToDictionary(p => p.e, p => p.t, StringComparer.Ordinal);

    private static readonly Dictionary<string, AttachmentType> ByOpenDocumentMimetype =
        new[] { Odt, Odp, Ods }.ToDictionary(t => t.ContentType, StringComparer.Ordinal);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The accepted type a file name's extension promises (extensions are lower case by the name rule), or null.</summary>
    public static AttachmentType? OfFileName(string fileName) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(fileName).TrimStart('.'));

    /// <summary>Reads the start of a seekable stream (and a ZIP's directory) to tell what the file is.</summary>
    public static DetectedType Detect(Stream file)
    {
        var head = new byte[512];
        file.Position = 0;
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, length);
        if (start.StartsWith("%PDF-"u8))
            return Accepted(Pdf);
        if (start.StartsWith(PngSignature))
            return Accepted(Png);
        if (start.StartsWith(JpegSignature))
            return Accepted(Jpeg);
        if (start.StartsWith(ZipSignature))
            return DetectZip(file);
        if (start.StartsWith(CompoundFileSignature))
            return new(null, "a legacy Office file (doc, ppt, xls); save it as docx, pptx or xlsx");
        if (start.StartsWith("MZ"u8) || start.StartsWith("\u007FELF"u8) || start.StartsWith("#!"u8))
            return new(null, "a program or script");
        if (start.TrimStart("\uFEFF \t\r\n"u8).StartsWith("<"u8))
            return new(null, "markup (HTML, SVG or XML)");
        return new(null, length == 0 ? "an empty file" : "no accepted kind of file");
    }

    private static DetectedType Accepted(AttachmentType type) => new(type, type.Description);

    /// <summary>OpenDocument names its kind in a first entry "mimetype"; OOXML has [Content_Types].xml and one main folder.</summary>
    private static DetectedType DetectZip(Stream file)
    {
        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries is [{ FullName: "mimetype" } mimetype, ..])
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var buffer = new char[100];
                var kind = new string(buffer, 0, reader.ReadBlock(buffer)).Trim();
                return ByOpenDocumentMimetype.TryGetValue(kind, out var type)
                    ? Accepted(type)
                    : new(null, $"an OpenDocument file of another kind ({kind})");
            }
            if (entries.FirstOrDefault(e => e.FullName == "[Content_Types].xml") is { } contentTypes)
            {
                // Office runs what a part's declared type says, whatever the part is called (word/macros.bin as a
                // VBA project), and a macro-enabled main document (docm, xlsm, pptm, Excel 4 macro sheets) asks for macros.
                if (entries.Any(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                    || DeclaredContentTypes(contentTypes).Any(t =>
                        t.Contains("macro", StringComparison.OrdinalIgnoreCase) || t.Contains("vba", StringComparison.OrdinalIgnoreCase)))
                    return new(null, "an Office document with macros");
                var main = new[] { ("word/", Docx), ("ppt/", Pptx), ("xl/", Xlsx) }
                    .Where(m => entries.Any(e => e.FullName.StartsWith(m.Item1, StringComparison.Ordinal))).Select(m => m.Item2).ToList();
                if (main is [var office])
                    return Accepted(office);
            }
            return new(null, "a ZIP archive that is no Office or OpenDocument file");
        }
        catch (InvalidDataException)
        {
            return new(null, "a damaged ZIP archive");
        }
        catch (XmlException)
        {
            return new(null, "an Office document whose [Content_Types].xml cannot be read");
        }
    }

    /// <summary>
    /// Every content type [Content_Types].xml declares, by extension or by part; read no further than a real one can be long.
    /// </summary>
    private static List<string> DeclaredContentTypes(ZipArchiveEntry contentTypes)
    {
        const int MaxBytes = 1024 * 1024;
        using var entry = contentTypes.Open();
        var bytes = new byte[MaxBytes + 1];
        var length = entry.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (length > MaxBytes)
            throw new XmlException("[Content_Types].xml is larger than any Office document's.");
        // The reader tells the encoding from the bytes, as Office does (UTF-8 or UTF-16).
        using var xml = XmlReader.Create(
            new MemoryStream(bytes, 0, length), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var types = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("ContentType") is { } type)
                types.Add(type);
        }
        return types;
    }
}
