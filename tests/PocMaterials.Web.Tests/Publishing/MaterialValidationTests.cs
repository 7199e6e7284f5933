using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>What editors publish through the API is validated as files on disk are: a refused write writes nothing.</summary>
public sealed class MaterialValidationTests : MaterialPublishingHost
{
    [Fact]
    public async Task An_invalid_material_is_a_422_listing_every_error_and_nothing_is_written()
    {
        var response = await Editor.PutAsync("/api/materials/ongeldig", Markdown("---\ntype: brochure\nroles: [piloot]\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("required", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("brochure", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("piloot", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "ongeldig.md")));
    }

    [Fact]
    public async Task A_control_character_in_a_front_matter_field_is_a_422_naming_the_field_and_line()
    {
        // "\0" is a valid YAML escape: the field holds a NUL, which PostgreSQL refuses in every table webhooks and versions use.
        var response = await Editor.PutAsync(
            "/api/materials/stuurteken", Markdown("---\ntitle: \"Fiche \\0\"\ntype: fiche\nsummary: \"Een\\u0007bel.\"\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["content/materials/stuurteken.md line 2: holds the control character U+0000; remove it"], errors["title"]);
        Assert.Equal(["content/materials/stuurteken.md line 4: holds the control character U+0007; remove it"], errors["summary"]);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "stuurteken.md")));
    }

    [Fact]
    public async Task A_NUL_in_the_body_is_a_422_naming_the_body_and_its_line()
    {
        var response = await Editor.PutAsync(
            "/api/materials/nul-in-tekst", Markdown("---\ntitle: Fiche met NUL\ntype: fiche\n---\n\nEerste regel.\nTweede\0regel.\n"));

        var fromFields = await Editor.PutAsJsonAsync(
            "/api/materials/nul-in-velden",
            new { fields = new { title = "Fiche met NUL", type = "fiche" }, body = "Eerste regel.\nTweede\0regel." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = Assert.Single((await ErrorsAsync(response))["body"]);
        Assert.StartsWith("content/materials/nul-in-tekst.md line 7: holds a NUL character", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromFields.StatusCode);
        Assert.StartsWith(
            "content/materials/nul-in-velden.md line 7: holds a NUL character",
            Assert.Single((await ErrorsAsync(fromFields))["body"]),
            StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Folder.ContentPath, "nul-in-*.md", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Fields_over_their_limits_are_a_422_naming_each_field_and_its_limit()
    {
        var long_ = await Editor.PutAsync("/api/materials/te-lang", Markdown(
            $"---\ntitle: {new string('t', 900_000)}\ntype: fiche\nsummary: {new string('s', 501)}\n"
            + $"tags: [goed, {new string('x', 51)}]\n---\nTekst.\n"));
        var many = await Editor.PutAsync("/api/materials/te-veel", Markdown(
            "---\ntitle: Veel tags\ntype: fiche\n"
            + $"tags: [{string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"t{i}"))}]\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, long_.StatusCode);
        var errors = await ErrorsAsync(long_);
        Assert.Equal(["content/materials/te-lang.md line 2: is 900,000 characters long; at most 200 are allowed"], errors["title"]);
        Assert.Equal(["content/materials/te-lang.md line 4: is 501 characters long; at most 500 are allowed"], errors["summary"]);
        Assert.Equal(["content/materials/te-lang.md line 5: is 51 characters long; at most 50 are allowed"], errors["tags"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.Equal(["content/materials/te-veel.md line 4: has 100,000 items; at most 30 are allowed"], (await ErrorsAsync(many))["tags"]);
        Assert.Empty(Directory.GetFiles(Folder.ContentPath, "te-*.md", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("..%2F..%2Ftaxonomy")]
    [InlineData("Hoofdletters")]
    [InlineData("met%20spatie")]
    [InlineData("-rand")]
    [InlineData("a.md")]
    public async Task A_slug_that_is_no_plain_name_is_refused(string slug)
    {
        var response = await Editor.PutAsync($"/api/materials/{slug}", Markdown(Fiche));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.Equal(["bestaand.md"], Directory.GetFiles(Folder.ContentPath, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("aux")]
    [InlineData("com1")]
    public async Task A_Windows_device_name_is_neither_a_slug_nor_a_theme_id(string name)
    {
        var put = await Editor.PutAsync($"/api/materials/{name}", Markdown(Fiche));
        var rename = await Editor.PostAsJsonAsync("/api/materials/bestaand/rename", new { slug = name });
        var theme = await Editor.PutAsync($"/api/themes/{name}", Markdown("---\ntitle: Apparaat\n---\nInleiding.\n"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("device name", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theme.StatusCode);
        Assert.Equal(["bestaand.md"], Directory.GetFiles(Folder.ContentPath, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(Folder.ThemesPath, name + ".md")));
    }

    [Fact]
    public async Task Too_large_and_unknown_bodies_are_refused()
    {
        var large = await Editor.PutAsync("/api/materials/te-groot", Markdown(Fiche + new string('x', 3 * 1024 * 1024)));
        var binary = await Editor.PutAsync(
            "/api/materials/binair",
            new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
