namespace PocMaterials.Web.Options;

/// <summary>
/// The OpenID Connect provider staff sign in with on the pages (<c>Identity:Oidc</c>). Off while no
/// authority is set; the API's bearer tokens do not depend on it.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>
    /// The provider's issuer address; its discovery document is read from
    /// <c>{Authority}/.well-known/openid-configuration</c>.
    /// </summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token (or user info) holding role ids of taxonomy.yml; several allowed.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the centre id of taxonomy.yml, at most one.</summary>
    public string CentreClaim { get; set; } = "centre";

    /// <summary>Read roles and centre from the user info endpoint too, for providers that leave them out of the ID token.</summary>
    public bool UserInfo { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
