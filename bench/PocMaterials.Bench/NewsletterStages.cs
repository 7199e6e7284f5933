using System.Diagnostics;
using MimeKit;
using MimeKit.IO;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;

namespace PocMaterials.Bench;

/// <summary>
/// Where a mail's CPU goes, stage by stage on one thread (after the send, so nothing else runs in the process): making
/// what the recipient may see and rendering it, building the MIME message, DKIM signing, and writing the message as the
/// SMTP client writes it after DATA.
/// </summary>
internal static class NewsletterStages
{
    private const int Mails = 1000;

    public static void Print(IssueMails mails, NewsletterIssue issue, ContentLibrary library, MailSigner signer)
    {
        var content = library.Current;
        var today = new StaffCalendar(TimeProvider.System).Today;
        var intro = IssueIntro.Of(issue);
        string[][] roles = [["clb-medewerker"], ["arts"], ["verpleegkundige"], ["directeur"]];
        var readers = Enumerable.Range(1, Mails)
            .Select(i => new MailReader(i, $"Medewerker {i}", roles[i % roles.Length], null)).ToList();
        // Once untimed, so the timings are of compiled code.
        Run(mails, issue, content, today, intro, readers.Take(50).ToList(), signer);
        var (render, build, sign, write) = Run(mails, issue, content, today, intro, readers, signer);
        Console.WriteLine($"CPU per mail by stage  rendering {render:F3} ms, MIME message {build:F3} ms, DKIM {sign:F3} ms, "
            + $"writing for DATA {write:F3} ms (one thread)");
    }

    private static (double Render, double Build, double Sign, double Write) Run(
        IssueMails mails, NewsletterIssue issue, ContentSnapshot content, DateOnly today, IssueIntro intro,
        List<MailReader> readers, MailSigner signer)
    {
        var rendered = Timed(readers, r => mails.Render(issue, content, today, r, tracked: true, intro)!, out var render);
        var messages = Timed(Enumerable.Range(0, readers.Count).ToList(), i => mails.Message(
            issue, readers[i].SubscriberId, new MailboxAddress(readers[i].Name, $"m{i}@example.org"), rendered[i]), out var build);
        Timed(messages, m =>
        {
            signer.Sign(m);
            return m;
        }, out var sign);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        Timed(messages, m =>
        {
            using var counter = new MeasuringStream();
            m.WriteTo(options, counter);
            return counter.Length;
        }, out var write);
        return (render / readers.Count, build / readers.Count, sign / readers.Count, write / readers.Count);
    }

    private static List<TResult> Timed<T, TResult>(List<T> items, Func<T, TResult> stage, out double cpuMilliseconds)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var results = items.Select(stage).ToList();
        cpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return results;
    }
}
