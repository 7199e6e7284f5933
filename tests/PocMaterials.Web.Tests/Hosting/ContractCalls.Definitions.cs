using System.Net.Http.Json;
using System.Text;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>The definition files, the search alias, the reports and audit log, and webhooks.</summary>
public sealed partial class ContractCalls
{
    private const string Calendar = "/api/newsletter/calendar";
    private const string Theme = "/api/themes/wegwerp-thema";

    /// <summary>The taxonomy or the contacts: always there, so a write replaces them, and each ends as it began.</summary>
    private async Task FixedDefinitionAsync(string file, string text, string invalid)
    {
        var source = await Get(200, $"{file}/source");
        await Call(409, HttpMethod.Put, file, Yaml(text));
        await Call(412, HttpMethod.Put, file, Yaml(text), IfMatch(Stale));
        await Call(422, HttpMethod.Put, file, Yaml(invalid), IfMatch(source.Headers.ETag));
        await Call(200, HttpMethod.Put, file, Yaml(text), IfMatch(source.Headers.ETag));
        await Call(413, HttpMethod.Put, file, Yaml(TooLarge));
        await Call(415, HttpMethod.Put, file, JsonContent.Create(new { text }));
        await Versions(file);
        await Call(200, HttpMethod.Post, $"{file}/versions/1/restore");
        await Call(412, HttpMethod.Post, $"{file}/versions/1/restore", headers: IfMatch(Stale));
        await Call(404, HttpMethod.Post, $"{file}/versions/99/restore");
    }

    /// <summary>The newsletter calendar, removed and made again: it ends as it began.</summary>
    private async Task CalendarAsync()
    {
        const string Text = "2026-12: decreet-leersteun\n2027-01: beroepsgeheim-en-drm\n";
        var source = await Get(200, $"{Calendar}/source");
        await Call(409, HttpMethod.Put, Calendar, Yaml(Text));
        await Call(412, HttpMethod.Put, Calendar, Yaml(Text), IfMatch(Stale));
        await Call(422, HttpMethod.Put, Calendar, Yaml("2027-13: geen-thema\n"), IfMatch(source.Headers.ETag));
        await Call(200, HttpMethod.Put, Calendar, Yaml(Text), IfMatch(source.Headers.ETag));
        await Call(413, HttpMethod.Put, Calendar, Yaml(TooLarge));
        await Call(415, HttpMethod.Put, Calendar, JsonContent.Create(new { Text }));
        await Versions(Calendar);
        await Call(412, HttpMethod.Post, $"{Calendar}/versions/1/restore", headers: IfMatch(Stale));
        await Call(404, HttpMethod.Post, $"{Calendar}/versions/99/restore");
        await Call(200, HttpMethod.Post, $"{Calendar}/versions/1/restore");

        await Call(412, HttpMethod.Delete, Calendar, headers: IfMatch(Stale));
        await Call(204, HttpMethod.Delete, Calendar);
        await Get(404, $"{Calendar}/source");
        await Call(404, HttpMethod.Delete, Calendar);
        await Get(410, $"{Calendar}/versions/{await LatestVersionAsync(Calendar)}");
        await Call(201, HttpMethod.Post, $"{Calendar}/versions/1/restore");
        await Call(204, HttpMethod.Delete, Calendar);
        await Call(201, HttpMethod.Put, Calendar, Yaml(Text));
    }

