using System.Net;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Tests;

/// <summary>Malformed content files under the running server: it starts, serves the rest, reports them and reloads on.</summary>
public sealed class HostileContentFileTests : IAsyncLifetime
{
    private readonly ContentFolder _folder = ContentFolder.WithFixture();
    private PocMaterialsApp _app = null!;

    public Task InitializeAsync()
    {
        _folder.WriteMaterial("goed", "title: Goede fiche\ntype: fiche", "Over leersteun.");
        _folder.Write("content/materials/yaml.md", "---\ntitle: [unclosed\ntype: fiche\n---\nTekst.\n");
        _folder.WriteMaterial("citaten", "title: Citaten\ntype: fiche", new string('>', 5_000));
        _folder.WriteMaterial("haken", "title: Haken\ntype: fiche", new string('[', 20_000));
        _app = new PocMaterialsApp(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_server_starts_serves_the_rest_and_health_names_the_broken_files()
    {
        var client = await _app.ClientFor(["clb-medewerker"]);
        var search = await client.GetStringAsync("/api/search?q=leersteun");
        var health = await _app.CreateClient().GetAsync("/health");

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
        var client = await _app.ClientFor(["clb-medewerker"]);
        await client.GetAsync("/health");
        _folder.WriteMaterial("nieuw", "title: Nieuwe fiche\ntype: fiche", "Over zwemmen.");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await client.GetStringAsync("/api/search?q=zwemmen")).Contains("\"nieuw\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the new material was not indexed");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/materials/haken")).StatusCode);
    }

    [Fact]
    public void Validate_names_every_broken_file()
    {
        var output = new StringWriter();

        var exit = ValidateCommand.Run(new ContentOptions { ContentPath = _folder.ContentPath, ThemesPath = _folder.ThemesPath }, output);

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
        Assert.Contains("content/materials/stuur-titel.md:2: title: holds the control character U+0000", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("content/materials/stuur-titel.md:4: tags: holds the control character U+001B", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("themes/stuur-thema.md:3: aliases: holds the control character U+0007", output.ToString(), StringComparison.Ordinal);
    }
}
