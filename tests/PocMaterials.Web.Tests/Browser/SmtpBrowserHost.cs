using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>A <see cref="BrowserHost"/> sending its mail to a real SMTP server of the tests' own, for the editor pages.</summary>
public class SmtpBrowserHost : BrowserHost
{
    public TestSmtpServer Smtp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    protected override async Task PrepareAsync() => Smtp = await TestSmtpServer.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
