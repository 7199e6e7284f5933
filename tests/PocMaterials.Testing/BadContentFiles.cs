using System.Text.Json;
using PocMaterials.Content.Materials;

namespace PocMaterials.Testing;

/// <summary>A content file with one error: its code, where the file is, its text, the field and values of the error.</summary>
/// <param name="File">Below the content folder's root: <c>content/materials/a.md</c>, <c>content/taxonomy.yml</c>, ...</param>
/// <param name="Values">The error's values as JSON, or null for a reason in English (a parser's words).</param>
public sealed record BadContentFile(string Code, string File, string Text, string Field, string? Values);

/// <summary>
/// A bad file for every content error code a file in a content folder can make: loaded from disk by the library
/// (Content.Tests) and sent through the API (Web.Tests).
/// </summary>
public static class BadContentFiles
{
    /// <summary>The material every bad material file is.</summary>
    public const string Material = "content/materials/a.md";

    /// <summary>The largest content file of the tests that load these: the too-large file is larger.</summary>
    public const long MaxFileBytes = 4096;

    public static readonly IReadOnlyList<BadContentFile> All =
    [
        new("required", Material, "---\ntitle: ''\ntype: fiche\n---\nTekst.\n", "title", "{}"),
        new("not-text", Material, "---\ntitle: [een, twee]\ntype: fiche\n---\nTekst.\n", "title", "{}"),
        new("not-a-list", Material, Fiche("tags: {a: b}"), "tags", "{}"),
        new("invalid-item", Material, Fiche("tags: [goed, '']"), "tags", "{}"),
        new(
            "unknown-field", Material, Fiche("core_process: [begeleiding]"), "core_process",
            JsonSerializer.Serialize(new { expected = MaterialFields.InOrder })),
        new(
            "unknown-term", Material, "---\ntitle: T\ntype: brochure\n---\nTekst.\n", "type",
            """{"value":"brochure","lists":["types"]}"""),
        new("too-long", Material, Fiche($"summary: {new string('s', 501)}"), "summary", """{"length":501,"limit":500}"""),
        new(
            "too-many", Material, Fiche($"tags: [{string.Join(", ", Enumerable.Range(1, 31).Select(i => $"t{i}"))}]"),
            "tags", """{"count":31,"limit":30}"""),
        new(
            "invalid-count", "content/taxonomy.yml",
            Fixture.Taxonomy.Replace("    label: GO! CLB Gent\n", "    label: GO! CLB Gent\n    staff: veel\n", StringComparison.Ordinal),
            "staff", """{"value":"veel","min":1,"max":100000}"""),
        new("invalid-date", Material, Fiche("published: 2024-13-01"), "published", """{"value":"2024-13-01"}"""),
        new(
            "date-order", Material, Fiche("published: 2024-09-02\nreview_by: 2024-09-01"), "review_by",
            """{"value":"2024-09-01","before":"published","beforeValue":"2024-09-02"}"""),
        new("invalid-status", Material, Fiche("status: klaar"), "status", """{"value":"klaar","allowed":["published","draft"]}"""),
        new("invalid-month", "content/newsletter.yml", "2026-13: decreet-leersteun\n", "2026-13", """{"value":"2026-13"}"""),
        new(
            "duplicate", "content/contacts.yml", Fixture.Contacts + "\n- id: an-jacobs\n  name: An Jacobs\n", "id",
            """{"value":"an-jacobs"}"""),
        new(
            "incomplete-entry", "content/taxonomy.yml", Fixture.Taxonomy.Replace("    label: Fiche\n", "", StringComparison.Ordinal),
            "types", """{"required":["id","label"]}"""),
        new(
            "required-role", "content/taxonomy.yml",
            Fixture.Taxonomy.Replace("  - id: clb-medewerker\n    label: CLB-medewerker\n", "", StringComparison.Ordinal), "roles",
            """{"value":"clb-medewerker"}"""),
        new("invalid-structure", "content/contacts.yml", "an-jacobs: An Jacobs\n", "contacts", """{"expected":"contacts"}"""),
        new("control-character", Material, "---\ntitle: \"Bel\\a\"\ntype: fiche\n---\nTekst.\n", "title", """{"character":"U+0007"}"""),
        new("yaml", Material, Fiche("tags: [a, b"), "yaml", null),
        new("front-matter-missing", Material, "Tekst zonder velden.\n", "front matter", "{}"),
        new("front-matter-unclosed", Material, "---\ntitle: T\ntype: fiche\nTekst.\n", "front matter", "{}"),
        new("invalid-markdown", Material, Fiche("", $"{new string('>', 3_000)} diep"), "body", null),
        new("file-too-large", Material, Fiche("", new string('x', 5_000)), "file", """{"size":5030,"limit":4096}"""),
    ];

    public static BadContentFile Of(string code) => All.Single(f => f.Code == code);

    /// <summary>A fiche's file with more front matter lines and a body.</summary>
    private static string Fiche(string fields, string body = "Tekst.") =>
        $"---\ntitle: T\ntype: fiche\n{(fields.Length > 0 ? fields + "\n" : "")}---\n{body}\n";
}
