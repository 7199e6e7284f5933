using Microsoft.AspNetCore.Http.Metadata;

namespace PocMaterials.Web.Api;

/// <summary>
/// Declares in the OpenAPI document what the API answers outside its handlers, so that every status an operation can
/// give is listed there. The status code pages and exception handlers write each of them as problem details; the answers
/// of sign-in and authorization are declared by <see cref="Identity.AuthorizationAnswers"/>.
/// </summary>
internal static class ApiAnswers
{
    /// <summary>
    /// The 503 <see cref="Hosting.DatabaseUnavailableHandler"/> answers while the database is away, for endpoints needing it.
    /// </summary>
    public static TBuilder NeedsDatabase<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(StatusProblem.ProblemResponse(StatusCodes.Status503ServiceUnavailable));
}
