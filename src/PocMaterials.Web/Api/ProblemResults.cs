using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace PocMaterials.Web.Api;

/// <summary>
/// A problem answer that puts its status in the OpenAPI document. It is written as <see cref="ProblemHttpResult"/>
/// writes it (application/problem+json, through the problem details service), but that result declares nothing;
/// each subclass declares its one status, so a handler's <c>Results&lt;...&gt;</c> lists every status it answers.
/// Made by <see cref="Problems"/> only.
/// </summary>
internal abstract class StatusProblem : IResult
{
    private readonly ProblemHttpResult _result;

    private protected StatusProblem(int status, ProblemDetails problem)
    {
        problem.Status = status;
        _result = TypedResults.Problem(problem);
    }

    public Task ExecuteAsync(HttpContext httpContext) => _result.ExecuteAsync(httpContext);

    private protected static void Declare(EndpointBuilder builder, int status) => builder.Metadata.Add(ProblemResponse(status));

    /// <summary>What a problem answer of <paramref name="status"/> is in the OpenAPI document.</summary>
    public static IProducesResponseTypeMetadata ProblemResponse(int status) =>
        new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]);
}

/// <summary>400 that is no validation problem: a link or token that does not hold.</summary>
internal sealed class BadRequestProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status400BadRequest, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest);
}

internal sealed class NotFoundProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status404NotFound, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status404NotFound);
}

internal sealed class ConflictProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status409Conflict, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status409Conflict);
}

internal sealed class GoneProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status410Gone, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status410Gone);
}

internal sealed class PreconditionFailedProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status412PreconditionFailed, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status412PreconditionFailed);
}

internal sealed class TooLargeProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status413PayloadTooLarge, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status413PayloadTooLarge);
}

internal sealed class UnsupportedMediaTypeProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status415UnsupportedMediaType, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status415UnsupportedMediaType);
}

/// <summary>422: the request is well formed, what it carries is not (or cannot be done for these roles).</summary>
internal sealed class UnprocessableProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status422UnprocessableEntity, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status422UnprocessableEntity);
}

/// <summary>502: a server we depend on (the mail server) refused what we passed on.</summary>
internal sealed class BadGatewayProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status502BadGateway, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status502BadGateway);
}

/// <summary>503 that is no database outage: something the answer needs is not on this server (a browser to print with).</summary>
internal sealed class UnavailableProblem(ProblemDetails problem)
    : StatusProblem(StatusCodes.Status503ServiceUnavailable, problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status503ServiceUnavailable);
}

/// <summary>308 to the same address under a renamed material's new slug; <see cref="RedirectHttpResult"/> declares nothing.</summary>
internal sealed class PermanentRedirect(string url) : IResult, IEndpointMetadataProvider
{
    private readonly RedirectHttpResult _result = TypedResults.Redirect(url, permanent: true, preserveMethod: true);

    public Task ExecuteAsync(HttpContext httpContext) => _result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status308PermanentRedirect, typeof(void)));
}
