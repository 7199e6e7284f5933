using System.IO.Compression;
using System.Text;

namespace PocMaterials.Testing;

/// <summary>Tiny but well-formed files of every kind an attachment may be, and of kinds it may not.</summary>
public static class SampleFiles
{
    /// <summary>A sample by the name of its method, for theories: "Pdf", "Docx", ...</summary>
    public static byte[] Named(string name) => (byte[])typeof(SampleFiles).GetMethod(name, [])!.Invoke(null, null)!;

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n"
        + "trailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static byte[] Docx() => OfficeOpenXml("word/document.xml", WordMain, []);

    public static byte[] Pptx() =>
        OfficeOpenXml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", []);

    public static byte[] Xlsx() =>
        OfficeOpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", []);

    /// <summary>A Word document that carries a VBA project.</summary>
    public static byte[] DocxWithMacros() =>
        OfficeOpenXml(
            "word/document.xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            [],
            ("word/vbaProject.bin", "Attribute VB_Name"));

    /// <summary>A Word document whose VBA project has another name, declared as one by its content type.</summary>
    public static byte[] DocxWithRenamedMacros() =>
        OfficeOpenXml(
            "word/document.xml",
            WordMain,
            [("word/macros.bin", "application/vnd.ms-office.vbaProject")],
            ("word/macros.bin", "Attribute VB_Name"));

    /// <summary>A macro-enabled Word document (docm) by its main document's type, with no VBA part to be seen.</summary>
    public static byte[] MacroEnabledDocx() =>
        OfficeOpenXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", []);

    public static byte[] Odt() => OpenDocument("text");

    public static byte[] Odp() => OpenDocument("presentation");

    public static byte[] Ods() => OpenDocument("spreadsheet");

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n");

    public static byte[] Svg() => Encoding.UTF8.GetBytes("\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

    public static byte[] WindowsProgram() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    /// <summary>The signature of an OLE compound file: a .doc, .ppt or .xls of before 2007.</summary>
    public static byte[] LegacyOffice() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                // OpenDocument wants its mimetype entry stored, not compressed.
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    private const string OfficeDocumentRelationship =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    /// <param name="declared">Parts besides the main one whose content type [Content_Types].xml declares.</param>
    private static byte[] OfficeOpenXml(
        string mainPart,
        string mainContentType,
        (string Part, string ContentType)[] declared,
        params (string Name, string Text)[] more) => Zip(
    [
        ("[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/{mainPart}" ContentType="{mainContentType}"/>
            {string.Concat(declared.Select(d => $"  <Override PartName=\"/{d.Part}\" ContentType=\"{d.ContentType}\"/>\n"))}
            </Types>
            """),
        ("_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="{OfficeDocumentRelationship}" Target="{mainPart}"/>
            </Relationships>
            """),
        (mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><document/>"),
        .. more,
    ]);

    private static byte[] OpenDocument(string kind) => Zip(
        ("mimetype", $"application/vnd.oasis.opendocument.{kind}"),
        ("META-INF/manifest.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
              <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.{kind}"/>
              <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """),
        ("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));
}
