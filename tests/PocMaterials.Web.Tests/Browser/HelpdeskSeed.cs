using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Helpdesk questions for the pages to show, asked and answered through the API: two asked in similar words (a group of
/// the list), one by phone, and the first answered with a material and rated, so its page shows every part.
/// </summary>
public static class HelpdeskSeed
{
    private const string Similar = "Mag een verpleegkundige een inhaalvaccinatie geven zonder arts in het gebouw?";

    /// <summary>Seeds the questions; the answered one is the first (/redactie/vragen/1 on a fresh database).</summary>
    public static async Task AskAndAnswerAsync(PocMaterialsApp app)
    {
        var nurse = await app.ClientFor(["verpleegkundige"], email: "verpleegkundige@example.org");
        var first = await AskAsync(nurse, new { text = Similar, theme = "preventieve-gezondheidszorg", material = "faq-vaccinaties" });
        await AskAsync(nurse, new
        {
            text = "Mogen verpleegkundigen inhaalvaccinaties geven als er geen arts in het gebouw is?",
            theme = "preventieve-gezondheidszorg",
        });
        var editor = await app.ClientFor(["redacteur"], name: "Redacteur Helpdesk");
        (await editor.PostAsJsonAsync("/api/helpdesk/questions/registrations", new
        {
            channel = "telefoon", text = "Welke termijn geldt voor een aanvraag van leersteun in het secundair?",
            theme = "decreet-leersteun", centre = "antwerpen", roles = new[] { "directeur" }, minutes = 15,
        })).EnsureSuccessStatusCode();
        (await editor.PostAsJsonAsync($"/api/helpdesk/questions/{first}/answer", new
        {
            text = "Ja, volgens het noodplan bij afwezigheid van een arts, met een arts telefonisch bereikbaar.",
            materials = new[] { "noodplan-afwezigheid-arts" }, minutes = 20,
        })).EnsureSuccessStatusCode();
        // The score a click in the answer's mail records (HelpdeskPagesTests clicks one; this host sends no mail).
        await TestPostgres.ExecuteAsync(app.ConnectionString,
            $"UPDATE helpdesk_questions SET satisfaction = 4, satisfied_at = now() WHERE id = {first}");
    }

    private static async Task<long> AskAsync(HttpClient staff, object question)
    {
        var asked = await staff.PostAsJsonAsync("/api/helpdesk/questions", question);
        asked.EnsureSuccessStatusCode();
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
