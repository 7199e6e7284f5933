using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Web.Options;

/// <summary>
/// The identity provider whose JWT bearer tokens are accepted: tokens carry <c>role</c> claims (several
/// allowed) and a <c>centre</c> claim. A real provider is plugged in by setting its issuer and key.
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
            yield return new ValidationResult("Identity:SigningKey must be at least 32 bytes long.", [nameof(SigningKey)]);
    }
}
