using System.Net;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>How an editor settles an interrupted send: the uncertain mails that never arrived are sent again, once.</summary>
internal static class UncertainMails
{
    /// <summary>Resends each uncertain delivery the SMTP server never received, and waits for it to arrive once.</summary>
    public static async Task ResendUnreceivedAsync(HttpClient editor, long issueId, JsonElement uncertain, TestSmtpServer smtp)
    {
        foreach (var delivery in uncertain.EnumerateArray())
        {
            var email = delivery.GetProperty("email").GetString()!;
            if (smtp.MessagesTo(email).Count > 0)
                continue;
            var resend = await editor.PostAsync(
                $"/api/newsletter/issues/{issueId}/deliveries/{delivery.GetProperty("subscriberId").GetInt64()}/resend", null);
            Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
            await Eventually.TrueAsync(() => smtp.MessagesTo(email).Count == 1, $"{email} was not sent again");
        }
    }

    /// <summary>Every one of <paramref name="recipients"/> addresses got exactly one mail.</summary>
    public static void AssertEachReceivedOnce(TestSmtpServer smtp, int recipients)
    {
        var perRecipient = smtp.Messages
            .SelectMany(m => m.Recipients)
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(recipients, perRecipient.Count);
        Assert.All(perRecipient, r => Assert.Equal(1, r.Value));
    }
}
