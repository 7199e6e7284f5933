using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using PocMaterials.Content;

namespace PocMaterials.Web.Api;

/// <summary>
/// The API's problem answers, built in one place so every endpoint words and shapes them alike. Each carries a stable,
/// machine-readable <c>code</c> extension: a client decides by it, never by a title's wording.
/// </summary>
internal static class Problems
{
    public const string Code = "code";

    /// <summary>The extension that lists a validation problem's errors one by one, each with its field, code and values.</summary>
    public const string FieldErrorsKey = "fieldErrors";

    /// <summary>404: there is no such thing, or the caller may not see it (one answer for both, so nothing leaks).</summary>
    public static NotFoundProblem NotFound(string what, string id) => NoSuch(what, $"There is no {what} '{id}'.");

    /// <inheritdoc cref="NotFound(string, string)"/>
    public static NotFoundProblem NotFound(string what, long id) => NotFound(what, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>404 that says why in its own words.</summary>
    public static NotFoundProblem NoSuch(string what, string detail) => new(Problem("not-found", $"No such {what}.", detail));

    /// <summary>400: what is wrong with one parameter or field, said at its name.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid(field, [message]);

    /// <inheritdoc cref="Invalid(string, string)"/>
    public static ValidationProblem Invalid(string field, IEnumerable<string> messages, string? title = null) =>
        new FieldErrors().Add(field, messages).Problem(title)!;

    /// <summary>400: ids that taxonomy.yml does not have (roles, centres), said at their parameter.</summary>
    public static ValidationProblem UnknownTerm(string field, IEnumerable<string> messages) =>
        new FieldErrors().Add(field, messages).Problem(code: "unknown-term")!;

    /// <summary>400: a slug (or theme id) that is no plain name, said at its parameter or field.</summary>
    public static ValidationProblem InvalidSlug(string field, string slug) =>
        new FieldErrors().Add(FieldError.InvalidSlug(field, slug)).Problem()!;

    /// <summary>400 with every error of <paramref name="errors"/>; made by <see cref="FieldErrors.Problem"/>.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, string? title, string code) =>
        TypedResults.ValidationProblem(ByField(errors), title: title, extensions: new Dictionary<string, object?>
        {
            [Code] = code,
            [FieldErrorsKey] = errors,
        });

    /// <summary>400: a signed link (unsubscribe, a mail's click) that is missing, damaged or not ours.</summary>
    public static BadRequestProblem InvalidLink(string title, string detail) => new(Problem("invalid-link", title, detail));

    /// <summary>400: a page session's change without its antiforgery token.</summary>
    public static BadRequestProblem InvalidAntiforgeryToken(string? detail = null) =>
        new(Problem("antiforgery-token", "The antiforgery token is missing or not valid.", detail));

    /// <summary>409: a create over something that exists (a file's or attachment's <c>Exists</c> outcome).</summary>
    public static ConflictProblem Exists(string title, string detail) => new(Problem("exists", title, detail));

    /// <summary>409: what it is in now does not allow this (an issue's status, a mail that is not uncertain).</summary>
    public static ConflictProblem Conflict(string title, string? detail = null) => new(Problem("conflict", title, detail));

    /// <summary>410: a version that removed its file has no text to show.</summary>
    public static GoneProblem Gone(string title) => new(Problem("gone", title));

    /// <summary>412: If-Match names a version that is no longer the stored one.</summary>
    public static PreconditionFailedProblem Stale(string title, string detail) => new(Problem("precondition-failed", title, detail));

    /// <summary>413: a body over its limit.</summary>
    public static TooLargeProblem TooLarge(string title, string detail) => new(Problem("too-large", title, detail));

    /// <summary>415: another media type or kind of file than the endpoint takes; a code of its own when bytes and name disagree.</summary>
    public static UnsupportedMediaTypeProblem UnsupportedMediaType(
        string title, string? detail = null, string code = "unsupported-media-type") => new(Problem(code, title, detail));

    /// <summary>422: a content file that does not validate, every error by field as "file line N: message"; nothing was written.</summary>
    public static UnprocessableProblem InvalidContent(string what, IEnumerable<ContentError> errors)
    {
        var list = FieldError.Of(errors);
        return new(new HttpValidationProblemDetails(ByField(list))
        {
            Title = $"The {what} is not valid; nothing was written.",
            Extensions = { [Code] = "invalid-content", [FieldErrorsKey] = list },
        });
    }

    /// <summary>422: the request is well formed, but what it asks cannot be done (<paramref name="code"/> says why).</summary>
    public static UnprocessableProblem Unprocessable(string code, string title, string detail, object? errors = null)
    {
        var problem = Problem(code, title, detail);
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return new(problem);
    }

    /// <summary>502: the mail server did not take a mail.</summary>
    public static BadGatewayProblem MailRefused(string title, string detail) => new(Problem("mail-refused", title, detail));

    /// <summary>503: no browser to print a PDF with, or it failed; the page offers printing the page itself instead.</summary>
    public static UnavailableProblem PrintUnavailable(string detail) =>
        new(Problem("pdf-unavailable", "The PDF cannot be made on this server.", detail));

    /// <summary>503: the database is away; written by the exception handler that tells it.</summary>
    public static ProblemDetails DatabaseUnavailable(int retryAfterSeconds) => Problem(
        "database-unavailable", "The database is unavailable.",
        $"The database does not answer at the moment; try again in {retryAfterSeconds} seconds.", StatusCodes.Status503ServiceUnavailable);

    /// <summary>A request the server could not read (408, 400, 413): the client's doing.</summary>
    public static ProblemDetails Unreadable(int status, string detail) => status == StatusCodes.Status408RequestTimeout
        ? Problem("request-timeout", "The request body came too slowly.", detail, status)
        : Problem("unreadable-request", "The request could not be read.", detail, status);

    /// <summary>
    /// Errors as a validation problem's <c>errors</c>: by field, each message, a content file's as "file line N: message".
    /// </summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Located).ToArray());

    /// <summary>
    /// Gives a problem the framework wrote (401, 403, a parameter that does not bind) a code as well: its status's
    /// reason phrase, "unauthorized", "forbidden", "bad-request". Ours keep their own.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Extensions.TryAdd(Code, ReasonPhrases.GetReasonPhrase(status).ToLowerInvariant().Replace(' ', '-'));
    }

