using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Identity;

/// <summary>Declares in the OpenAPI document the answers sign-in, authorization and the antiforgery check give.</summary>
internal static class AuthorizationAnswers
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

    /// <summary>A status the handler declares already keeps its own description (a validation problem's 400).</summary>
    private static void Declare(IList<object> metadata, int status)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
            metadata.Add(StatusProblem.ProblemResponse(status));
    }
}
