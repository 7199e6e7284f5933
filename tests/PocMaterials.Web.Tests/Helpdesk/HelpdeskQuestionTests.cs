using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>
/// Asking POC+ from the website: the question is registered with the asker's role and centre and mailed to the theme's
/// contact (or the helpdesk's address), never with who asked; a material the asker may not see is not found; what does not
/// hold is a 400 coded at its field.
/// </summary>
[Collection(OneHelpdeskHost.Name)]
public sealed class HelpdeskQuestionTests(HelpdeskHost host)
{
    [Fact]
    public async Task A_question_reaches_the_themes_contact_with_its_role_centre_and_material_but_not_who_asked()
    {
        var response = await host.Staff.PostAsJsonAsync("/api/helpdesk/questions", new
        {
            text = "Wie vraagt leersteun aan voor een leerling met autisme?", theme = "decreet-leersteun", material = "fiche-leersteun",
        });
        var question = await HelpdeskHost.Json(response);
        var id = question.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/helpdesk/questions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("open", true), (question.GetProperty("status").GetString(), question.GetProperty("answerByMail").GetBoolean()));
        var mail = Single(await host.MailsToAsync(HelpdeskHost.Contact, 1), "leerling met autisme");
        var message = mail.Parse();
        Assert.Equal("Nieuwe vraag over Decreet leersteun", message.Subject);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("GO! CLB Gent", body, StringComparison.Ordinal);
            Assert.Contains("CLB-medewerker", body, StringComparison.Ordinal);
            Assert.Contains("Fiche leersteun", body, StringComparison.Ordinal);
            Assert.Contains($"{HelpdeskHost.PublicBaseUrl}/redactie/vragen/{id}", body, StringComparison.Ordinal);
        }
        var subject = (await host.Staff.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("subject").GetString()!;
        foreach (var secret in new[] { "Zelda", "Vandenbroucke", HelpdeskHost.AskerEmail, subject })
            Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(mail.Raw), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(message.Headers[HeaderId.MessageId]);
    }

    [Fact]
    public async Task A_theme_without_a_contact_sends_to_the_helpdesks_address_and_a_session_without_address_gets_no_answer_by_mail()
    {
        var question = await HelpdeskHost.Json(await host.Unaddressed.PostAsJsonAsync("/api/helpdesk/questions",
            new { text = "Mag een leerling thuis les krijgen van een oom?", theme = "huisonderwijs" }));

        Assert.False(question.GetProperty("answerByMail").GetBoolean());
        Single(await host.MailsToAsync(HelpdeskHost.HelpdeskAddress, 1), "les krijgen van een oom");
    }

    [Fact]
    public async Task A_material_the_asker_may_not_see_is_not_found_as_one_that_does_not_exist()
    {
        var hidden = await host.Staff.PostAsJsonAsync("/api/helpdesk/questions",
            new { text = "Wat staat er in deze fiche?", theme = "decreet-leersteun", material = "fiche-arts" });
        var missing = await host.Staff.PostAsJsonAsync("/api/helpdesk/questions",
            new { text = "Wat staat er in deze fiche?", theme = "decreet-leersteun", material = "bestaat-niet" });
        var doctor = await host.Doctor.PostAsJsonAsync("/api/helpdesk/questions",
            new { text = "Wat staat er in deze fiche?", theme = "decreet-leersteun", material = "fiche-arts" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hidden.StatusCode, missing.StatusCode));
        Assert.Equal(await Problem(hidden), await Problem(missing));
        Assert.Equal(HttpStatusCode.Created, doctor.StatusCode);
    }

    [Fact]
    public async Task What_does_not_hold_is_a_400_coded_at_its_field()
    {
        var response = await host.Staff.PostAsJsonAsync("/api/helpdesk/questions",
            new { text = new string('x', 2001), theme = "geen-thema", coreProcess = "geen-kernproces" });
        var empty = await host.Staff.PostAsJsonAsync("/api/helpdesk/questions", new { text = " \u0007 " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("coreProcess", "unknown-term"), ("text", "too-long"), ("theme", "unknown-term")], await Codes(response));
        Assert.Equal([("text", "control-character"), ("theme", "required")], await Codes(empty));
    }

    private static ReceivedMessage Single(IReadOnlyList<ReceivedMessage> mails, string text) =>
        Assert.Single(mails, m => m.Parse().TextBody?.Contains(text, StringComparison.Ordinal) == true);

    private static async Task<List<(string, string)>> Codes(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. problem.GetProperty("fieldErrors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!)).Order()];
    }

    /// <summary>What a problem says but for the slug it names.</summary>
    private static async Task<(string?, string?)> Problem(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (problem.GetProperty("code").GetString(), problem.GetProperty("title").GetString());
    }
}