    /// <summary>
    /// A throwaway theme, refused while a throwaway material uses it, then removed; restoring the material's version that
    /// used it is refused too. Then the search alias, which writes a term's aliases into taxonomy.yml.
    /// </summary>
    private async Task ThemesAsync()
    {
        const string Text = "---\ntitle: Wegwerpthema\n---\nEen thema om weg te gooien.\n";
        await Get(200, "/api/themes/decreet-leersteun/source");
        var created = await Call(201, HttpMethod.Put, Theme, Markdown(Text));
        await Call(409, HttpMethod.Put, Theme, Markdown(Text));
        await Call(412, HttpMethod.Put, Theme, Markdown(Text), IfMatch(Stale));
        await Call(422, HttpMethod.Put, Theme, Markdown("---\naliases: [zonder titel]\n---\nTekst.\n"), IfMatch(created.Headers.ETag));
        await Call(200, HttpMethod.Put, Theme, Markdown(Text), IfMatch(created.Headers.ETag));
        await Call(404, HttpMethod.Put, "/api/themes/Ongeldig_Thema", Markdown(Text));
        await Call(413, HttpMethod.Put, Theme, Markdown(TooLarge));
        await Call(415, HttpMethod.Put, Theme, JsonContent.Create(new { Text }));
        await Versions(Theme);
        await Get(404, "/api/themes/Ongeldig_Thema/versions");
        await Call(200, HttpMethod.Post, $"{Theme}/versions/1/restore");
        await Call(412, HttpMethod.Post, $"{Theme}/versions/1/restore", headers: IfMatch(Stale));

        await Call(201, HttpMethod.Put, "/api/materials/bij-wegwerpthema", Markdown(Fiche("Fiche bij het wegwerpthema", "wegwerp-thema")));
        await Call(422, HttpMethod.Delete, Theme);
        var user = await Get(200, "/api/materials/bij-wegwerpthema/source");
        await Call(200, HttpMethod.Put, "/api/materials/bij-wegwerpthema", Markdown(Fiche("Fiche zonder thema")),
            IfMatch(user.Headers.ETag));
        await Call(412, HttpMethod.Delete, Theme, headers: IfMatch(Stale));
        await Call(204, HttpMethod.Delete, Theme);
        await Call(422, HttpMethod.Post, "/api/materials/bij-wegwerpthema/versions/1/restore");
        await Call(204, HttpMethod.Delete, "/api/materials/bij-wegwerpthema");
        await Get(410, $"{Theme}/versions/{await LatestVersionAsync(Theme)}");
        await Call(201, HttpMethod.Post, $"{Theme}/versions/1/restore");
        await Call(204, HttpMethod.Delete, Theme);

        var alias = new { query = "wegwerp begeleiding", target = "begeleiding" };
        await Call(201, HttpMethod.Post, "/api/reports/searches/aliases", JsonContent.Create(alias));
        await Call(400, HttpMethod.Post, "/api/reports/searches/aliases", JsonContent.Create(new { query = "", target = "begeleiding" }));
        const string Proposed = "/api/reports/searches/proposed-aliases";
        await Get(200, Proposed);
        await Get(400, $"{Proposed}?from=gisteren");
        var dismissal = new { word = "wegwerpwoord", target = "begeleiding" };
        await Call(204, HttpMethod.Post, $"{Proposed}/dismissals", JsonContent.Create(dismissal));
        await Call(400, HttpMethod.Post, $"{Proposed}/dismissals", JsonContent.Create(new { word = "", target = "begeleiding" }));
    }

    /// <summary>The definitions one entry at a time, as the editors' forms change them; each ends as it began.</summary>
    private async Task DefinitionFormsAsync()
    {
        await Get(200, "/api/themes/decreet-leersteun/fields");
        await Get(404, "/api/themes/geen-thema/fields");
        var theme = new { fields = new { title = "Wegwerpthema" }, body = "Tekst." };
        var created = await Call(201, HttpMethod.Put, $"{Theme}/fields", JsonContent.Create(theme));
        await Call(409, HttpMethod.Put, $"{Theme}/fields", JsonContent.Create(theme));
        await Call(412, HttpMethod.Put, $"{Theme}/fields", JsonContent.Create(theme), IfMatch(Stale));
        var untitled = JsonContent.Create(new { fields = new { title = "" } });
        await Call(422, HttpMethod.Put, $"{Theme}/fields", untitled, IfMatch(created.Headers.ETag));
        await Call(200, HttpMethod.Put, $"{Theme}/fields", JsonContent.Create(theme), IfMatch(created.Headers.ETag));
        await Call(400, HttpMethod.Put, $"{Theme}/fields", JsonContent.Create(new { body = "Zonder velden." }));
        await Call(400, HttpMethod.Put, "/api/themes/Ongeldig_Thema/fields", JsonContent.Create(theme));
        await Call(413, HttpMethod.Put, $"{Theme}/fields", Markdown(TooLarge));
        await Call(200, HttpMethod.Post, $"{Theme}/check", JsonContent.Create(theme));
        await Call(400, HttpMethod.Post, "/api/themes/Ongeldig_Thema/check", JsonContent.Create(theme));
        await Call(413, HttpMethod.Post, $"{Theme}/check", Markdown(TooLarge));
        await Call(204, HttpMethod.Delete, Theme);

        await Get(200, "/api/taxonomy/terms");
        const string Term = "/api/taxonomy/terms/types/wegwerpsoort";
        await Call(201, HttpMethod.Post, "/api/taxonomy/terms/types", JsonContent.Create(new { id = "wegwerpsoort", label = "Wegwerp" }));
        await Call(409, HttpMethod.Post, "/api/taxonomy/terms/types", JsonContent.Create(new { id = "wegwerpsoort", label = "Wegwerp" }));
        await Call(400, HttpMethod.Post, "/api/taxonomy/terms/types", JsonContent.Create(new { id = "Geen Id", label = "X" }));
        await Call(404, HttpMethod.Post, "/api/taxonomy/terms/soorten", JsonContent.Create(new { id = "x", label = "X" }));
        await Call(412, HttpMethod.Post, "/api/taxonomy/terms/types", JsonContent.Create(new { id = "andere", label = "X" }),
            IfMatch(Stale));
        await Call(422, HttpMethod.Post, "/api/taxonomy/terms/types", JsonContent.Create(new { id = "andere", label = "" }));
        await Call(200, HttpMethod.Put, Term, JsonContent.Create(new { label = "Weg", aliases = new[] { "wegwerp" } }));
        await Call(412, HttpMethod.Put, Term, JsonContent.Create(new { label = "Weg" }), IfMatch(Stale));
        await Call(422, HttpMethod.Put, Term, JsonContent.Create(new { label = "" }));
        await Call(400, HttpMethod.Put, "/api/taxonomy/terms/types/Geen_Id", JsonContent.Create(new { label = "X" }));
        await Call(404, HttpMethod.Put, "/api/taxonomy/terms/types/geen-soort", JsonContent.Create(new { label = "X" }));
        await Call(422, HttpMethod.Delete, "/api/taxonomy/terms/types/fiche");
        await Call(412, HttpMethod.Delete, Term, headers: IfMatch(Stale));
        await Call(204, HttpMethod.Delete, Term);
        await Call(404, HttpMethod.Delete, Term);

        await Get(200, "/api/contacts");
        const string Contact = "/api/contacts/wegwerp-contact";
        await Call(201, HttpMethod.Post, "/api/contacts", JsonContent.Create(new { id = "wegwerp-contact", name = "Wegwerp" }));
        await Call(409, HttpMethod.Post, "/api/contacts", JsonContent.Create(new { id = "wegwerp-contact", name = "Wegwerp" }));
        await Call(400, HttpMethod.Post, "/api/contacts", JsonContent.Create(new { id = "", name = "Niemand" }));
        await Call(412, HttpMethod.Post, "/api/contacts", JsonContent.Create(new { id = "ander-contact", name = "X" }), IfMatch(Stale));
        await Call(422, HttpMethod.Post, "/api/contacts", JsonContent.Create(new { id = "ander-contact", name = "" }));
        await Call(200, HttpMethod.Put, Contact, JsonContent.Create(new { name = "Weg Werp", role = "Aanspreekpunt" }));
        await Call(412, HttpMethod.Put, Contact, JsonContent.Create(new { name = "Weg" }), IfMatch(Stale));
        await Call(422, HttpMethod.Put, Contact, JsonContent.Create(new { name = "" }));
        await Call(400, HttpMethod.Put, "/api/contacts/Geen_Id", JsonContent.Create(new { name = "X" }));
        await Call(404, HttpMethod.Put, "/api/contacts/niemand", JsonContent.Create(new { name = "X" }));
        await Call(422, HttpMethod.Delete, "/api/contacts/an-jacobs");
        await Call(412, HttpMethod.Delete, Contact, headers: IfMatch(Stale));
        await Call(204, HttpMethod.Delete, Contact);
        await Call(404, HttpMethod.Delete, Contact);

        await Get(200, Calendar);
        await Call(200, HttpMethod.Put, $"{Calendar}/2027-02", JsonContent.Create(new { feature = "begeleiding" }));
        await Call(412, HttpMethod.Put, $"{Calendar}/2027-02", JsonContent.Create(new { feature = "begeleiding" }), IfMatch(Stale));
        await Call(422, HttpMethod.Put, $"{Calendar}/2027-02", JsonContent.Create(new { feature = "geen-thema" }));
        await Call(400, HttpMethod.Put, $"{Calendar}/2027-13", JsonContent.Create(new { feature = "begeleiding" }));
        await Call(200, HttpMethod.Put, $"{Calendar}/2027-02", JsonContent.Create(new { feature = (string?)null }));
    }

