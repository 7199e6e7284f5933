using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>An issue's mail before it is sent: previewed as the roles of its recipients, or sent to one address as a test.</summary>
public static partial class NewsletterEndpoints
{
    public sealed record Preview(string Subject, string Html, string Text);

    public sealed record TestMail(string? Email, string[]? Roles);

    /// <param name="role">Role ids of taxonomy.yml, repeated; every staff member is a clb-medewerker.</param>
    internal static async Task<Results<Ok<Preview>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> PreviewAs(
        long id, [FromQuery] string[]? role, IssueStore store, IssueMails mails, ContentLibrary library, StaffCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (UnknownRoles(role, library.Current) is { } invalid)
            return invalid;
        if (await store.GetAsync(id, cancellationToken) is not { } issue)
            return IssueNotFound(id);
        var reader = new MailReader(0, "collega", role ?? [], null);
        if (mails.Render(issue, library.Current, calendar.Today, reader, tracked: false) is not { } mail)
            return NothingVisible();
        return TypedResults.Ok(new Preview(mail.Subject, mail.Html, mail.Text));
    }

    /// <summary>
    /// The mail as a document of its own. Shown inside a page, it would take that page's policy, which
    /// forbids the inline styles a mail is made of; here they are allowed, while nothing in it may run.
    /// </summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem, NotFoundProblem, UnprocessableProblem>> PreviewDocument(
        long id, [FromQuery] string[]? role, IssueStore store, IssueMails mails, ContentLibrary library, StaffCalendar calendar,
        HttpContext http, CancellationToken cancellationToken)
    {
        switch ((await PreviewAs(id, role, store, mails, library, calendar, cancellationToken)).Result)
        {
            case Ok<Preview> { Value: { } mail }:
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; sandbox; frame-ancestors 'self'";
                headers.XContentTypeOptions = "nosniff";
                return TypedResults.Content(mail.Html, "text/html; charset=utf-8");
            case ValidationProblem invalid:
                return invalid;
            case NotFoundProblem notFound:
                return notFound;
            case var nothing:
                return (UnprocessableProblem)nothing;
        }
    }

    internal static async Task<Results<Ok<Preview>, ValidationProblem, NotFoundProblem, UnprocessableProblem, BadGatewayProblem>> SendTest(
        long id, TestMail request, IssueStore store, IssueMails mails, MailTransports transports, ContentLibrary library,
        StaffCalendar calendar, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(request.Email, out var address) || address.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
            return Problems.Invalid("email", $"'{request.Email}' is not a mail address.");
        if (UnknownRoles(request.Roles, library.Current) is { } invalid)
            return invalid;
        if (await store.GetAsync(id, cancellationToken) is not { } issue)
            return IssueNotFound(id);
        // Subscriber 0: the test mail's opens and clicks are never counted.
        var reader = new MailReader(0, address.Name is { Length: > 0 } name ? name : "collega", request.Roles ?? [], null);
        if (mails.Render(issue, library.Current, calendar.Today, reader, tracked: true) is not { } mail)
            return NothingVisible();
        var message = mails.Message(issue, 0, address, mail);
        message.Subject = "[TEST] " + message.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        await using var transport = transports.Create();
        try
        {
            await transport.SendAsync(message, returnPath: null, cancellationToken);
        }
        catch (Exception e)
            when ((SmtpFailures.IsPermanent(e) || SmtpFailures.IsTransient(e)) && !cancellationToken.IsCancellationRequested)
        {
            return Problems.MailRefused("The mail server did not take the test mail.", SmtpFailures.Describe(e));
        }
        return TypedResults.Ok(new Preview(message.Subject, mail.Html, mail.Text));
    }

    private static ValidationProblem? UnknownRoles(string[]? roles, ContentSnapshot content)
    {
        var unknown = (roles ?? []).Where(r => !content.Taxonomy.Roles.Contains(r)).ToArray();
        return unknown.Length == 0 ? null : Problems.UnknownTerm("role", unknown.Select(r => $"'{r}' is not a role of taxonomy.yml."));
    }

    private static UnprocessableProblem NothingVisible() =>
        Problems.Unprocessable(
            "nothing-visible", "Nothing of this issue is visible to these roles.", "Recipients with these roles get no mail.");
}
