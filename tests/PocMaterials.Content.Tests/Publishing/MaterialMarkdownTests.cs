using PocMaterials.Content.Publishing;

namespace PocMaterials.Content.Tests.Publishing;

/// <summary>A form's fields written into a material's file: what the form did not change keeps its text byte for byte.</summary>
public sealed class MaterialMarkdownTests
{
    /// <summary>Written by hand: comments, blank lines, a field order of its own, a scalar role, a block list.</summary>
    private const string HandWritten = """
        ---
        # Bijgewerkt na de overleg met POC+.
        type: fiche
        title: Fiche schoolverzuim   # werktitel
        roles: clb-medewerker

        summary: Over spijbelen.
        tags:
          - verzuim
          # - spijbelen (nog niet)
          - school
        published: 2024-09-02
        ---

        Tekst over verzuim.

        """;

    private static readonly Dictionary<string, FieldValue> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = FieldValue.Text("Fiche schoolverzuim"),
        ["type"] = FieldValue.Text("fiche"),
        ["summary"] = FieldValue.Text("Over spijbelen."),
        ["roles"] = FieldValue.List(["clb-medewerker"]),
        ["published"] = FieldValue.Text("2024-09-02"),
        ["tags"] = FieldValue.List(["verzuim", "school"]),
    };

    [Fact]
    public void The_same_fields_and_body_give_the_same_bytes()
    {
        Assert.Equal(HandWritten, MaterialMarkdown.Write(HandWritten, Fields, "Tekst over verzuim.\n"));
        Assert.Equal(HandWritten, MaterialMarkdown.Write(HandWritten, Fields, body: null));
    }

    [Fact]
    public void An_edited_summary_changes_only_its_line()
    {
        var written = MaterialMarkdown.Write(HandWritten, With("summary", FieldValue.Text("Over spijbelen: wat doet het CLB?")), null);

        Assert.Equal(
            [("Over spijbelen.", "\"Over spijbelen: wat doet het CLB?\"")],
            ChangedLines(HandWritten, written).Select(c => (c.Before[9..], c.After[9..])));
    }

    [Fact]
    public void A_changed_field_is_rewritten_in_place_in_the_content_formats_style_keeping_its_comment()
    {
        var fields = With("title", FieldValue.Text("Fiche verzuim"), "tags", FieldValue.List(["a b", "c, d"]));

        var written = MaterialMarkdown.Write(HandWritten, fields, null);

        Assert.Contains("\ntitle: Fiche verzuim   # werktitel\n", written, StringComparison.Ordinal);
        Assert.Contains("\nsummary: Over spijbelen.\ntags: [a b, \"c, d\"]\npublished: 2024-09-02\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void New_fields_go_where_the_content_format_puts_them_and_removed_ones_go()
    {
        var fields = With("contact", FieldValue.Text("an-jacobs"), "status", FieldValue.Text("draft"));
        fields.Remove("tags");
        fields["roles"] = FieldValue.List([]);

        var written = MaterialMarkdown.Write(HandWritten, fields, null);

        Assert.StartsWith("""
            ---
            # Bijgewerkt na de overleg met POC+.
            type: fiche
            title: Fiche schoolverzuim   # werktitel

            summary: Over spijbelen.
            contact: an-jacobs
            published: 2024-09-02
            status: draft
            ---

            """, written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_before_every_other_goes_first_after_the_files_opening_comments()
    {
        var written = MaterialMarkdown.Write("---\n# Over verzuim\ntype: fiche\n---\nTekst.\n", Fields, null);

        Assert.StartsWith(
            "---\n# Over verzuim\ntitle: Fiche schoolverzuim\ntype: fiche\nsummary: Over spijbelen.\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ends_and_the_byte_order_mark_are_kept()
    {
        var crlf = "\uFEFF" + HandWritten.Replace("\n", "\r\n", StringComparison.Ordinal);

        var written = MaterialMarkdown.Write(crlf, With("summary", FieldValue.Text("Kort.")), "Nieuwe tekst.");

        Assert.Equal(
            "\uFEFF" + HandWritten.Replace("Over spijbelen.", "Kort.", StringComparison.Ordinal)
                .Replace("Tekst over verzuim.", "Nieuwe tekst.", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal),
            written);
    }

    [Theory]
    [InlineData("Fiche: een test")]
    [InlineData("#hashtag")]
    [InlineData("null")]
    [InlineData("- streepje")]
    [InlineData("[haakjes]")]
    [InlineData("\"aanhalingstekens\" en 'enkele'")]
    [InlineData("twee\nregels\tmet tab")]
    [InlineData("  spaties  ")]
    [InlineData("émoji 😀 en \\ backslash")]
    [InlineData("2024-09-02")]
    public void Every_text_reads_back_as_itself(string text)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["title"] = FieldValue.Text(text),
            ["tags"] = FieldValue.List([text, "b"]),
        };

        var read = MaterialMarkdown.Read(MaterialMarkdown.Write(null, fields, "Tekst."))!;

        Assert.Equal([text], read.Fields["title"].Items);
        Assert.Equal([text, "b"], read.Fields["tags"].Items);
    }

    [Fact]
    public void A_new_material_is_written_in_the_content_formats_order_and_style()
    {
        var written = MaterialMarkdown.Write(null, Fields, "## Inleiding\nTekst.");

        Assert.Equal("""
            ---
            title: Fiche schoolverzuim
            type: fiche
            summary: Over spijbelen.
            roles: [clb-medewerker]
            published: 2024-09-02
            tags: [verzuim, school]
            ---

            ## Inleiding
            Tekst.

            """, written);
    }

    [Fact]
    public void A_file_whose_front_matter_does_not_parse_is_written_anew_with_its_body()
    {
        var written = MaterialMarkdown.Write("---\ntitle: [open\n---\nDe tekst.\n", With("title", FieldValue.Text("Dicht")), null);

        Assert.StartsWith("---\ntitle: Dicht\ntype: fiche\n", written, StringComparison.Ordinal);
        Assert.EndsWith("---\n\nDe tekst.\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fields_and_body_are_read_as_the_file_holds_them()
    {
        var read = MaterialMarkdown.Read(HandWritten)!;

        Assert.Equal(["type", "title", "roles", "summary", "tags", "published"], read.Fields.Keys);
        Assert.Equal(["clb-medewerker"], read.Fields["roles"].Items);
        Assert.False(read.Fields["roles"].IsList);
        Assert.Equal(["verzuim", "school"], read.Fields["tags"].Items);
        Assert.True(read.Fields["tags"].IsList);
        Assert.Equal("Tekst over verzuim.\n", read.Body);
        Assert.Null(MaterialMarkdown.Read("Geen velden.\n"));
    }

    private static Dictionary<string, FieldValue> With(string name, FieldValue value, string? other = null, FieldValue? otherValue = null)
    {
        var fields = new Dictionary<string, FieldValue>(Fields, StringComparer.Ordinal) { [name] = value };
        if (other is not null)
            fields[other] = otherValue!;
        return fields;
    }

    private static List<(string Before, string After)> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        Assert.Equal(a.Length, b.Length);
        return [.. a.Zip(b).Where(p => p.First != p.Second)];
    }
}