    /// <summary>Each report as JSON and as CSV, and a request it refuses; the chart; the year report's HTML and PDF; the audit.</summary>
    private async Task ReportsAsync()
    {
        foreach (var report in new[] { "views", "reach/centres", "reach/roles", "searches", "content-health" })
        {
            await Get(200, $"/api/reports/{report}");
            await Get(200, $"/api/reports/{report}?format=csv");
            await Get(400, $"/api/reports/{report}?format=geen");
        }
        await Get(200, "/api/reports/views.svg");
        await Get(400, "/api/reports/views.svg?from=gisteren");
        await Get(200, "/api/reports/annual?schoolYear=2025-2026");
        await Get(200, "/api/reports/annual?schoolYear=2025-2026&format=csv&table=centres");
        await Get(400, "/api/reports/annual?schoolYear=2025-2027");
        foreach (var document in new[] { "annual.html", "annual.pdf" })
        {
            await Get(200, $"/api/reports/{document}?schoolYear=2025-2026");
            await Get(400, $"/api/reports/{document}?schoolYear=2025-2027");
        }
        await Get(200, "/api/audit");
        await Get(400, "/api/audit?limit=0");
    }

    /// <summary>A receiver on a port nothing listens on: its test delivery is refused, and it is removed again.</summary>
    private async Task WebhooksAsync()
    {
        await Call(400, HttpMethod.Post, "/api/webhooks", JsonContent.Create(new { url = "ftp://example.org/hooks" }));
        var created = await Call(201, HttpMethod.Post, "/api/webhooks", JsonContent.Create(new { url = "http://127.0.0.1:9/hooks" }));
        var webhook = created.Headers.Location!.OriginalString;
        await Get(200, "/api/webhooks");
        await Get(200, webhook);
        await Call(202, HttpMethod.Post, $"{webhook}/test");
        await Get(200, $"{webhook}/deliveries");
        await Get(400, $"{webhook}/deliveries?limit=0");
        await Call(204, HttpMethod.Delete, webhook);
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "text/yaml");
}
