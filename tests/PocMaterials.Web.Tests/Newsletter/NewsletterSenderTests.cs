using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The sender of the mails: a host that sends to an SMTP server does not start without one set, and says what to set;
/// the outbox may keep the placeholder, and the host says so once when it starts.
/// </summary>
public sealed class NewsletterSenderTests : IDisposable
{
    private readonly ContentFolder _folder = ContentFolder.WithFixture();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_host_sending_to_an_SMTP_server_does_not_start_without_a_sender_and_says_what_to_set()
    {
        var settings = new Dictionary<string, string?> { ["Smtp:Outbox"] = "false", ["Smtp:Host"] = "smtp.example.org" };

        var missing = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(_folder, "Development", settings));
        settings["Smtp:From"] = "POC-a-tizer <poc-a-tizer@localhost>";
        var placeholder = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(_folder, "Development", settings));
        settings["Smtp:From"] = "POC-a-tizer <poc-a-tizer@clb.example.org>";
        var set = await HostStart.FailureAsync(_folder, "Development", settings);

        Assert.Contains("Smtp:From is not set: mails to smtp.example.org need the address they come from", missing.Message,
            StringComparison.Ordinal);
        Assert.Contains("SPF, DKIM", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:From 'POC-a-tizer <poc-a-tizer@localhost>' is not a mail address with a domain", placeholder.Message,
            StringComparison.Ordinal);
        Assert.Null(set);
    }

    [Fact]
    public async Task The_outbox_keeps_the_placeholder_sender_and_the_host_says_so_once()
    {
        await using var app = new PocMaterialsApp(_folder, settings: new Dictionary<string, string?> { ["Smtp:From"] = null });
        await app.ClientFor(["redacteur"]);

        var warning = Assert.Single(
            app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Smtp:From", StringComparison.Ordinal));
        Assert.Contains(SmtpOptions.OutboxSender, warning.Message, StringComparison.Ordinal);
    }
}
