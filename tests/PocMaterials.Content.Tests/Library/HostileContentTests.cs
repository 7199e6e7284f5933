using PocMaterials.Content.Library;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Library;

/// <summary>
/// Content files a careless or hostile hand may write. Whatever one file holds, it is an error for
/// that file with its line; every other file is still served and reloads go on.
/// </summary>
public sealed class HostileContentTests
{
    private const string Valid = "title: Goed\ntype: fiche";

    public static TheoryData<string, string> Malformed => new()
    {
        { "yaml-flow", "---\ntitle: [unclosed\ntype: fiche\n---\nTekst.\n" },
        { "yaml-quote", "---\ntitle: \"open\ntype: fiche\n---\nTekst.\n" },
        { "yaml-tabs", "---\n\ttitle: x\n---\nTekst.\n" },
        { "yaml-anchor", "---\ntitle: *nergens\ntype: fiche\n---\nTekst.\n" },
        { "yaml-tag", "---\ntitle: !!binary x\ntype: fiche\n---\nTekst.\n" },
        { "quotes", "---\n" + Valid + "\n---\n" + new string('>', 5_000) + " diep\n" },
        { "brackets", "---\n" + Valid + "\n---\n" + new string('[', 20_000) + "x" + new string(']', 20_000) + "\n" },
        { "emphasis", "---\n" + Valid + "\n---\n" + string.Concat(Enumerable.Repeat("*_", 20_000)) + "\n" },
        { "lists", "---\n" + Valid + "\n---\n" + string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- x\n")) },
        { "nul", "---\n" + Valid + "\n---\nTekst\0met NUL.\n" },
        { "binary", "\u0001\u0002\u0003\uFFFD\uFFFD---\n" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_is_an_error_of_that_file_and_the_rest_is_served(string slug, string text)
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("goed", Valid);
        folder.Write($"content/materials/{slug}.md", text);
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Contains("goed", content.Materials.Keys);
        if (!content.Materials.ContainsKey(slug))
        {
            var error = Assert.Single(content.Errors, e => e.File == $"content/materials/{slug}.md");
            Assert.True(error.Line >= 1);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
        else
        {
            Assert.NotNull(PocMaterials.Content.Markdown.MarkdownRendering.ToHtml(content.Materials[slug].BodyMarkdown));
        }
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_that_names_the_limit()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("groot", Valid, string.Concat(Enumerable.Repeat("Een lange zin over ouders. ", 4_000)));
        folder.WriteMaterial("klein", Valid);
        using var library = new ContentLibrary(folder.Location, maxFileBytes: 64 * 1024);

        var content = library.Reload().Snapshot;

        var error = Assert.Single(content.Errors);
        Assert.Equal(("content/materials/groot.md", 1, "file"), (error.File, error.Line, error.Field));
        Assert.Contains("65,536 bytes (Content:MaxFileBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["klein"], content.Materials.Keys);
    }

    [Fact]
    public void Invalid_UTF8_is_read_and_the_file_still_loads()
    {
        using var folder = ContentFolder.WithFixture();
        var path = folder.WriteMaterial("utf8", Valid);
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path), 0xC3, 0x28, 0xFF, (byte)'\n']);
        using var library = new ContentLibrary(folder.Location);

        Assert.Contains("utf8", library.Reload().Snapshot.Materials.Keys);
    }

    [Fact]
    public void A_malformed_definition_file_keeps_the_last_valid_definitions()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("goed", Valid);
        using var library = new ContentLibrary(folder.Location);
        library.Reload();

        folder.Write("content/taxonomy.yml", "core_processes: [unclosed\n");
        folder.Write("themes/decreet-leersteun.md", "---\ntitle: " + new string('[', 20_000) + "\n---\n" + new string('>', 5_000));
        var content = library.Reload().Snapshot;

        Assert.Contains(content.Errors, e => e.File == "content/taxonomy.yml");
        Assert.Contains(content.Errors, e => e.File == "themes/decreet-leersteun.md");
        Assert.Contains("goed", content.Materials.Keys);
        Assert.Contains(content.Themes, t => t.Id == "decreet-leersteun");
    }

    [Fact]
    public async Task Live_reload_goes_on_after_a_malformed_file()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("goed", Valid);
        using var library = new ContentLibrary(folder.Location);
        library.Reload();
        library.StartWatching();

        folder.Write("content/materials/kapot.md", "---\ntitle: [unclosed\n---\n" + new string('[', 20_000));
        await Eventually.TrueAsync(
            () => library.Current.Errors.Any(e => e.File == "content/materials/kapot.md"),
            "the library did not reload in time",
            seconds: 10);
        folder.WriteMaterial("nieuw", "title: Nieuw\ntype: fiche");
        await Eventually.TrueAsync(() => library.Current.Materials.ContainsKey("nieuw"), "the library did not reload in time", seconds: 10);
    }
}
