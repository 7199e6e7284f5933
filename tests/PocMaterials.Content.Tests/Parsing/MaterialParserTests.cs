using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Parsing;

/// <summary>What a material file becomes as the library loads it: its metadata, its questions and its front matter's errors.</summary>
public sealed class MaterialParserTests
{
    private const string Valid = """
        title: FAQ decreet leersteun
        type: faq
        summary: Antwoorden over leersteun.
        core_processes: [begeleiding]
        themes: [decreet-leersteun]
        domains: [leren-en-studeren]
        roles: [clb-medewerker]
        published: 2024-09-02
        review_by: 2025-09-01
        tags: [leersteun]
        """;

    [Fact]
    public void A_valid_material_is_loaded_with_its_metadata_and_questions()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("faq-decreet-leersteun", Valid, """
            Intro met <script>alert('x')</script> tekst.

            ## Wie vraagt leersteun aan?
            De school vraagt het aan.

            ## Hoe lang loopt een traject?
            Een schooljaar.
            """);
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Empty(content.Errors);
        var material = content.Materials["faq-decreet-leersteun"];
        Assert.Equal("FAQ decreet leersteun", material.Title);
        Assert.Equal(["begeleiding"], material.CoreProcesses);
        Assert.Equal(new DateOnly(2024, 9, 2), material.Updated);
        Assert.Equal("an-jacobs", material.ContactId); // from its first theme
        Assert.Equal(["Wie vraagt leersteun aan?", "Hoe lang loopt een traject?"], material.Questions.Select(q => q.Question));
        Assert.Equal("wie-vraagt-leersteun-aan", material.Questions[0].Anchor);
        Assert.Equal("De school vraagt het aan.", material.Questions[0].AnswerText);
        Assert.DoesNotContain("alert", material.BodyText, StringComparison.Ordinal);
        Assert.True(material.IsDueForReview(new DateOnly(2025, 9, 2)));
        Assert.False(material.IsDueForReview(new DateOnly(2025, 9, 1)));
    }

    [Theory]
    [InlineData("title: ''\ntype: faq", 2, "title", "required")]
    [InlineData("type: faq\nsummary: x", 2, "title", "required")]
    [InlineData("title: T\ntype: brochure", 3, "type", "unknown id 'brochure'")]
    [InlineData("title: T\ntype: faq\ncore_processes: [begeleiding, zwemmen]", 4, "core_processes", "unknown id 'zwemmen'")]
    [InlineData("title: T\ntype: faq\nthemes: [onbekend]", 4, "themes", "unknown id 'onbekend'")]
    [InlineData("title: T\ntype: faq\ndomains: [sport]", 4, "domains", "unknown id 'sport'")]
    [InlineData("title: T\ntype: faq\nroles: [piloot]", 4, "roles", "unknown id 'piloot'")]
    [InlineData("title: T\ntype: faq\ncontact: niemand", 4, "contact", "unknown id 'niemand'")]
    [InlineData("title: T\ntype: faq\npublished: 2024-13-01", 4, "published", "not a date")]
    [InlineData("title: T\ntype: faq\nreview_by: morgen", 4, "review_by", "not a date")]
    [InlineData("title: T\ntype: faq\nstatus: klaar", 4, "status", "not a status")]
    [InlineData("title: T\ntype: faq\ncore_process: [begeleiding]", 4, "core_process", "unknown field")]
    [InlineData("title: T\ntype: faq\ntags: [a, b\n", 5, "yaml", "invalid YAML")]
    public void An_invalid_front_matter_is_an_error_naming_file_line_and_field(string frontMatter, int line, string field, string message)
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("kapot", frontMatter, folder: "sub");
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        var error = Assert.Single(content.Errors);
        Assert.Equal("content/materials/sub/kapot.md", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (field != "yaml")
            Assert.Equal(line, error.Line);
        else
            Assert.InRange(error.Line, 2, line);
        Assert.Empty(content.Materials);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_one_pass()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("kapot", "title: T\ntype: brochure\nroles: [piloot]\npublished: gisteren");
        using var library = new ContentLibrary(folder.Location);

        var errors = library.Reload().Snapshot.Errors;

        Assert.Equal(
            ["type", "roles", "published"],
            errors.Select(e => e.Field).Order().Reverse().OrderBy(f => f == "type" ? 0 : f == "roles" ? 1 : 2));
    }

    [Fact]
    public void Missing_and_unclosed_front_matter_are_errors()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("content/materials/zonder.md", "# Geen front matter\n");
        folder.Write("content/materials/open.md", "---\ntitle: T\ntype: faq\n\nTekst\n");
        using var library = new ContentLibrary(folder.Location);

        var errors = library.Reload().Snapshot.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Equal(("content/materials/open.md", "front matter"), (errors[0].File, errors[0].Field));
        Assert.Contains("never closed", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("content/materials/zonder.md", "front matter"), (errors[1].File, errors[1].Field));
    }

    [Fact]
    public void Roles_default_to_every_staff_member_and_status_to_published()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);

        var material = library.Reload().Snapshot.Materials["fiche"];

        Assert.Equal(["clb-medewerker"], material.Roles);
        Assert.Equal(MaterialStatus.Published, material.Status);
    }
}
