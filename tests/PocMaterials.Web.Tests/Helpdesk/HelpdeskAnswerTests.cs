using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>
/// Answering: the asker's mail at the real SMTP server with the answer, its materials as views from the helpdesk and five
/// one-click scores; a click records the score (a later one replaces it, a mail scanner's counts nothing), a damaged link
/// is a Dutch page; a correction is mailed again; no address, no mail; the answer's Markdown as HTML for its page.
/// </summary>
[Collection(OneHelpdeskHost.Name)]
public sealed partial class HelpdeskAnswerTests(HelpdeskHost host)
{
    [Fact]
    public async Task The_asker_gets_the_answer_with_helpdesk_links_and_five_scores_and_a_click_records_the_score()
    {
        var id = await host.AskAsync(host.Staff, "Hoeveel uur leersteun krijgt een leerling met dyslexie?");
        var answered = await host.AnswerAsync(id, "Dat hangt af van de **noden**; zie de fiche.", "fiche-leersteun");

        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.Equal("Lies Verhoeven", answered.GetProperty("answer").GetProperty("answeredByName").GetString());
        // The Markdown as the mail renders it, for the question's page.
        Assert.Equal("<p>Dat hangt af van de <strong>noden</strong>; zie de fiche.</p>\n",
            answered.GetProperty("answer").GetProperty("html").GetString());
        var message = (await AnswerMailsAsync("leerling met dyslexie", 1))[0];
        Assert.Equal("Antwoord op je vraag aan POC+", message.Subject);
        Assert.Equal(HelpdeskHost.Contact, message.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("<strong>noden</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hoe tevreden ben je over dit antwoord?", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            $"{HelpdeskHost.PublicBaseUrl}/materials/fiche-leersteun?source=helpdesk", message.TextBody, StringComparison.Ordinal);
        var scores = ScoreLinks().Matches(message.TextBody!).Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(5, scores.Count);
        Assert.Equal(5, ScoreLinks().Count(WebUtility.HtmlDecode(message.HtmlBody!)));

        var thanks = await Anonymous().GetAsync(scores[3]);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Equal("text/html", thanks.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bedankt", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await ScoreAsync(id));
        await Anonymous().GetAsync(scores[1]);
        Assert.Equal(2, await ScoreAsync(id));

        // A mail scanner follows every link of a mail: it is thanked, and counts nothing.
        var scanner = host.App.CreateClient();
        scanner.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Barracuda Sentinel)");
        Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync(scores[4])).StatusCode);
        Assert.Equal(2, await ScoreAsync(id));

        await host.Staff.GetAsync("/api/materials/fiche-leersteun?source=helpdesk");
        await host.App.WaitForCountAsync("SELECT count(*) FROM material_views WHERE source = 'helpdesk'", 1);
    }

    [Fact]
    public async Task A_damaged_or_foreign_score_link_is_a_dutch_page_with_400_never_json()
    {
        var id = await host.AskAsync(host.Staff, "Geldt een verslag ook in het secundair onderwijs?");
        await host.AnswerAsync(id, "Ja.");
        var link = ScoreLinks().Match((await AnswerMailsAsync("secundair onderwijs", 1))[0].TextBody!).Value;
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var tampered = token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA");

        foreach (var path in new[] { $"/helpdesk/tevredenheid?token={Uri.EscapeDataString(tampered)}", "/helpdesk/tevredenheid" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var response = await Anonymous().SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Deze link werkt niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(id)).GetProperty("question").GetProperty("satisfaction").ValueKind);
    }

    [Fact]
    public async Task A_correction_is_mailed_again_and_an_asker_without_address_gets_no_mail()
    {
        var id = await host.AskAsync(host.Staff, "Mag de school een leersteuntraject stopzetten?");
        var silent = await host.AskAsync(host.Unaddressed, "Mag het leersteuncentrum een leersteuntraject stopzetten?");

        await host.AnswerAsync(id, "Nee.");
        await host.AnswerAsync(id, "Nee, niet eenzijdig.");
        await host.AnswerAsync(silent, "Nee.");

        var mails = await AnswerMailsAsync("een leersteuntraject stopzetten", 2);
        Assert.Equal(
            ["Nee.", "Nee, niet eenzijdig."], mails.Select(m => Regex.Match(m.TextBody!, @"Ons antwoord:\n(.*)\n").Groups[1].Value));
        var detail = await DetailAsync(id);
        static IEnumerable<string?> Kinds(JsonElement detail) =>
            detail.GetProperty("mails").EnumerateArray().Select(m => m.GetProperty("kind").GetString());
        Assert.Equal(["question", "answer", "answer"], Kinds(detail));
        Assert.DoesNotContain("answer", Kinds(await DetailAsync(silent)));
        Assert.Equal("Nee, niet eenzijdig.", detail.GetProperty("question").GetProperty("answer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_answer_markdig_cannot_read_is_refused_at_its_field_and_the_question_stays_open()
    {
        var id = await host.AskAsync(host.Unaddressed, "Hoe diep mag een citaat in een antwoord gaan?");

        var response = await host.Editor.PostAsJsonAsync(
            $"/api/helpdesk/questions/{id}/answer", new { text = new string('>', 3_000) + " diep", materials = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("text", "invalid-markdown"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        var question = (await DetailAsync(id)).GetProperty("question");
        Assert.Equal("open", question.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, question.GetProperty("answer").ValueKind);
    }

    /// <summary>The answer mails to the asker about the question holding <paramref name="text"/>, once there are as many.</summary>
    private async Task<List<MimeMessage>> AnswerMailsAsync(string text, int count)
    {
        List<MimeMessage> Found() => [.. host.Smtp.MessagesTo(HelpdeskHost.AskerEmail).Select(m => m.Parse())
            .Where(m => m.TextBody?.Contains(text, StringComparison.Ordinal) == true)];
        await Eventually.TrueAsync(() => Found().Count >= count, $"fewer than {count} answer mails about '{text}'", 30);
        await Task.Delay(200);
        var found = Found();
        Assert.Equal(count, found.Count);
        return found;
    }

    private HttpClient Anonymous()
    {
        var client = host.App.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(HelpdeskHost.Browser);
        return client;
    }

    private async Task<JsonElement> DetailAsync(long id) =>
        await host.Editor.GetFromJsonAsync<JsonElement>($"/api/helpdesk/questions/{id}");

    private async Task<int?> ScoreAsync(long id) =>
        (await DetailAsync(id)).GetProperty("question").GetProperty("satisfaction") is { ValueKind: JsonValueKind.Object } score
            ? score.GetProperty("score").GetInt32()
            : null;

    [GeneratedRegex(@"https://poc\.example\.org/helpdesk/tevredenheid\?token=[A-Za-z0-9%_.\-]+")]
    private static partial Regex ScoreLinks();
}
