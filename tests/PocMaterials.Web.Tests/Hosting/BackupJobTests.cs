using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Persistence.Backups;
using PocMaterials.Testing;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The nightly backup on a configured PostgreSQL server (Postgres:ConnectionString): a Hangfire recurring job that
/// writes into Backup:Path and removes backups past the retention, and the age of the last one in /health.
/// </summary>
public sealed class BackupJobTests : HostFixture
{
    private string BackupPath => Path.Combine(Folder.Root, "backups");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Backup:Path"] = BackupPath,
        ["Backup:Time"] = "03:15",
        ["Backup:RetentionDays"] = "7",
    };

    protected override async Task StartedAsync() => await App.ClientFor(["redacteur"]);

    [Fact]
    public void The_nightly_backup_is_a_recurring_job_at_the_configured_time()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == BackupJob.RecurringJobId);

        Assert.Equal("15 3 * * *", job.Cron);
        Assert.Equal("Europe/Brussels", job.TimeZoneId);
    }

    [Fact]
    public async Task Health_shows_no_backup_yet_then_an_old_one_as_degraded_then_the_new_one_and_old_backups_are_removed()
    {
        var none = await BackupHealthAsync();
        Assert.Equal("Healthy", none.GetProperty("status").GetString());
        Assert.Equal("none yet", none.GetProperty("data").GetProperty("lastBackup").GetString());

        await OldBackupAsync("threedaysago", TimeSpan.FromDays(3));
        await OldBackupAsync("twentydaysago", TimeSpan.FromDays(20));
        Assert.Equal("Degraded", (await BackupHealthAsync()).GetProperty("status").GetString());

        await App.Services.GetRequiredService<BackupJob>().RunAsync(CancellationToken.None);

        var healthy = await BackupHealthAsync();
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());
        Assert.InRange(healthy.GetProperty("data").GetProperty("ageHours").GetDouble(), 0, 0.1);
        var kept = Directory.GetDirectories(BackupPath).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, kept.Count);
        Assert.Contains("threedaysago", kept);
        var written = Path.Combine(BackupPath, kept.Single(k => k != "threedaysago")!);
        var manifest = (await BackupManifest.ReadAsync(written, CancellationToken.None))!;
        Assert.Empty(await manifest.VerifyAsync(written, CancellationToken.None));
        Assert.Equal(["database.dump", "content.tar.gz", "themes.tar.gz", "keys.tar.gz"], manifest.Files.Select(f => f.Name));
    }

    private async Task OldBackupAsync(string name, TimeSpan age)
    {
        var folder = Directory.CreateDirectory(Path.Combine(BackupPath, name)).FullName;
        await new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow - age, null, [])
            .WriteAsync(folder, CancellationToken.None);
    }

    private async Task<JsonElement> BackupHealthAsync()
    {
        // The backup's check alone: the fixture's content may make others fail.
        using var response = await App.CreateClient().GetAsync("/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return health.RootElement.GetProperty("checks").GetProperty("backup").Clone();
    }
}
