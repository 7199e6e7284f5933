using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// From question to FAQ in Debian's Chromium, with mails at a real SMTP server: a nurse asks on a material, the theme's
/// contact gets the question, an editor answers with a material, the nurse's mail carries the answer, a helpdesk link and
/// five scores, one click of which the editor sees; "Maak er een FAQ-vraag van" adds the question to the theme's FAQ list
/// (or a new one), published and found by search. A search without results offers the question form; an uncertain mail
/// is sent again from the question's page.
/// </summary>
public sealed partial class HelpdeskPagesTests(HelpdeskPagesTests.Host host) : IClassFixture<HelpdeskPagesTests.Host>
{
    /// <summary>The pages' host with its SMTP server; a score clicked at once counts (no scanner window to wait out).</summary>
    public sealed class Host : SmtpBrowserHost
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Newsletter:ScannerWindow"] = "00:00:00" };
    }

    private const string Nurse = "verpleegkundige.gent@example.org";
    private const string Question = "Mag een verpleegkundige de inhaalvaccinatie hepatitis B geven op een schooldag zonder arts?";
    private const string Answer = "Ja, als een arts telefonisch bereikbaar is en het noodplan bij afwezigheid van een arts gevolgd wordt.";
    private static readonly string[] Editor = ["redacteur"];

    [Fact]
    public async Task A_question_asked_on_a_material_is_answered_by_mail_rated_and_published_as_a_FAQ_question_that_search_finds()
    {
        var staff = await SignInWithEmailAsync(["verpleegkundige"], Nurse);
        await staff.GotoAsync("/materialen/pgz-procedure-vaccinatie");
        var card = staff.Locator("section[aria-labelledby=vraag-titel]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Stel je vraag" }).ClickAsync();
        await Expect(card.GetByLabel("Thema")).ToHaveValueAsync("preventieve-gezondheidszorg");
        await Expect(card).ToContainTextAsync("Schrijf geen namen van leerlingen");
        await card.GetByLabel("Je vraag").FillAsync(Question);
        await Expect(card).ToContainTextAsync($"{Question.Length} / 2000 tekens");
        await card.GetByRole(AriaRole.Button, new() { Name = "Verstuur" }).ClickAsync();
        await Expect(card.Locator(".notice")).ToContainTextAsync("Je krijgt het antwoord per mail.");

        // The theme's contact: the question and a link to it, never who asked.
        var asked = await MailToAsync("pieter.maes@example.org");
        Assert.Contains(Question, asked.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Nurse, asked.TextBody + asked.HtmlBody, StringComparison.OrdinalIgnoreCase);
        var id = QuestionLink().Match(asked.TextBody ?? "").Groups["id"].Value;
        Assert.NotEmpty(id);

        var editor = await host.SignInAsync(Editor);
        await editor.GotoAsync($"/redactie/vragen/{id}");
        await Expect(editor.Locator(".facts")).ToContainTextAsync("Verpleegkundige · GO! CLB Gent");
        await editor.GetByLabel("Antwoord", new() { Exact = true }).FillAsync(Answer);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Voeg een materiaal toe" }).ClickAsync();
        await editor.GetByLabel("Zoek op woorden uit de titel").FillAsync("noodplan arts");
        const string Material = "Noodplan afwezigheid arts";
        await editor.Locator(".picker-results").GetByRole(AriaRole.Button, new() { Name = Material }).First.ClickAsync();
        await Expect(editor.GetByRole(AriaRole.List, new() { Name = "Gekozen materialen" })).ToContainTextAsync(Material);
        await editor.GetByLabel("Bestede minuten").FillAsync("25");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Bewaar minuten" }).ClickAsync();
        await Expect(editor.GetByText("Bewaard.")).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Verstuur antwoord" }).ClickAsync();
        await Expect(editor.Locator("main > .notice"))
            .ToHaveTextAsync("Het antwoord is bewaard en wordt gemaild naar wie de vraag stelde.");

        // The asker's mail: the answer, the material tracked as from the helpdesk, five one-click scores.
        var answered = await MailToAsync(Nurse);
        Assert.Contains(Answer, answered.TextBody, StringComparison.Ordinal);
        // The links as a mail program reads the HTML (its template writes = as &#x3D;).
        var html = System.Net.WebUtility.HtmlDecode(answered.HtmlBody ?? "");
        Assert.Contains("/materials/noodplan-afwezigheid-arts?source=helpdesk\"", html, StringComparison.Ordinal);
        var scores = HelpdeskSeed.ScoreLink().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(5, scores.Count);
        var reader = await ReaderAsync();
        await reader.GotoAsync(new Uri(scores[3]).PathAndQuery);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bedankt voor je score");
        await reader.Context.CloseAsync();
        await editor.ReloadAsync();
        await Expect(editor.Locator(".facts div", new() { HasText = "Tevredenheid" })).ToContainTextAsync("4 van 5");

        await editor.GetByRole(AriaRole.Button, new() { Name = "Maak er een FAQ-vraag van" }).ClickAsync();
        await editor.WaitForURLAsync($"**/redactie/materialen/faq-vaccinaties?vraag={id}");
        await Expect(editor.GetByLabel("Tekst", new() { Exact = true })).ToHaveValueAsync(new Regex(Regex.Escape("## " + Question)));
        await Expect(editor.Locator("#formulier-voorbeeld")).ToContainTextAsync(Answer);
        await BrowserHost.ScreenshotAsync(editor, "redactie-faq-vraag");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(editor.GetByText("Gepubliceerd: de vraag is geregistreerd als FAQ-vraag van deze lijst.")).ToBeVisibleAsync();
        var recorded = await QuestionAsync(id);
        Assert.Equal(25, recorded.GetProperty("minutes").GetInt32());
        var faq = recorded.GetProperty("faq");
        Assert.Equal("faq-vaccinaties", faq.GetProperty("slug").GetString());

        await staff.GotoAsync("/zoeken?q=" + Uri.EscapeDataString("inhaalvaccinatie hepatitis B zonder arts"));
        var hit = staff.Locator(".hit", new() { HasText = "FAQ vaccinaties" });
        await Expect(hit.GetByRole(AriaRole.Link, new() { Name = Question })).ToHaveAttributeAsync(
            "href", new Regex($"#{Regex.Escape(faq.GetProperty("anchor").GetString()!)}$"));
        await staff.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_question_of_a_theme_without_a_FAQ_list_becomes_a_new_one_published_from_the_editor()
    {
        var client = await host.App.ClientFor(Editor);
        var registered = await client.PostAsJsonAsync("/api/helpdesk/questions/registrations", new
        {
            channel = "sessie", text = "Hoe spreken we ouders aan over signalen van radicalisering bij hun kind?",
            theme = "radicalisering", coreProcess = "signaalfunctie", roles = new[] { "teamcoach" }, minutes = 30,
        });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ToString();
        (await client.PostAsJsonAsync($"/api/helpdesk/questions/{id}/answer",
            new { text = "Benoem wat je ziet, **zonder te oordelen**, en betrek het zorgteam.", materials = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();

        var editor = await host.SignInAsync(Editor, width: 390, height: 844);
        await editor.GotoAsync($"/redactie/vragen/{id}");
        await Expect(editor.Locator(".facts")).ToContainTextAsync("Sessie");
        // The answer's Markdown as the asker's mail shows it, not its asterisks.
        var given = editor.Locator("section[aria-labelledby=gegeven-titel]");
        await Expect(given.Locator("strong")).ToHaveTextAsync("zonder te oordelen");
        await Expect(given).Not.ToContainTextAsync("**");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Maak er een FAQ-vraag van" }).ClickAsync();
        await editor.WaitForURLAsync($"**/redactie/nieuw-materiaal?vraag={id}");
        await Expect(editor.GetByText("Dit thema heeft nog geen FAQ-lijst")).ToBeVisibleAsync();
        var draft = await (await client.GetAsync($"/api/helpdesk/questions/{id}/faq-draft")).Content.ReadFromJsonAsync<JsonElement>();
        var slug = draft.GetProperty("slug").GetString()!;
        await Expect(editor.Locator(".address code")).ToHaveTextAsync($"/materialen/{slug}");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceer nu" }).ClickAsync();

        await editor.WaitForURLAsync($"**/redactie/materialen/{slug}?opgeslagen=1");
        await Expect(editor.GetByText("Gepubliceerd: de vraag is geregistreerd als FAQ-vraag van deze lijst.")).ToBeVisibleAsync();
        Assert.Equal(slug, (await QuestionAsync(id)).GetProperty("faq").GetProperty("slug").GetString());
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_without_results_offers_a_question_to_POC_with_the_searched_theme_chosen()
    {
        var staff = await host.SignInAsync(["clb-medewerker"], width: 390, height: 844);
        await staff.GotoAsync("/zoeken?q=xqzwvk&theme=radicalisering");
        await Expect(staff.GetByText("Niets gevonden voor ‘xqzwvk’.")).ToBeVisibleAsync();
        var card = staff.Locator("section[aria-labelledby=vraag-titel]");
        await Expect(card.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Stel je vraag aan POC+");
        await card.GetByRole(AriaRole.Button, new() { Name = "Stel je vraag" }).ClickAsync();
        await Expect(card.GetByLabel("Thema")).ToHaveValueAsync("radicalisering");
        await Expect(card.GetByText("Mijn vraag gaat over")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(staff, "zoeken-vraag-telefoon");
        await staff.Context.CloseAsync();
    }

    // A staff member signed in on the development page with a mail address, as the provider's session gives one.
    private async Task<IPage> SignInWithEmailAsync(string[] roles, string email)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("Je e-mailadres").FillAsync(email);
        await BrowserHost.FillSignInAsync(page, roles, "gent");
        await page.WaitForURLAsync("**/zoeken");
        return page;
    }

    // A person's browser: the headless one's user agent is a mail scanner's, whose clicks count for nothing.
    private async Task<IPage> ReaderAsync()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Locale = "nl-BE",
            UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task An_uncertain_mail_is_sent_again_from_the_question_page_once_the_editor_confirms()
    {
        const string Text = "Hoe lang bewaart het CLB het dossier van een leerling die van school verandert?";
        var staff = await host.App.ClientFor(["clb-medewerker"], email: "medewerker.oostende@example.org");
        var asked = await staff.PostAsJsonAsync("/api/helpdesk/questions", new { text = Text, theme = "decreet-leersteun" });
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        int Sent() => host.Smtp.Messages.Count(m => m.Parse().TextBody?.Contains(Text, StringComparison.Ordinal) == true);
        await Eventually.TrueAsync(() => Sent() == 1, "the contact's mail did not arrive", seconds: 60);
        // As the mailer leaves a claim whose host stopped mid-send.
        await TestPostgres.ExecuteAsync(host.App.ConnectionString,
            $"UPDATE helpdesk_mails SET status = 'uncertain', sent_at = NULL WHERE question_id = {id} AND status = 'sent'");

        var editor = await host.SignInAsync(Editor);
        editor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await editor.GotoAsync($"/redactie/vragen/{id}");
        var mails = editor.Locator("section[aria-labelledby=mails-titel]");
        await Expect(mails).ToContainTextAsync("onzeker: de server viel weg tijdens het versturen");
        await BrowserHost.ScreenshotAsync(editor, "redactie-vraag-onzekere-mail");
        await editor.SetViewportSizeAsync(390, 844);
        await BrowserHost.ScreenshotAsync(editor, "redactie-vraag-onzekere-mail-telefoon");
        await mails.GetByRole(AriaRole.Button, new() { Name = "Opnieuw versturen" }).ClickAsync();

        await Expect(editor.GetByText("De mail wordt opnieuw verstuurd.")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => Sent() == 2, "the mail was not sent again", seconds: 60);
        await editor.ReloadAsync();
        await Expect(mails).ToContainTextAsync("Vraag aan het aanspreekpunt: verstuurd op");
        await Expect(mails.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await editor.Context.CloseAsync();
    }

    private async Task<MimeKit.MimeMessage> MailToAsync(string address)
    {
        await Eventually.TrueAsync(() => host.Smtp.MessagesTo(address).Count == 1, $"no mail to {address}", seconds: 60);
        return host.Smtp.MessagesTo(address)[0].Parse();
    }

    private async Task<JsonElement> QuestionAsync(string id)
    {
        var client = await host.App.ClientFor(Editor);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/helpdesk/questions/{id}")).GetProperty("question");
    }

    [GeneratedRegex(@"/redactie/vragen/(?<id>\d+)")]
    private static partial Regex QuestionLink();
}
