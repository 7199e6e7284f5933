using Microsoft.Extensions.Options;

namespace PocMaterials.Web.Options;

/// <summary>
/// Outside Development, the signing key must be a secret of its own, not the key published in the repository, and
/// the OIDC provider is reached over https.
/// </summary>
public sealed class IdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        if (environment.IsDevelopment())
            return ValidateOptionsResult.Success;
        if (options.SigningKey == IdentityOptions.DevelopmentSigningKey)
            return ValidateOptionsResult.Fail(
                $"Identity:SigningKey is the development key from the repository; the {environment.EnvironmentName} " +
                "environment needs a secret key of its own.");
        // Outside Development the provider's metadata and the sign-in travel over TLS only.
        return options.Oidc.Enabled && !options.Oidc.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail(
                $"Identity:Oidc:Authority must be an https address in the {environment.EnvironmentName} environment.")
            : ValidateOptionsResult.Success;
    }
}
