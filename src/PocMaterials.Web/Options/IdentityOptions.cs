using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Web.Options;

/// <summary>
/// The identity provider whose JWT bearer tokens are accepted: tokens carry <c>role</c> claims (several
/// allowed) and a <c>centre</c> claim. A real provider is plugged in by setting its issuer and key. Pages sign
/// in with OpenID Connect (<see cref="Oidc"/>) and keep a cookie session.
/// </summary>
public sealed class IdentityOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>The key Development signs and accepts tokens with. Public, so refused in any other environment.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-not-for-production-use";

    [Required]
    public string Issuer { get; set; } = "";

    [Required]
    public string Audience { get; set; } = "";

    /// <summary>The HMAC-SHA256 signing key, at least 32 bytes of UTF-8.</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    public OidcOptions Oidc { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
            yield return new ValidationResult("Identity:SigningKey must be at least 32 bytes long.", [nameof(SigningKey)]);
        if (!Oidc.Enabled)
            yield break;
        if (!Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            yield return new ValidationResult(
                $"Identity:Oidc:Authority '{Oidc.Authority}' is not an absolute http(s) address.", [nameof(Oidc)]);
        if (string.IsNullOrWhiteSpace(Oidc.ClientId))
            yield return new ValidationResult("Identity:Oidc:ClientId is required when Identity:Oidc:Authority is set.", [nameof(Oidc)]);
        if (string.IsNullOrWhiteSpace(Oidc.RoleClaim))
            yield return new ValidationResult("Identity:Oidc:RoleClaim may not be empty.", [nameof(Oidc)]);
        if (string.IsNullOrWhiteSpace(Oidc.CentreClaim))
            yield return new ValidationResult("Identity:Oidc:CentreClaim may not be empty.", [nameof(Oidc)]);
    }
}