    private static ProblemDetails Problem(string code, string title, string? detail = null, int? status = null) =>
        new() { Status = status, Title = title, Detail = detail, Extensions = { [Code] = code } };
}

/// <summary>What is wrong with a request, by parameter or field, gathered so that one answer names all of it.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    /// <summary>Errors of one field, of the problem's own code.</summary>
    public FieldErrors Add(string field, params IEnumerable<string> messages)
    {
        _errors.AddRange(messages.Select(m => FieldError.Of(field, m)));
        return this;
    }

    public FieldErrors Add(FieldError error)
    {
        _errors.Add(error);
        return this;
    }

    /// <summary>A list's page (from 1) and page size (from 1 to <paramref name="maxPageSize"/>), when given.</summary>
    public FieldErrors Paging(int? page, int? pageSize, int maxPageSize)
    {
        if (page is < 1)
            Add("page", "page starts at 1.");
        if (pageSize is < 1 || pageSize > maxPageSize)
            Add("pageSize", $"pageSize must be between 1 and {maxPageSize}.");
        return this;
    }

    public bool Any => _errors.Count > 0;

    /// <summary>The 400 that names every error, or null when there is none; an error without a code of its own has the problem's.</summary>
    public ValidationProblem? Problem(string? title = null, string code = "invalid") => _errors.Count > 0
        ? Problems.Invalid([.. _errors.Select(e => e.Code.Length == 0 ? e with { Code = code } : e)], title, code)
        : null;
}
