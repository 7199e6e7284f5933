using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PocMaterials.Persistence.Backups;

/// <summary>Wires the nightly backup: its options, its Hangfire recurring job and its health check.</summary>
public static class BackupServices
{
    /// <param name="contentFolders">The content's folders a backup holds, by name (<c>content</c>, <c>themes</c>).</param>
    /// <param name="zone">The calendar's time zone, which <see cref="BackupOptions.Time"/> is in.</param>
    public static IServiceCollection AddBackups(
        this IServiceCollection services,
        Func<IServiceProvider, IReadOnlyDictionary<string, string>> contentFolders,
        Func<IServiceProvider, TimeZoneInfo> zone)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new BackupInputs(contentFolders(sp), zone(sp)));
        services.AddTransient<BackupJob>();
        services.AddHostedService<BackupSchedule>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup");
        return services;
    }

    /// <summary>The folders and keys a backup holds, beside the database.</summary>
    public static BackupSources Sources(
        string connectionString, PostgresOptions postgres, IReadOnlyDictionary<string, string> contentFolders, string dataPath) =>
        new(
            connectionString,
            postgres.BinariesPath ?? EmbeddedPostgresCluster.FindBinaries(),
            contentFolders,
            Path.GetFullPath(dataPath));

    /// <summary>A new backup's folder in <paramref name="backupPath"/>, named after its time (UTC), so the names sort by age.</summary>
    public static string NewFolder(string backupPath, TimeProvider time) =>
        Path.Combine(backupPath, time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
}

/// <summary>What the host tells the backup about the content: its folders, and the calendar's time zone.</summary>
public sealed record BackupInputs(IReadOnlyDictionary<string, string> ContentFolders, TimeZoneInfo Zone);

/// <summary>
/// The nightly backup, as the <c>backup</c> command makes it, into <c>Backup:Path</c>; then removes the backups
/// older than the retention, keeping the newest whatever its age.
/// </summary>
public sealed partial class BackupJob(
    Database database, DataFolderLock dataFolder, IOptions<BackupOptions> options, IOptions<PostgresOptions> postgres, BackupInputs inputs,
    TimeProvider time, ILogger<BackupJob> logger)
{
    public const string RecurringJobId = "backup";

    // A second run (another host, a retry) while one writes would only make a second backup: harmless, but not needed.
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backupPath = options.Value.ResolvePath(dataFolder.Path);
        var folder = BackupServices.NewFolder(backupPath, time);
        var started = Stopwatch.StartNew();
        try
        {
            var manifest = await BackupWriter.CreateAsync(
                folder,
                BackupServices.Sources(database.ConnectionString, postgres.Value, inputs.ContentFolders, dataFolder.Path),
                time,
                cancellationToken);
            LogBackupWritten(logger, folder, started.Elapsed.TotalSeconds, manifest.Files.Sum(f => f.Bytes));
        }
        catch
        {
            // A broken-off backup is no backup: nothing half-written stays to be mistaken for one.
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            throw;
        }
        await RemoveOldAsync(backupPath, cancellationToken);
    }

    private async Task RemoveOldAsync(string backupPath, CancellationToken cancellationToken)
    {
        var limit = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var backups = new List<(string Folder, DateTimeOffset CreatedAt)>();
        foreach (var folder in Directory.EnumerateDirectories(backupPath))
        {
            if (await BackupManifest.ReadAsync(folder, cancellationToken) is { } manifest)
                backups.Add((folder, manifest.CreatedAt));
        }
        foreach (var (folder, createdAt) in backups.OrderByDescending(b => b.CreatedAt).Skip(1).Where(b => b.CreatedAt < limit))
        {
            Directory.Delete(folder, recursive: true);
            LogBackupRemoved(logger, folder, createdAt, options.Value.RetentionDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Folder} in {Seconds:0.0} s ({Bytes} bytes)")]
    private static partial void LogBackupWritten(ILogger logger, string folder, double seconds, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed backup {Folder} of {CreatedAt:u}, older than {Days} days")]
    private static partial void LogBackupRemoved(ILogger logger, string folder, DateTimeOffset createdAt, int days);
}

/// <summary>Registers the nightly backup with Hangfire (shown on its dashboard among the recurring jobs).</summary>
internal sealed class BackupSchedule(
    IRecurringJobManager recurringJobs, IOptions<BackupOptions> options, BackupInputs inputs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var at = options.Value.Time;
        recurringJobs.AddOrUpdate<BackupJob>(
            BackupJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            $"{at.Minutes} {at.Hours} * * *",
            new RecurringJobOptions { TimeZone = inputs.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The age of the newest complete backup in <c>Backup:Path</c>: degraded past two days. With none yet, healthy
/// until this server process has run two days (a new installation is not unhealthy), degraded after.
/// </summary>
public sealed class BackupHealthCheck(IOptions<BackupOptions> options, DataFolderLock dataFolder, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backupPath = options.Value.ResolvePath(dataFolder.Path);
        DateTimeOffset? newest = null;
        if (Directory.Exists(backupPath))
        {
            foreach (var folder in Directory.EnumerateDirectories(backupPath))
            {
                if (await BackupManifest.ReadAsync(folder, cancellationToken) is { } manifest
                    && (newest is null || manifest.CreatedAt > newest))
                    newest = manifest.CreatedAt;
            }
        }
        var now = time.GetUtcNow();
        if (newest is null)
        {
            var running = now - new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);
            var data = new Dictionary<string, object> { ["lastBackup"] = "none yet", ["path"] = backupPath };
            return running > MaxAge
                ? HealthCheckResult.Degraded(
                    $"No backup in {backupPath} although the server has run {running.TotalDays:0.#} days.", data: data)
                : HealthCheckResult.Healthy("No backup yet.", data);
        }
        var age = now - newest.Value;
        var found = new Dictionary<string, object>
        {
            ["lastBackup"] = newest.Value.ToString("O", CultureInfo.InvariantCulture),
            ["ageHours"] = Math.Round(age.TotalHours, 1),
            ["path"] = backupPath,
        };
        return age > MaxAge
            ? HealthCheckResult.Degraded($"The last backup is {age.TotalDays:0.#} days old.", data: found)
            : HealthCheckResult.Healthy("Backed up.", found);
    }
}
