using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Outside Development mails go to an SMTP server unless the outbox is chosen by a setting: a forgotten host
/// must stop the start, not send a month's newsletter into a folder nobody reads. Mails to a server need a sender
/// set: a relay refuses a made-up one, or the receivers file it as spam, which a start would not show.
/// </summary>
public sealed class SmtpOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    private const string SenderExample = "set it as \"POC-a-tizer <poc-a-tizer@your-clb.example.org>\", an address of a domain that lets "
        + "this server send as it (SPF, DKIM)";

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var hasHost = !string.IsNullOrWhiteSpace(options.Host);
        var failures = new List<string>();
        if (options.Outbox && hasHost)
            failures.Add("Smtp:Host and Smtp:Outbox are both set: mails go either to that server or to the outbox; choose one.");
        else if (!environment.IsDevelopment() && !options.Outbox && !hasHost)
        {
            failures.Add($"Smtp:Host is not set: the {environment.EnvironmentName} environment sends mail through an SMTP server. "
                + "Set Smtp:Host, or Smtp:Outbox=true to write every mail as a file in the data folder's outbox instead.");
        }
        if (options.From is { } from && !IsAddress(from))
            failures.Add($"Smtp:From '{from}' is not a mail address with a domain: {SenderExample}.");
        else if (options.From is null && hasHost)
            failures.Add($"Smtp:From is not set: mails to {options.Host} need the address they come from; {SenderExample}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>"Name &lt;address&gt;" or a bare address, whose domain has a dot: not localhost, which no relay takes.</summary>
    private static bool IsAddress(string from) =>
        MimeKit.MailboxAddress.TryParse(from, out var mailbox)
        && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && mailbox.Address[(at + 1)..].Contains('.', StringComparison.Ordinal);
}
