using Microsoft.Extensions.Options;

namespace PocMaterials.Web.Options;

/// <summary>Outside Development, the signing key must be a secret of its own, not the key published in the repository.</summary>
public sealed class IdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options) =>
        !environment.IsDevelopment() && options.SigningKey == IdentityOptions.DevelopmentSigningKey
            ? ValidateOptionsResult.Fail(
                $"Identity:SigningKey is the development key from the repository; the {environment.EnvironmentName} environment needs a secret key of its own.")
            : ValidateOptionsResult.Success;
}
