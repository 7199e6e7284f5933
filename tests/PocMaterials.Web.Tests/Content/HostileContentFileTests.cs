using System.Net;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Tests.Content;

/// <summary>Malformed content files under the running server: it starts, serves the rest, reports them and reloads on.</summary>
public sealed class HostileContentFileTests : HostFixture
{
    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("goed", "title: Goede fiche\ntype: fiche", "Over leersteun.");
        Folder.Write("content/materials/yaml.md", "---\ntitle: [unclosed\ntype: fiche\n---\nTekst.\n");
        Folder.WriteMaterial("citaten", "title: Citaten\ntype: fiche", new string('>', 5_000));
        Folder.WriteMaterial("haken", "title: Haken\ntype: fiche", new string('[', 20_000));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_server_starts_serves_the_rest_and_health_names_the_broken_files()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        var search = await client.GetStringAsync("/api/search?q=leersteun");
        var health = await App.CreateClient().GetAsync("/health");

        Assert.Contains("\"goed\"", search, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var content = body.RootElement.GetProperty("checks").GetProperty("content");
        Assert.Equal("Degraded", content.GetProperty("status").GetString());
        var errors = content.GetProperty("data").GetProperty("firstErrors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("content/materials/yaml.md:2: yaml:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/materials/citaten.md:5: body:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/materials/haken.md:5: body:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_reload_goes_on_after_broken_files()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        await client.GetAsync("/health");
        Folder.WriteMaterial("nieuw", "title: Nieuwe fiche\ntype: fiche", "Over zwemmen.");

        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync("/api/search?q=zwemmen")).Contains("\"nieuw\"", StringComparison.Ordinal),
            "the new material was not indexed", seconds: 10);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/materials/haken")).StatusCode);
    }

    [Fact]
    public void Validate_names_every_broken_file()
    {
        var output = new StringWriter();

        var exit = ValidateCommand.Run(new ContentOptions { ContentPath = Folder.ContentPath, ThemesPath = Folder.ThemesPath }, output);

        Assert.Equal(1, exit);
        Assert.Contains("content/materials/yaml.md:2: yaml: invalid YAML", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("content/materials/haken.md:5: body: cannot be read as Markdown", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 errors", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_a_control_character_in_a_front_matter_field_with_its_field_and_line()
    {
        using var folder = ContentFolder.WithFixture();
        // YAML escapes: a NUL in the title, an escape character in a tag, a bell in a theme's alias.
        folder.WriteMaterial("stuur-titel", "title: \"Fiche \\0\"\ntype: fiche\ntags: [goed, \"x\\x1b\"]");
        folder.Write("themes/stuur-thema.md", "---\ntitle: Stuurtekens\naliases: [\"bel\\a\"]\n---\nInleiding.\n");
        var output = new StringWriter();

        var exit = ValidateCommand.Run(new ContentOptions { ContentPath = folder.ContentPath, ThemesPath = folder.ThemesPath }, output);

        Assert.Equal(1, exit);
        Assert.Contains(
            "content/materials/stuur-titel.md:2: title: holds the control character U+0000", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "content/materials/stuur-titel.md:4: tags: holds the control character U+001B", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "themes/stuur-thema.md:3: aliases: holds the control character U+0007", output.ToString(), StringComparison.Ordinal);
    }
}
