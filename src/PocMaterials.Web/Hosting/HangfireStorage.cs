using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Persistence;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// Hangfire on the project's PostgreSQL, in a schema of its own. The storage takes its connections
/// from the <see cref="Database"/>, whose address is known only once it has started (the embedded
/// cluster picks a free port), so nothing connects before that.
/// </summary>
internal sealed class DatabaseConnections(Database database) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => database.DataSource.CreateConnection();
}

/// <summary>
/// After the database has started and before the Hangfire server does: creates or updates Hangfire's
/// schema, registers the recurring jobs with their schedule from configuration, and resumes issues
/// whose sending a stopped or killed server left unfinished (the job of a killed server would only
/// come back after Hangfire's invisibility timeout; the send lock keeps two runs from overlapping).
/// </summary>
internal sealed class NewsletterSchedule(
    Database database,
    IRecurringJobManager recurringJobs,
    IBackgroundJobClient jobs,
    IssueStore issues,
    Microsoft.Extensions.Options.IOptions<NewsletterOptions> options,
    ILogger<NewsletterSchedule> logger) : IHostedService
{
    public const string Schema = "hangfire";

    public static PostgreSqlStorage CreateStorage(Database database) => new(new DatabaseConnections(database), new PostgreSqlStorageOptions
    {
        SchemaName = Schema,
        // Installed by StartAsync, once the database runs: the storage is built before that.
        PrepareSchemaIfNecessary = false,
        UseSlidingInvisibilityTimeout = true,
        // LISTEN/NOTIFY: an approved issue starts sending at once, not at the next 15-second poll.
        EnableLongPolling = true,
    });

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
            PostgreSqlObjectsInstaller.Install(connection, Schema);
        var settings = options.Value;
        recurringJobs.AddOrUpdate<ComposeIssueJob>(
            ComposeIssueJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            settings.ComposeCron,
            new RecurringJobOptions { TimeZone = settings.Zone });
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Sending, cancellationToken: cancellationToken))
        {
            logger.LogWarning("Resuming the sending of issue {Issue} ({Month}), left unfinished", issue.Id, issue.Key);
            jobs.Enqueue<SendIssueJob>(job => job.RunAsync(issue.Id, CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
