using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>The helpdesk's tests share one <see cref="HelpdeskHost"/>; each asks questions of its own.</summary>
[CollectionDefinition(Name)]
public sealed class OneHelpdeskHost : ICollectionFixture<HelpdeskHost>
{
    public const string Name = "Helpdesk host";
}

/// <summary>
/// One host for the helpdesk's tests, sending to a real SMTP server: a FAQ list and fiches on leersteun (one for doctors
/// only), a theme without a contact, and the clients of a staff member who gives an address, one who gives none, a doctor
/// and an editor.
/// </summary>
public sealed class HelpdeskHost : HostFixture
{
    public const string PublicBaseUrl = "https://poc.example.org";
    public const string AskerEmail = "medewerker-17@example.org";
    public const string HelpdeskAddress = "helpdesk@example.org";
    public const string Contact = "an.jacobs@example.org";

    /// <summary>What a person's browser sends: mail scanners' requests are counted apart.</summary>
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    public TestSmtpServer Smtp { get; private set; } = null!;
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Unaddressed { get; private set; } = null!;
    public HttpClient Doctor { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Newsletter:PublicBaseUrl"] = PublicBaseUrl,
        ["Helpdesk:Address"] = HelpdeskAddress,
        // Scores are clicked right after their mail arrives; scanners are told apart by their user agent here.
        ["Newsletter:ScannerWindow"] = "00:00:00",
    };

    protected override async Task PrepareAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        Folder.WriteMaterial("fiche-arts", "title: Fiche voor artsen\ntype: fiche\nthemes: [decreet-leersteun]\nroles: [arts]");
        Folder.Write("themes/huisonderwijs.md", "---\ntitle: Huisonderwijs\n---\nZonder aanspreekpunt.\n");
    }

    protected override async Task StartedAsync()
    {
        Staff = await App.ClientFor(["clb-medewerker"], "gent", name: "Zelda Vandenbroucke", email: AskerEmail);
        Unaddressed = await App.ClientFor(["clb-medewerker"], "brussel");
        Doctor = await App.ClientFor(["arts"], "gent", email: "dokter@example.org");
        Editor = await App.ClientFor(["redacteur"], "brussel", name: "Lies Verhoeven");
        foreach (var client in new[] { Staff, Unaddressed, Doctor, Editor })
            client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A question asked on the website; its id.</summary>
    public async Task<long> AskAsync(HttpClient client, string text, string theme = "decreet-leersteun", string? material = null)
    {
        var response = await client.PostAsJsonAsync("/api/helpdesk/questions", new { text, theme, material });
        return (await Json(response)).GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> AnswerAsync(long id, string text, params string[] materials) =>
        await Json(await Editor.PostAsJsonAsync($"/api/helpdesk/questions/{id}/answer", new { text, materials }));

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Waits for the mails to this address, then gives them.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> MailsToAsync(string address, int count)
    {
        await Eventually.TrueAsync(() => Smtp.MessagesTo(address).Count >= count, $"fewer than {count} mails to {address}", 30);
        return Smtp.MessagesTo(address);
    }
}
