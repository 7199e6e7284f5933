using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Outside Development mails go to an SMTP server unless the outbox is chosen by a setting: a forgotten host
/// must stop the start, not send a month's newsletter into a folder nobody reads.
/// </summary>
public sealed class SmtpOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (options.Outbox && !string.IsNullOrWhiteSpace(options.Host))
        {
            return ValidateOptionsResult.Fail(
                "Smtp:Host and Smtp:Outbox are both set: mails go either to that server or to the outbox; choose one.");
        }
        if (environment.IsDevelopment() || options.Outbox || !string.IsNullOrWhiteSpace(options.Host))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"Smtp:Host is not set: the {environment.EnvironmentName} environment sends mail through an SMTP server. " +
            "Set Smtp:Host, or Smtp:Outbox=true to write every mail as a file in the data folder's outbox instead.");
    }
}
