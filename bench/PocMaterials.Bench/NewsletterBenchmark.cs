using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;
using PocMaterials.Testing.Smtp;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Bench;

/// <summary>
/// Newsletter benchmark: compose, personalise and send one issue to N subscribers through a local
/// SMTP server (aiosmtpd) with delivery bookkeeping in an embedded PostgreSQL, and in the same run
/// the rate at which that server takes the same messages from the simplest client (its ceiling).
/// </summary>
internal static class NewsletterBenchmark
{
    public static async Task RunAsync(string repository, int subscribers, int workers)
    {
        Console.WriteLine();
        Console.WriteLine($"== newsletter: one issue to {subscribers:N0} subscribers, {workers} SMTP connections");
        var root = Path.Combine(Path.GetTempPath(), "pocmaterials-bench", "newsletter-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var smtp = await TestSmtpServer.StartAsync();
            await using var database = new Database(ProductSchema.All);
            await database.StartAsync(new PostgresOptions(), root, NullLogger.Instance, CancellationToken.None);
            using var library = new ContentLibrary(
                new ContentLocation(Path.Combine(repository, "content"), Path.Combine(repository, "themes")));
            var content = library.Reload().Snapshot;
            await SubscribeAsync(database, content, subscribers);

            var issues = new IssueStore(database, TimeProvider.System);
            var today = new StaffCalendar(TimeProvider.System).Today;
            var composed = await new IssueComposer(issues, new MaterialPopularity(database), TimeProvider.System)
                .ComposeAsync(today, content, today, CancellationToken.None);
            var (issue, _) = await issues.AddOnceAsync(composed!, CancellationToken.None);
            await issues.TransitionAsync(issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "bench", null, CancellationToken.None);

            var options = new SmtpOptions
            {
                Host = smtp.Host,
                Port = smtp.Port,
                Security = MailKit.Security.SecureSocketOptions.None,
                Workers = workers,
                From = "POC-a-tizer <nieuws@clb.example.org>",
            };
            // Signed as the product signs by default: DKIM is part of the cost of a mail.
            var signer = MailSigner.For(new DkimOptions(), options, root)!;
            var tokens = new SignedTokens(new byte[32]);
            var bounces = new BounceOptions { Address = "bounces@clb.example.org" };
            var newsletterOptions = Options.Create(new NewsletterOptions());
            var links = new NewsletterLinks(tokens, newsletterOptions);
            var mails = new IssueMails(
                new IssueRenderer(), links, new UnsubscribeLinks(tokens, newsletterOptions),
                new ReturnPaths(tokens, Options.Create(bounces)), Options.Create(options));
            var sender = new IssueSender(
                database,
                issues,
                new DeliveryStore(database, TimeProvider.System),
                mails,
                new MailTransports(options, Path.Combine(root, "outbox"), signer),
                library,
                new StaffCalendar(TimeProvider.System),
                TimeProvider.System,
                Options.Create(options),
                NullLogger<IssueSender>.Instance);

            GC.Collect();
            using var memory = new PeakMemory();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var serverCpu = ProcessCpu.OfTree(smtp.ProcessId);
            var postgresCpu = PostgresCpu(database);
            var watch = Stopwatch.StartNew();
            await sender.SendAsync(issue.Id, CancellationToken.None);
            serverCpu = ProcessCpu.OfTree(smtp.ProcessId) - serverCpu;
            postgresCpu = PostgresCpu(database) - postgresCpu;
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var received = smtp.MessageCount;
            Console.WriteLine($"sent                   {received:N0} messages in {seconds:F1} s: {received / seconds:N0} messages/s "
                + $"(server received {received:N0}), DKIM-signed");
            Console.WriteLine($"CPU per message        {cpuSeconds * 1000 / received:F2} ms in the product's process "
                + $"({cpuSeconds / seconds:F2} of a core while sending); DKIM signing alone {SigningMilliseconds(signer, smtp):F2} ms");
            Console.WriteLine($"PostgreSQL CPU         {postgresCpu.TotalMilliseconds / received:F2} ms per message (the bookkeeping)");
            Console.WriteLine(
                $"peak memory            {memory.PeakMegabytes:N0} MB working set (before sending: {memory.StartMegabytes:N0} MB)");

            NewsletterStages.Print(mails, issue, library, signer);
            var ceilingServerCpu = ProcessCpu.OfTree(smtp.ProcessId);
            var ceiling = await NewsletterCeiling.MeasureAsync(smtp, subscribers, workers);
            ceilingServerCpu = ProcessCpu.OfTree(smtp.ProcessId) - ceilingServerCpu;
            Console.WriteLine($"server ceiling         {ceiling:N0} messages/s from Python smtplib over {workers} connections");
            Console.WriteLine($"server CPU per message {serverCpu.TotalMilliseconds / received:F2} ms from the product, "
                + $"{ceilingServerCpu.TotalMilliseconds / subscribers:F2} ms from smtplib");
            Console.WriteLine($"share of the ceiling   {received / seconds / ceiling:P0}");
            // Product, PostgreSQL and server share the machine's cores, and the single-threaded server can use one at most:
            // at the CPU a mail measured, what the machine could carry at best.
            var product = cpuSeconds * 1000 / received;
            var (postgres, server) = (postgresCpu.TotalMilliseconds / received, serverCpu.TotalMilliseconds / received);
            var allowed = Math.Min(Environment.ProcessorCount * 1000 / (product + postgres + server), 1000 / server);
            Console.WriteLine($"what the cores allow   {allowed:N0} messages/s at {product + postgres + server:F2} ms of CPU a mail "
                + $"in all on {Environment.ProcessorCount} cores ({allowed / ceiling:P0} of the ceiling); the send reached "
                + $"{received / seconds / allowed:P0} of it");
            await BounceBenchmark.RunAsync(database, tokens, newsletterOptions, bounces, smtp);
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    private static async Task SubscribeAsync(Database database, ContentSnapshot content, int count)
    {
        var centres = content.Taxonomy.Centres.All.Select(c => c.Id).ToArray();
        string[][] roles = [["clb-medewerker"], ["clb-medewerker"], ["clb-medewerker"], ["arts"], ["verpleegkundige"], ["directeur"]];
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY newsletter_subscribers (email, email_key, name, roles, centre) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var email = $"medewerker-{i:D6}@example.org";
            await import.StartRowAsync();
            await import.WriteAsync(email);
            await import.WriteAsync(email);
            await import.WriteAsync($"Medewerker {i}");
            await import.WriteAsync(roles[i % roles.Length]);
            await import.WriteAsync(centres[i % centres.Length]);
        }
        await import.CompleteAsync();
    }

    private static TimeSpan PostgresCpu(Database database) =>
        database.EmbeddedCluster?.ServerProcessId() is { } postmaster ? ProcessCpu.OfTree(postmaster) : TimeSpan.Zero;

    /// <summary>The CPU time of signing one received message again, averaged over 200 signatures.</summary>
    private static double SigningMilliseconds(MailSigner signer, TestSmtpServer smtp)
    {
        var message = smtp.FirstMessage!.Parse();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 200; i++)
        {
            message.Headers.RemoveAll(MimeKit.HeaderId.DkimSignature);
            signer.Sign(message);
        }
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 200;
    }

    /// <summary>Samples this process's working set while alive: the host's peak while sending.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakMemory()
        {
            StartMegabytes = Environment.WorkingSet / 1024 / 1024;
            _timer = new Timer(
                _ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet)), null, 0, 50);
        }

        public long StartMegabytes { get; }
        public long PeakMegabytes => Interlocked.Read(ref _peak) / 1024 / 1024;

        public void Dispose() => _timer.Dispose();
    }
}
