using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Identity;

/// <summary>Issues tokens signed with the configured key, for development and tests only.</summary>
public sealed class DevelopmentTokens(IOptions<IdentityOptions> options, TimeProvider time)
{
    public string Issue(string subject, IEnumerable<string> roles, string? centre, TimeSpan? lifetime = null, string? name = null,
        string? email = null)
    {
        var identity = options.Value;
        var claims = new List<Claim> { new(StaffClaims.Subject, subject) };
        if (!string.IsNullOrWhiteSpace(name))
            claims.Add(new Claim(StaffClaims.Name, name));
        if (!string.IsNullOrWhiteSpace(email))
            claims.Add(new Claim(StaffClaims.Email, email));
        claims.AddRange(roles.Select(r => new Claim(StaffClaims.Role, r)));
        if (centre is not null)
            claims.Add(new Claim(StaffClaims.Centre, centre));
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = identity.Issuer,
            Audience = identity.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(SigningKeyOf(identity), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKeyOf(IdentityOptions identity) =>
        new(System.Text.Encoding.UTF8.GetBytes(identity.SigningKey));
}
