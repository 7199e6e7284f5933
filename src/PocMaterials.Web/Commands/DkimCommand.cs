using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Persistence;

namespace PocMaterials.Web.Commands;

/// <summary>
/// <c>dkim [--check]</c>: the DNS TXT record that publishes the key the server signs mails with (the key is made
/// when there is none yet), and with --check whether DNS publishes exactly that. Exit code 0; 1 when the check
/// fails; 2 when mails are not signed (no sender set, or switched off).
/// </summary>
public static class DkimCommand
{
    public static async Task<int> RunAsync(
        bool check, SmtpOptions smtp, DkimOptions dkim, DataOptions data, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!dkim.Enabled)
        {
            output.WriteLine("Dkim:Enabled is false: mails are not signed. Sign them unless the relay signs them for you.");
            return 2;
        }
        MailSigner? signer;
        try
        {
            signer = MailSigner.For(dkim, smtp, Path.GetFullPath(data.DataPath));
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine(e.Message);
            return 2;
        }
        if (signer is null)
        {
            output.WriteLine("Smtp:From is not set: mails carry no sender domain to sign for. Set Smtp:From (or Dkim:Domain).");
            return 2;
        }
        var key = signer.Key;
        output.WriteLine($"Mails from {key.Domain} are signed with selector {key.Selector} (RSA-SHA256, key {key.Path}).");
        output.WriteLine("Publish this TXT record in the domain's DNS zone:");
        output.WriteLine();
        output.WriteLine(key.ZoneFileLine());
        output.WriteLine();
        output.WriteLine($"name:  {key.RecordName}");
        output.WriteLine($"value: {key.RecordValue}");
        if (!check)
            return 0;
        var published = await PublishedDkimRecord.CheckAsync(key, string.IsNullOrWhiteSpace(dkim.NameServer) ? null : dkim.NameServer,
            cancellationToken);
        output.WriteLine();
        output.WriteLine(published.Verdict);
        return published.Matches ? 0 : 1;
    }
}
