using PocMaterials.Publishing.Attachments;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests.Attachments;

/// <summary>What a file is comes from its bytes: every accepted kind is recognised, everything else is named and refused.</summary>
public sealed class AttachmentTypesTests
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { nameof(SampleFiles.Pdf), "application/pdf" },
        { nameof(SampleFiles.Png), "image/png" },
        { nameof(SampleFiles.Jpeg), "image/jpeg" },
        { nameof(SampleFiles.Docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(SampleFiles.Pptx), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { nameof(SampleFiles.Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(SampleFiles.Odt), "application/vnd.oasis.opendocument.text" },
        { nameof(SampleFiles.Odp), "application/vnd.oasis.opendocument.presentation" },
        { nameof(SampleFiles.Ods), "application/vnd.oasis.opendocument.spreadsheet" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Every_accepted_kind_is_recognised_from_its_bytes(string sample, string contentType)
    {
        var detected = Detect(SampleFiles.Named(sample));

        Assert.Equal(contentType, detected.Type?.ContentType);
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { nameof(SampleFiles.Html), "markup" },
        { nameof(SampleFiles.Svg), "markup" },
        { nameof(SampleFiles.WindowsProgram), "program" },
        { nameof(SampleFiles.LegacyOffice), "legacy Office" },
        { nameof(SampleFiles.DocxWithMacros), "macros" },
        { nameof(SampleFiles.DocxWithRenamedMacros), "macros" },
        { nameof(SampleFiles.MacroEnabledDocx), "macros" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Markup_programs_legacy_and_macro_documents_are_refused_and_named(string sample, string description)
    {
        var detected = Detect(SampleFiles.Named(sample));

        Assert.Null(detected.Type);
        Assert.Contains(description, detected.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Archives_that_are_no_documents_and_broken_or_empty_files_are_refused()
    {
        var plainZip = Detect(SampleFiles.Zip(("readme.txt", "hallo")));
        var twoMainParts = Detect(SampleFiles.Zip(
            ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<d/>"), ("xl/workbook.xml", "<w/>")));
        var otherOpenDocument = Detect(SampleFiles.Zip(("mimetype", "application/vnd.oasis.opendocument.graphics")));
        var mimetypeNotFirst = Detect(SampleFiles.Zip(("content.xml", "<c/>"), ("mimetype", "application/vnd.oasis.opendocument.text")));
        var broken = Detect([.. SampleFiles.Docx().Take(200)]);
        var script = Detect("#!/bin/sh\nrm -rf /\n"u8.ToArray());

        Assert.All(
            new[] { plainZip, twoMainParts, otherOpenDocument, mimetypeNotFirst, broken, script, Detect([]) },
            d => Assert.Null(d.Type));
        Assert.Contains("graphics", otherOpenDocument.Description, StringComparison.Ordinal);
        Assert.Contains("damaged", broken.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verslag.pdf", "application/pdf")]
    [InlineData("foto.jpeg", "image/jpeg")]
    [InlineData("foto.jpg", "image/jpeg")]
    [InlineData("pagina.html", null)]
    [InlineData("tekening.svg", null)]
    [InlineData("macro.docm", null)]
    [InlineData("oud.doc", null)]
    public void A_name_promises_at_most_one_accepted_type(string name, string? contentType)
    {
        Assert.Equal(contentType, AttachmentTypes.OfFileName(name)?.ContentType);
    }

    private static DetectedType Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return AttachmentTypes.Detect(stream);
    }
}
