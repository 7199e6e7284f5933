using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PocMaterials.Web.Endpoints;

/// <summary>The API's common problem answers, built in one place so every endpoint words and shapes them alike.</summary>
internal static class Problems
{
    /// <summary>404: there is no such thing, or the caller may not see it (one answer for both, so nothing leaks).</summary>
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} '{id}'.");

    /// <inheritdoc cref="NotFound(string, string)"/>
    public static ProblemHttpResult NotFound(string what, long id) => NotFound(what, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>400: what is wrong with one parameter or field, said at its name.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid(field, [message]);

    /// <inheritdoc cref="Invalid(string, string)"/>
    public static ValidationProblem Invalid(string field, IEnumerable<string> messages, string? title = null) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. messages] }, title: title);
}
