using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Reach;

/// <summary>
/// Learning from use through the real host and PostgreSQL: staff search a word, open nothing, search again and open a
/// material; the word is proposed as an alias of a term naming that material, with its evidence, from at least three
/// distinct staff, never from a material the searching role may not see; accepting makes it an alias, dismissing hides it.
/// </summary>
public sealed class ProposedAliasTests : HostFixture
{
    private const string Report = "/api/reports/searches/proposed-aliases";

    protected override Task PrepareAsync()
    {
        Folder.Write("content/taxonomy.yml", Fixture.Taxonomy + "\n  - id: vaccinatie\n    label: vaccinatie\n");
        Folder.WriteMaterial("faq-beroepsgeheim-bij-echtscheiding",
            "title: FAQ beroepsgeheim bij echtscheiding\ntype: faq\nthemes: [beroepsgeheim-en-drm]",
            "## Mag een ouder het dossier inzien na een echtscheiding?\nHet beroepsgeheim blijft gelden.\n");
        Folder.WriteMaterial("vaccinatieprotocol", "title: Protocol vaccinatie op school\ntype: leidraad", "Hoe het CLB vaccineert.");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]", "Over leersteun.");
        return Task.CompletedTask;
    }

    /// <summary>A staff member searches the word, opens nothing, reformulates and opens the material from the results.</summary>
    private async Task SessionAsync(string[] roles, string word, string reformulation, string slug)
    {
        var client = await App.ClientFor(roles);
        (await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(word))).EnsureSuccessStatusCode();
        using var found = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(reformulation)));
        var hit = found.RootElement.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("slug").GetString() == slug);
        var view = await client.GetAsync($"/api/materials/{slug}?source=search&searchId={found.RootElement.GetProperty("searchId")}"
            + $"&position={hit.GetProperty("position").GetInt32()}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    private async Task<JsonElement[]> ProposalsAsync(HttpClient editor) =>
        [.. (await editor.GetFromJsonAsync<JsonElement>(Report)).GetProperty("proposals").EnumerateArray()];

    private static JsonElement? Proposal(JsonElement[] proposals, string word) =>
        proposals.Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("word").GetString() == word);

    [Fact]
    public async Task A_word_three_staff_reformulated_is_proposed_with_its_evidence_and_one_staff_members_word_is_not()
    {
        for (var i = 0; i < 3; i++)
            await SessionAsync(["clb-medewerker"], "hoederecht", "beroepsgeheim echtscheiding", "faq-beroepsgeheim-bij-echtscheiding");
        // One staff member, however often: never learned.
        var alone = await App.ClientFor(["clb-medewerker"]);
        for (var i = 0; i < 3; i++)
        {
            await alone.GetAsync("/api/search?q=voogdij");
            using var found = JsonDocument.Parse(await alone.GetStringAsync("/api/search?q=echtscheiding"));
            await alone.GetAsync($"/api/materials/faq-beroepsgeheim-bij-echtscheiding?source=search&searchId="
                + $"{found.RootElement.GetProperty("searchId")}&position=1");
        }
        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 6);
        var editor = await App.ClientFor(["redacteur"]);

        var proposals = await ProposalsAsync(editor);

        var learned = Assert.IsType<JsonElement>(Proposal(proposals, "hoederecht"));
        Assert.Equal("beroepsgeheim-en-drm", learned.GetProperty("target").GetString());
        Assert.Equal("Beroepsgeheim en DRM", learned.GetProperty("targetLabel").GetString());
        Assert.Equal("thema", learned.GetProperty("targetKind").GetString());
        Assert.Equal(3, learned.GetProperty("searches").GetInt32());
        Assert.Equal(3, learned.GetProperty("viewers").GetInt32());
        Assert.Equal("faq-beroepsgeheim-bij-echtscheiding", learned.GetProperty("materials")[0].GetProperty("slug").GetString());
        Assert.Equal("beroepsgeheim echtscheiding", learned.GetProperty("foundWith")[0].GetString());
        Assert.Null(Proposal(proposals, "voogdij"));
    }

    [Fact]
    public async Task A_role_learns_nothing_from_a_material_it_may_no_longer_see()
    {
        for (var i = 0; i < 3; i++)
            await SessionAsync(["arts"], "prikreactie", "vaccinatie", "vaccinatieprotocol");
        for (var i = 0; i < 2; i++)
            await SessionAsync(["clb-medewerker"], "prikreactie", "vaccinatie", "vaccinatieprotocol");
        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 5);
        var editor = await App.ClientFor(["redacteur"]);
        var everyone = Assert.IsType<JsonElement>(Proposal(await ProposalsAsync(editor), "prikreactie"));
        Assert.Equal(5, everyone.GetProperty("viewers").GetInt32());

        // Now for doctors only: what every other staff member searched no longer counts.
        Folder.WriteMaterial(
            "vaccinatieprotocol", "title: Protocol vaccinatie op school\ntype: leidraad\nroles: [arts]", "Hoe het CLB vaccineert.");
        var staff = await App.ClientFor(["clb-medewerker"]);
        await Eventually.TrueAsync(async () =>
            (await staff.GetAsync("/api/materials/vaccinatieprotocol")).StatusCode == HttpStatusCode.NotFound,
            "the material did not become doctors' only");

        var proposal = Assert.IsType<JsonElement>(Proposal(await ProposalsAsync(editor), "prikreactie"));
        Assert.Equal(3, proposal.GetProperty("viewers").GetInt32());
        Assert.Equal("vaccinatie", proposal.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Accepting_makes_the_word_an_alias_that_finds_the_material_and_dismissing_hides_a_proposal()
    {
        for (var i = 0; i < 3; i++)
        {
            await SessionAsync(["clb-medewerker"], "hoederecht", "beroepsgeheim echtscheiding", "faq-beroepsgeheim-bij-echtscheiding");
            await SessionAsync(["clb-medewerker"], "zorgnoden", "leersteun", "fiche-leersteun");
        }
        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 6);
        var editor = await App.ClientFor(["redacteur"]);
        var staff = await App.ClientFor(["clb-medewerker"]);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=hoederecht")).GetProperty("total").GetInt32());
        var before = await ProposalsAsync(editor);
        Assert.NotNull(Proposal(before, "hoederecht"));
        Assert.Equal("decreet-leersteun", Assert.IsType<JsonElement>(Proposal(before, "zorgnoden")).GetProperty("target").GetString());

        var accepted = await editor.PostAsJsonAsync(
            "/api/reports/searches/aliases", new { query = "hoederecht", target = "beroepsgeheim-en-drm" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var dismissed = await editor.PostAsJsonAsync($"{Report}/dismissals", new { word = "Zorgnoden", target = "decreet-leersteun" });
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);

        var found = await staff.GetFromJsonAsync<JsonElement>("/api/search?q=hoederecht");
        Assert.Equal("faq-beroepsgeheim-bij-echtscheiding", found.GetProperty("hits")[0].GetProperty("slug").GetString());
        var proposals = await ProposalsAsync(editor);
        Assert.Null(Proposal(proposals, "hoederecht"));
        Assert.Null(Proposal(proposals, "zorgnoden"));
        Assert.Equal(1, await App.CountAsync(
            "SELECT count(*) FROM dismissed_aliases WHERE word = 'zorgnoden' AND target = 'decreet-leersteun'"));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await editor.PostAsJsonAsync($"{Report}/dismissals", new { word = "", target = "decreet-leersteun" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Report)).StatusCode);
    }
}
