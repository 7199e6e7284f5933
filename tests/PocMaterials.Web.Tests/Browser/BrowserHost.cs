using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// One host over the sample content on a real Kestrel port and one Debian Chromium for a class of browser
/// tests; each test signs in on a context of its own (its own cookies) through the development sign-in page.
/// </summary>
public class BrowserHost() : HostFixture(ContentFolder.WithSampleContent())
{
    /// <summary>Debian's Chromium: Playwright's own browsers are never downloaded.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override async Task StartedAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium });
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A page of a fresh browser context, not signed in.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-BE",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in with the given roles and centre on the development sign-in page, on /zoeken.</summary>
    public async Task<IPage> SignInAsync(string[] roles, string? centre = "gent", int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/aanmelden");
        await FillSignInAsync(page, roles, centre);
        await page.WaitForURLAsync("**/zoeken");
        return page;
    }

    public static async Task FillSignInAsync(IPage page, string[] roles, string? centre)
    {
        foreach (var role in roles)
            await page.Locator($"#rol-{role}").CheckAsync();
        if (centre is not null)
            await page.Locator("#centre").SelectOptionAsync(centre);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
    }

    /// <summary>A state a test reached (a refusal, a preview) as a person sees it, beside the pages' screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(AccessibilityTests.ScreenshotsPath);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotsPath, name + ".png"), FullPage = true });
    }

    /// <summary>A count from the host's database, once events have had time to arrive.</summary>
    public Task WaitForCountAsync(string sql, long expected) => App.WaitForCountAsync(sql, expected);

    /// <summary>Sends the issue of a month to one subscriber through the API, so the archive has it.</summary>
    public async Task SendNewsletterAsync(string month)
    {
        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre) "
                + "VALUES ('els@example.org', 'els@example.org', 'Els', '{clb-medewerker}', 'gent') ON CONFLICT DO NOTHING",
                connection);
            await insert.ExecuteNonQueryAsync();
        }
        var editor = await App.ClientFor(["redacteur"]);
        var composed = await editor.PostAsync($"/api/newsletter/issues?month={month}", null);
        composed.EnsureSuccessStatusCode();
        var id = (await composed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("issue")
            .GetProperty("id")
            .GetInt64();
        (await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            async () => (await editor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/newsletter/issues/{id}"))
                .GetProperty("issue")
                .GetProperty("status")
                .GetString() == "sent",
            $"the issue of {month} was not sent", seconds: 120);
    }
}
