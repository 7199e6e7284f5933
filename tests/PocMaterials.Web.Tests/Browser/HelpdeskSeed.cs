using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Helpdesk questions for the pages to show, asked and answered through the API: two asked in similar words (a group of
/// the list), one by phone, and the first answered with a material and rated by a click in the answer's mail, so its page
/// shows every part. The host writes its mail to the outbox and counts a click at once (no scanner window).
/// </summary>
public static partial class HelpdeskSeed
{
    private const string Similar = "Mag een verpleegkundige een inhaalvaccinatie geven zonder arts in het gebouw?";
    private const string Nurse = "verpleegkundige@example.org";

    /// <summary>Seeds the questions; the id of the answered and rated one.</summary>
    public static async Task<long> AskAndAnswerAsync(PocMaterialsApp app)
    {
        var nurse = await app.ClientFor(["verpleegkundige"], email: Nurse);
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
            text = "Ja, volgens het **noodplan bij afwezigheid van een arts**:\n\n- een arts is telefonisch bereikbaar;\n"
                + "- de verpleegkundige volgt de procedure.",
            materials = new[] { "noodplan-afwezigheid-arts" }, minutes = 20,
        })).EnsureSuccessStatusCode();
        await ScoreAsync(app, 4);
        return first;
    }

    /// <summary>Clicks the score's link in the answer's mail, as the nurse's mail program would open it.</summary>
    private static async Task ScoreAsync(PocMaterialsApp app, int score)
    {
        var outbox = Path.Combine(app.Folder.DataPath, "outbox");
        MimeMessage? answer = null;
        await Eventually.TrueAsync(() => (answer = AnswerMail(outbox)) is not null, $"no answer mail to {Nurse} in {outbox}", 60);
        var links = ScoreLink().Matches(answer!.TextBody ?? "").Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(5, links.Count);
        var reader = app.CreateClient();
        // A person's browser: a headless or scanner's user agent counts for nothing.
        reader.DefaultRequestHeaders.UserAgent.ParseAdd(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36");
        var thanks = await reader.GetAsync(links[score - 1]);
        thanks.EnsureSuccessStatusCode();
        Assert.Contains("Bedankt", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MimeMessage? AnswerMail(string outbox) => !Directory.Exists(outbox) ? null
        : Directory.GetFiles(outbox, "*.eml").Select(file => MimeMessage.Load(file))
            .FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == Nurse) && m.Subject == "Antwoord op je vraag aan POC+");

    private static async Task<long> AskAsync(HttpClient staff, object question)
    {
        var asked = await staff.PostAsJsonAsync("/api/helpdesk/questions", question);
        asked.EnsureSuccessStatusCode();
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A one-click score's link in an answer's mail.</summary>
    [GeneratedRegex(@"https?://[^\s""<>]+/helpdesk/tevredenheid\?token=[^\s""<>]+")]
    internal static partial Regex ScoreLink();
}
