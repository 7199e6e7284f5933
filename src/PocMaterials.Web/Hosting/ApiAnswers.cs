using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using PocMaterials.Web.Endpoints;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// Declares in the OpenAPI document what the API answers outside its handlers, so that every status an operation can
/// give is listed there. The status code pages and exception handlers write each of them as problem details.
/// </summary>
internal static class ApiAnswers
{
    /// <summary>
    /// For every endpoint of the group, read from its own metadata once all conventions are applied (a subgroup's editor
    /// policy included): 401 where a signed-in user is required; 403 where a policy asks more than that; on a change, the 400
    /// of a page session without its antiforgery token (<see cref="StaffAuthentication.UseCookieRequestForgeryCheck"/>); and
    /// where a JSON body is bound, the 415 that routing answers, before authentication, to a body of another media type.
    /// </summary>
    public static RouteGroupBuilder DeclaresAuthorizationAnswers(this RouteGroupBuilder group)
    {
        // Finally: after the conventions of the group's own subgroups and endpoints, whose metadata it reads.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            if (authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
            {
                Declare(metadata, StatusCodes.Status401Unauthorized);
                if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
                    Declare(metadata, StatusCodes.Status403Forbidden);
            }
            if (metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Any(StaffAuthentication.Changes)))
                Declare(metadata, StatusCodes.Status400BadRequest);
            if (metadata.OfType<IAcceptsMetadata>().Any())
                Declare(metadata, StatusCodes.Status415UnsupportedMediaType);
        });
        return group;
    }

    /// <summary>The 503 <see cref="DatabaseUnavailableHandler"/> answers while the database is away, for endpoints needing it.</summary>
    public static TBuilder NeedsDatabase<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(StatusProblem.ProblemResponse(StatusCodes.Status503ServiceUnavailable));

    /// <summary>A status the handler declares already keeps its own description (a validation problem's 400).</summary>
    private static void Declare(IList<object> metadata, int status)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
            metadata.Add(StatusProblem.ProblemResponse(status));
    }
}
