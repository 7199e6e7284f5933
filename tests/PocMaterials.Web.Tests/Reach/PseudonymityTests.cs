using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Reach;

/// <summary>
/// Reach stays pseudonymous now that editors have names: no staff member's name reaches a reach table or report ("Was dit
/// nuttig?" votes and their comments included), and neither does a token subject. Names are kept in one table only, for
/// editors' actions. A helpdesk question's asker is kept as reach's viewer key, their address only to mail the answer.
/// </summary>
public sealed partial class PseudonymityTests(SharedHost host) : IClassFixture<SharedHost>
{
    private const string StaffName = "Zelda Vandenbroucke";
    private const string EditorName = "Lies Verhoeven";

    [Fact]
    public async Task No_name_or_subject_reaches_a_reach_table_or_report()
    {
        var staff = await host.App.ClientFor(["arts"], "gent", name: StaffName);
        var editor = await host.App.ClientFor(["redacteur"], "brussel", name: EditorName);
        var subjects = await Task.WhenAll(new[] { staff, editor }.Select(async c =>
            (await c.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("subject").GetString()!));
        // An editor's change: their name is kept, for their versions.
        await editor.PutAsync("/api/materials/fiche-pseudoniem", new StringContent(
            "---\ntitle: Fiche over leersteun\ntype: fiche\n---\nTekst.\n", Encoding.UTF8, "text/markdown"));
        foreach (var client in new[] { staff, editor })
        {
            var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=leersteun");
            var hit = search.GetProperty("hits")[0];
            await client.GetAsync($"/api/materials/{hit.GetProperty("slug").GetString()}?source=search"
                + $"&searchId={search.GetProperty("searchId").GetString()}&position={hit.GetProperty("position").GetInt32()}");
            await client.GetAsync("/api/materials/fiche-a");
            (await client.PostAsJsonAsync("/api/materials/fiche-a/feedback",
                new { helpful = false, reason = "onduidelijk", comment = "Te kort." })).EnsureSuccessStatusCode();
        }
        await host.App.WaitForCountAsync("SELECT count(*) FROM material_views", 4);
        await host.App.WaitForCountAsync("SELECT count(*) FROM searches", 2);

        var holdingNames = await TablesHoldingAsync(StaffName, EditorName);
        var reachTables = ReachTables();
        var holdingSubjects = (await TablesHoldingAsync(subjects)).Intersect(reachTables);
        var reports = await Task.WhenAll(new[]
        {
            "/api/reports/views", "/api/reports/views?format=csv", "/api/reports/views.svg", "/api/reports/reach/centres",
            "/api/reports/reach/roles", "/api/reports/searches", "/api/reports/content-health", "/api/reports/feedback",
            "/api/materials/fiche-a/feedback",
        }.Select(editor.GetStringAsync));

        Assert.Equal(["public.staff_names"], holdingNames);
        Assert.Contains("public.material_views", reachTables);
        Assert.Contains("public.material_feedback", reachTables);
        Assert.Empty(holdingSubjects);
        Assert.All(reports, report =>
        {
            foreach (var secret in subjects.Append(StaffName).Append(EditorName).Append("Zelda").Append("Verhoeven"))
                Assert.DoesNotContain(secret, report, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_helpdesk_askers_subject_is_in_no_table_and_their_name_and_address_in_nothing_editors_read()
    {
        const string Asker = "Yasmine Dewaele";
        const string Address = "medewerker-8@example.org";
        var staff = await host.App.ClientFor(["arts"], "gent", name: Asker, email: Address);
        var editor = await host.App.ClientFor(["redacteur"], "brussel", name: EditorName);
        var subject = (await staff.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("subject").GetString()!;
        var asked = await staff.PostAsJsonAsync(
            "/api/helpdesk/questions", new { text = "Wie vraagt leersteun aan?", theme = "decreet-leersteun" });
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await editor.PostAsJsonAsync($"/api/helpdesk/questions/{id}/answer", new { text = "De school." })).EnsureSuccessStatusCode();

        var read = await Task.WhenAll(new[]
        {
            "/api/helpdesk/questions", $"/api/helpdesk/questions/{id}", $"/api/helpdesk/questions/{id}/faq-draft", "/api/audit",
        }.Select(editor.GetStringAsync));

        Assert.Empty(await TablesHoldingAsync(subject, Asker));
        // Kept only to mail the answer.
        Assert.Equal(["public.helpdesk_mails", "public.helpdesk_questions"], await TablesHoldingAsync(Address));
        Assert.Contains("Wie vraagt leersteun aan?", read[0], StringComparison.Ordinal);
        Assert.All(read, json =>
        {
            foreach (var secret in new[] { subject, Asker, "Yasmine", Address, "medewerker-8" })
                Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>Every table, of every schema of ours, with a row whose text holds one of <paramref name="texts"/>.</summary>
    private async Task<List<string>> TablesHoldingAsync(params string[] texts)
    {
        await using var source = NpgsqlDataSource.Create(host.App.ConnectionString);
        var tables = new List<string>();
        await using (var list = source.CreateCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
            + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var count = source.CreateCommand($"SELECT count(*) FROM {table} t WHERE t::text ILIKE ANY($1)");
            count.Parameters.AddWithValue(texts.Select(t => "%" + t + "%").ToArray());
            if ((long)(await count.ExecuteScalarAsync())! > 0)
                holding.Add(table);
        }
        return holding;
    }

    /// <summary>The tables reach tracking owns, from its migrations.</summary>
    private static List<string> ReachTables() =>
        [.. Directory.GetFiles(Path.Combine(ContentFolder.RepositoryRoot, "src", "PocMaterials.Reach", "Migrations"), "*.sql")
            .SelectMany(f => CreateTable().Matches(File.ReadAllText(f)))
            .Select(m => "public." + m.Groups[1].Value)];

    [GeneratedRegex(@"CREATE TABLE (\w+)")]
    private static partial Regex CreateTable();
}
