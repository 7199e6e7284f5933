using System.Net;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>
/// An uncertain mail (its host stopped while sending) is never sent again by itself; an editor may send it again, once,
/// and only that mail: a sent one or another question's is refused.
/// </summary>
[Collection(OneHelpdeskHost.Name)]
public sealed class HelpdeskMailResendTests(HelpdeskHost host)
{
    [Fact]
    public async Task An_editor_sends_an_uncertain_mail_again_once_and_nothing_else()
    {
        const string Text = "Wie beslist over een verlengd leersteuntraject?";
        var id = await host.AskAsync(host.Staff, Text);
        var other = await host.AskAsync(host.Staff, "Wie betaalt het vervoer naar het leersteuncentrum?");
        await Eventually.TrueAsync(() => ContactMails(Text) == 1, "the contact's mail did not arrive", 30);
        var mail = await MailIdAsync(id, "sent");

        Assert.Equal(HttpStatusCode.Conflict, (await ResendAsync(id, mail)).StatusCode);
        // As the mailer leaves a claim whose host died: the server may have it or not.
        await TestPostgres.ExecuteAsync(
            host.App.ConnectionString, $"UPDATE helpdesk_mails SET status = 'uncertain', sent_at = NULL WHERE id = {mail}");
        Assert.Equal(mail, await MailIdAsync(id, "uncertain"));
        Assert.Equal(HttpStatusCode.Conflict, (await ResendAsync(other, mail)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await ResendAsync(id, mail)).StatusCode);
        await Eventually.TrueAsync(() => ContactMails(Text) == 2, "the mail was not sent again", 30);
        Assert.Equal(mail, await MailIdAsync(id, "sent"));
        Assert.Equal(HttpStatusCode.Conflict, (await ResendAsync(id, mail)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, ContactMails(Text));
    }

    private int ContactMails(string text) =>
        host.Smtp.MessagesTo(HelpdeskHost.Contact).Count(m => m.Parse().TextBody?.Contains(text, StringComparison.Ordinal) == true);

    private Task<HttpResponseMessage> ResendAsync(long question, long mail) =>
        host.Editor.PostAsync($"/api/helpdesk/questions/{question}/mails/{mail}/resend", null);

    /// <summary>The question's mail to the theme's contact, once it has <paramref name="status"/>.</summary>
    private async Task<long> MailIdAsync(long question, string status)
    {
        JsonElement? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var detail = await HelpdeskHost.Json(await host.Editor.GetAsync($"/api/helpdesk/questions/{question}"));
            found = detail.GetProperty("mails").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "question");
            return found.Value.GetProperty("status").GetString() == status;
        }, $"the contact's mail is not {status}", 30);
        return found!.Value.GetProperty("id").GetInt64();
    }
}
