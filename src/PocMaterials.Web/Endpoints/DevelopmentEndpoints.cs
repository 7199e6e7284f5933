using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>Endpoints that exist only in the Development environment.</summary>
public static class DevelopmentEndpoints
{
    /// <param name="Name">The name the token gives (its <c>name</c> claim), as a provider's would: what editors' actions show.</param>
    /// <param name="Email">The address the token gives (its <c>email</c> claim): where helpdesk answers are mailed.</param>
    public sealed record TokenRequest(string? Subject, string[]? Roles, string? Centre, string? Name, string? Email = null);

    public sealed record TokenResponse(string AccessToken, string TokenType);

    public static RouteGroupBuilder MapDevelopmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/dev/token", IssueToken)
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .WithSummary("Development only: a bearer token for any roles and centre")
            .WithDescription("Send {\"roles\": [\"arts\"], \"centre\": \"gent\", \"name\": \"An Peeters\"} (name optional); "
                + "use the token as 'Authorization: Bearer <token>'.");
        return api;
    }

    internal static Results<Ok<TokenResponse>, ValidationProblem> IssueToken(
        TokenRequest request, DevelopmentTokens tokens, ContentLibrary library)
    {
        var taxonomy = library.Current.Taxonomy;
        var errors = new FieldErrors();
        var unknownRoles = (request.Roles ?? []).Where(r => !taxonomy.Roles.Contains(r)).ToArray();
        if (unknownRoles.Length > 0)
            errors.Add("roles", unknownRoles.Select(r => $"'{r}' is not a role of taxonomy.yml."));
        if (request.Centre is not null && !taxonomy.Centres.Contains(request.Centre))
            errors.Add("centre", $"'{request.Centre}' is not a centre of taxonomy.yml.");
        if (errors.Problem(code: "unknown-term") is { } unknown)
            return unknown;
        if (request.Email is { } email && !StaffClaims.IsEmail(email))
            return Problems.Invalid("email", $"'{email}' is not a mail address.");
        var subject = string.IsNullOrWhiteSpace(request.Subject) ? $"dev-{Guid.NewGuid():N}" : request.Subject;
        return TypedResults.Ok(new TokenResponse(tokens.Issue(subject, request.Roles ?? [], request.Centre, name: request.Name,
            email: request.Email), "Bearer"));
    }
}
