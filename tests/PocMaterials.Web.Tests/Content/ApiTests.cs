using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Content;

public sealed class ApiTests : HostFixture
{
    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial(
            "faq-leersteun",
            "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]\ncore_processes: [begeleiding]\nreview_by: 2025-01-01",
            "Intro <script>alert(1)</script> en [klik](javascript:alert(1)).\n\n"
            + "## Wie vraagt leersteun aan?\nDe school.\n\n## Hoe lang duurt het?\nEen jaar.\n");
        Folder.WriteMaterial(
            "fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]", "Over leersteun.");
        Folder.WriteMaterial(
            "medisch",
            "title: Medische fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\nroles: [arts]",
            "Over leersteun en medicatie.");
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/search?q=leersteun")]
    [InlineData("/api/materials/faq-leersteun")]
    [InlineData("/api/taxonomy")]
    [InlineData("/api/themes")]
    public async Task Without_a_token_the_api_answers_401(string url)
    {
        var response = await App.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6InJlZGFjdGV1ciJ9.c2lnbmF0dXJlLWZyb20tZWxzZXdoZXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/taxonomy")).StatusCode);
    }

    [Theory]
    [InlineData("sort=popular", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("type=brochure", "type")]
    [InlineData("core_process=zwemmen", "core_process")]
    [InlineData("theme=onbekend", "theme")]
    [InlineData("domain=sport", "domain")]
    public async Task A_wrong_search_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        var response = await client.GetAsync("/api/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_query_over_500_characters_is_a_400_problem_and_500_is_fine()
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        var tooLong = await client.GetAsync("/api/search?q=" + new string('a', 501));
        var longest = await client.GetAsync("/api/search?q=" + new string('a', 500));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("501 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task A_non_numeric_page_is_a_400_problem()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        var response = await client.GetAsync("/api/search?page=twee");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_returns_material_hits_with_their_matching_questions_and_facets()
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=wie+vraagt+leersteun+aan&theme=decreet-leersteun"));
        var root = body.RootElement;

        var first = root.GetProperty("hits")[0];
        Assert.Equal("/materials/faq-leersteun", first.GetProperty("url").GetString());
        Assert.Equal(1, first.GetProperty("position").GetInt32());
        var question = first.GetProperty("questions")[0];
        Assert.Equal("Wie vraagt leersteun aan?", question.GetProperty("question").GetString());
        Assert.Equal("/materials/faq-leersteun#wie-vraagt-leersteun-aan", question.GetProperty("url").GetString());
        Assert.True(root.GetProperty("totalAllWords").GetInt32() <= root.GetProperty("total").GetInt32());
        var themeFacet = root.GetProperty("facets").GetProperty("theme")[0];
        Assert.Equal("Decreet leersteun", themeFacet.GetProperty("label").GetString());
        Assert.Equal(root.GetProperty("total").GetInt32(), themeFacet.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_material_page_has_safe_html_questions_contact_and_related_materials()
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/materials/faq-leersteun"));
        var root = body.RootElement;

        var html = root.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("id=\"wie-vraagt-leersteun-aan\"", html, StringComparison.Ordinal);
        Assert.Equal("FAQ-lijst", root.GetProperty("type").GetProperty("label").GetString());
        Assert.Equal("wie-vraagt-leersteun-aan", root.GetProperty("questions")[0].GetProperty("anchor").GetString());
        Assert.Equal("An Jacobs", root.GetProperty("contact").GetProperty("name").GetString());
        Assert.True(root.GetProperty("dueForReview").GetBoolean());
        var related = root.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["fiche-leersteun"], related); // not the doctors' material
    }

    [Fact]
    public async Task A_material_the_role_may_not_see_is_a_404_like_a_missing_one()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);
        var doctor = await App.ClientFor(["arts"]);

        var hidden = await staff.GetAsync("/api/materials/medisch");
        var missing = await staff.GetAsync("/api/materials/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await doctor.GetAsync("/api/materials/medisch")).StatusCode);
    }

    [Fact]
    public async Task Themes_count_and_list_only_visible_materials()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);
        var doctor = await App.ClientFor(["arts"]);

        static int CountOf(JsonDocument themes, string id) =>
            themes.RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetString() == id).GetProperty("materialCount").GetInt32();
        using var staffThemes = JsonDocument.Parse(await staff.GetStringAsync("/api/themes"));
        using var doctorThemes = JsonDocument.Parse(await doctor.GetStringAsync("/api/themes"));
        using var theme = JsonDocument.Parse(await staff.GetStringAsync("/api/themes/decreet-leersteun"));

        Assert.Equal(2, CountOf(staffThemes, "decreet-leersteun"));
        Assert.Equal(3, CountOf(doctorThemes, "decreet-leersteun"));
        Assert.Equal(2, theme.RootElement.GetProperty("materials").GetArrayLength());
        Assert.Contains("Het decreet leersteun.", theme.RootElement.GetProperty("introHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/themes/onbekend")).StatusCode);
    }

    [Fact]
    public async Task Taxonomy_lists_labels_and_aliases()
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/taxonomy"));

        var hgd = body.RootElement.GetProperty("coreProcesses")
            .EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "handelingsgerichte-diagnostiek");
        Assert.Equal("HGD", hgd.GetProperty("aliases")[0].GetString());
        Assert.Equal(2, body.RootElement.GetProperty("centres").GetArrayLength());
    }

    [Fact]
    public async Task An_edited_file_is_found_without_a_restart()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        Assert.Contains("\"total\":0", await client.GetStringAsync("/api/search?q=lengtegroei"), StringComparison.Ordinal);

        Folder.WriteMaterial(
            "fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]", "Over lengtegroei.");

        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync("/api/search?q=lengtegroei")).Contains("\"total\":1", StringComparison.Ordinal),
            "the edited material was not found", seconds: 10);
    }

    [Fact]
    public async Task Development_tokens_refuse_unknown_roles_and_centres()
    {
        var client = App.CreateClient();
        var response = await client.PostAsync(
            "/api/dev/token",
            new StringContent("{\"roles\":[\"piloot\"],\"centre\":\"maan\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("piloot", text, StringComparison.Ordinal);
        Assert.Contains("maan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served_without_a_token()
    {
        var client = App.CreateClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, health.RootElement
            .GetProperty("checks")
            .GetProperty("content")
            .GetProperty("data")
            .GetProperty("materials")
            .GetInt32());
        Assert.Contains("/api/search", openApi, StringComparison.Ordinal);
        Assert.Contains("bearer", openApi, StringComparison.Ordinal);
    }
}
