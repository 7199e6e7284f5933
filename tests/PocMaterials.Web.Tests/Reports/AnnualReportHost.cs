using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>
/// One host for the school-year report's tests (<see cref="AnnualReportTests"/>, <see cref="AnnualReportDocumentTests"/>):
/// two fiches, taxonomy.yml with gent's staff and an alias made since a search found nothing, the rows of
/// <see cref="AnnualReportSeed"/> in its database and the questions of <see cref="AnnualHelpdeskSeed"/> through its helpdesk.
/// It prints with Debian's Chromium through a link in its data folder, which a test removes to see the answer of a server
/// without one.
/// </summary>
public sealed class AnnualReportHost : HostFixture
{
    public const string Name = "School-year report";

    /// <summary>A name in the comments of votes: the report must never show it.</summary>
    public const string Secret = "Jan Janssens";

    /// <summary>Each material's published, updated and review dates, as written.</summary>
    public static readonly Dictionary<string, DateOnly[]> Dates = new()
    {
        ["fiche-a"] = [new(2031, 10, 1), new(2032, 2, 1), new(2032, 3, 1)],
        ["fiche-b"] = [new(2030, 11, 1), new(2031, 9, 15), new(2031, 6, 1)],
    };

    public HttpClient Editor { get; private set; } = null!;

    /// <summary>The browser the host prints with: a link to Debian's Chromium.</summary>
    public string Browser => Path.Combine(Folder.DataPath, "chromium");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reports:ChromiumPath"] = Browser };

    protected override Task PrepareAsync()
    {
        foreach (var (slug, d) in Dates)
        {
            Folder.WriteMaterial(slug, $"title: Fiche {slug}\ntype: fiche\nthemes: [{AnnualReportSeed.ThemeOf[slug]}]\n"
                + $"core_processes: [begeleiding]\npublished: {d[0]:yyyy-MM-dd}\nupdated: {d[1]:yyyy-MM-dd}\nreview_by: {d[2]:yyyy-MM-dd}");
        }
        Folder.Write("content/taxonomy.yml", Fixture.Taxonomy
            .Replace("    label: GO! CLB Gent\n", $"    label: GO! CLB Gent\n    staff: {AnnualReportSeed.Staff["gent"]}\n",
                StringComparison.Ordinal)
            .Replace("aliases: [LSC]", $"aliases: [LSC, {AnnualReportSeed.SinceAnAlias}]", StringComparison.Ordinal));
        LinkBrowser();
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        // The first client starts the host, which migrates the database.
        Editor = await App.ClientFor(["redacteur"]);
        await TestPostgres.ExecuteAsync(App.ConnectionString, string.Join("\n", AnnualReportSeed.Sql()));
        await AnnualHelpdeskSeed.WriteAsync(App.Services.GetRequiredService<QuestionStore>());
    }

    /// <summary>Puts the link to Debian's Chromium (back) in place.</summary>
    public void LinkBrowser()
    {
        Directory.CreateDirectory(Folder.DataPath);
        if (!File.Exists(Browser))
            File.CreateSymbolicLink(Browser, "/usr/lib/chromium/chromium");
    }
}

[CollectionDefinition(AnnualReportHost.Name)]
public sealed class AnnualReportHosts : ICollectionFixture<AnnualReportHost>;
