using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// The publishing endpoints' problems give each error with its field, stable code, line and values, beside the English
/// message by field: every bad file of <see cref="BadContentFiles"/> sent as an editor would, and the errors only the API meets.
/// </summary>
public sealed class ContentErrorCodeApiTests(ContentErrorCodeApiTests.Host host) : IClassFixture<ContentErrorCodeApiTests.Host>
{
    /// <summary>A host over one fiche, with the content file limit of the bad files.</summary>
    public sealed class Host : HostFixture
    {
        public HttpClient Editor { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Content:MaxFileBytes"] = BadContentFiles.MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        };

        protected override Task PrepareAsync()
        {
            Folder.WriteMaterial("bestaand", "title: Bestaande fiche\ntype: fiche");
            return Task.CompletedTask;
        }

        protected override async Task StartedAsync() => Editor = await App.ClientFor(["redacteur"]);
    }

    public static TheoryData<string> Codes => new(BadContentFiles.All.Select(f => f.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task A_refused_file_gives_each_error_with_its_field_code_line_and_values(string code)
    {
        var bad = BadContentFiles.Of(code);
        var isMaterial = bad.File == BadContentFiles.Material;

        var response = await host.Editor.PutAsync(
            isMaterial ? "/api/materials/a" : DefinitionAddress(bad.File),
            new StringContent(bad.Text, Encoding.UTF8, isMaterial ? "text/markdown" : "text/yaml"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid-content", problem.RootElement.GetProperty("code").GetString());
        var error = Assert.Single(problem.RootElement.GetProperty("fieldErrors").EnumerateArray());
        AssertError(bad, error);
        // The English message by field, as before, is the same error's.
        Assert.Equal(
            $"{bad.File} line {error.GetProperty("line").GetInt32()}: {error.GetProperty("message").GetString()}",
            Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(bad.Field).EnumerateArray()).GetString());
        if (isMaterial)
        {
            var check = await host.Editor.PostAsync("/api/materials/a/check", new StringContent(bad.Text, Encoding.UTF8, "text/markdown"));
            using var answer = JsonDocument.Parse(await check.Content.ReadAsStringAsync());
            Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
            AssertError(bad, Assert.Single(answer.RootElement.GetProperty("fieldErrors").EnumerateArray()));
        }
    }

    [Fact]
    public async Task A_definition_change_that_breaks_a_material_is_in_use_at_the_materials_field()
    {
        var taxonomy = Fixture.Taxonomy.Replace("  - id: fiche\n    label: Fiche\n", "", StringComparison.Ordinal);

        var response = await host.Editor.PutAsync("/api/taxonomy", new StringContent(taxonomy, Encoding.UTF8, "text/yaml"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(await FieldErrorsAsync(response));
        Assert.Equal(
            ("content/materials/bestaand.md", "type", "in-use"),
            (error.GetProperty("file").GetString(), error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        AssertJson("""{"value":"fiche","definitions":"taxonomy.yml"}""", error.GetProperty("values"));
    }

    [Fact]
    public async Task Json_fields_escaping_half_a_surrogate_pair_are_a_400_not_a_server_error()
    {
        const string Json = """{"fields": {"title": "Half \ud800 teken", "type": "fiche"}, "body": "Tekst."}""";

        var response = await host.Editor.PutAsync("/api/materials/half", new StringContent(Json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("fields.title", Assert.Single(await FieldErrorsAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_slug_that_is_no_plain_name_is_an_invalid_slug_with_the_slug()
    {
        var response = await host.Editor.PutAsync("/api/materials/Hoofdletters", new StringContent("x", Encoding.UTF8, "text/markdown"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(await FieldErrorsAsync(response));
        Assert.Equal(("slug", "invalid-slug"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(JsonValueKind.Null, error.GetProperty("line").ValueKind);
        AssertJson("""{"value":"Hoofdletters"}""", error.GetProperty("values"));
    }

    private static void AssertError(BadContentFile bad, JsonElement error)
    {
        Assert.Equal((bad.Code, bad.Field, bad.File), (
            error.GetProperty("code").GetString(), error.GetProperty("field").GetString(), error.GetProperty("file").GetString()));
        Assert.True(error.GetProperty("line").GetInt32() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (bad.Values is null)
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("values").GetProperty("reason").GetString()));
        else
            AssertJson(bad.Values, error.GetProperty("values"));
    }

    private static void AssertJson(string expected, JsonElement actual)
    {
        using var document = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(document.RootElement, actual), $"expected {expected}, got {actual.GetRawText()}");
    }

    private static async Task<List<JsonElement>> FieldErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("fieldErrors").EnumerateArray().Select(e => e.Clone())];
    }

    private static string DefinitionAddress(string file) => file switch
    {
        "content/taxonomy.yml" => "/api/taxonomy",
        "content/contacts.yml" => "/api/contacts",
        "content/newsletter.yml" => "/api/newsletter/calendar",
        _ => throw new ArgumentException($"no address for {file}", nameof(file)),
    };
}
