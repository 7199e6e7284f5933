using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The host of the contract test: small limits, so that a body over them is small too; a mail server that refuses one
/// address; a calendar whose second month features a theme only doctors see. Clients that follow no redirect, since
/// the redirects are what is checked: anonymous, a staff member who is no editor, an editor, and an editor's page session.
/// </summary>
public sealed partial class ContractHost : HostFixture
{
    public const int MaxFileBytes = 4096;
    public const int MaxAttachmentBytes = 64 * 1024;
    public const string RefusingAddress = "weigert@example.org";

    public TestSmtpServer Smtp { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;

    /// <summary>An editor signed in on the pages (a cookie), who sends no antiforgery token.</summary>
    public HttpClient PageSession { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Content:MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        ["Attachments:MaxBytes"] = MaxAttachmentBytes.ToString(CultureInfo.InvariantCulture),
        ["Webhooks:AllowedInternalHosts:0"] = "127.0.0.1",
    };

    protected override async Task PrepareAsync()
    {
        Smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour { RejectPermanently = [RefusingAddress] });
        Folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        Folder.WriteMaterial("fiche-arts", "title: Fiche voor artsen\ntype: fiche\nthemes: [beroepsgeheim-en-drm]\nroles: [arts]");
        Folder.Write("content/newsletter.yml", "2026-12: decreet-leersteun\n2027-01: beroepsgeheim-en-drm\n");
    }

    protected override async Task StartedAsync()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        Anonymous = App.CreateClient(options);
        Staff = await App.ClientFor(["arts", "directeur"], options: options);
        Editor = await App.ClientFor(["redacteur"], options: options);
        PageSession = App.CreateClient(options);
        var token = VerificationToken().Match(await PageSession.GetStringAsync("/aanmelden")).Groups[1].Value;
        var signedIn = await PageSession.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "redacteur", ["centre"] = "gent", ["terug"] = "/zoeken", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
