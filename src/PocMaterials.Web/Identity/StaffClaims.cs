using System.Security.Claims;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Web.Identity;

/// <summary>The claims PocMaterials reads from a bearer token or a page's cookie session.</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Centre = "centre";
    public const string Name = "name";

    /// <summary>The staff member's mail address (OpenID Connect's <c>email</c>): where a helpdesk answer is sent.</summary>
    public const string Email = "email";

    public static StaffMember ToStaffMember(this ClaimsPrincipal user) => new(
        user.FindFirst(Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
        user.FindAll(Role).Select(c => c.Value),
        user.FindFirst(Centre)?.Value);

    /// <summary>The session's mail address when it gives a valid one; null otherwise (an answer is then not mailed).</summary>
    public static string? EmailOf(this ClaimsPrincipal user) =>
        user.FindFirst(Email)?.Value is { } email && IsEmail(email) ? email : null;

    /// <summary>One plain address (a@b.c), as a mail can be sent to it: no name, no list, no control characters.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= 254 && !email.Any(char.IsControl) && MimeKit.MailboxAddress.TryParse(email, out var mailbox)
        && mailbox.Address == email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1;

    /// <summary>
    /// The identity of a cookie session, in the claim names of a bearer token, so that one set of
    /// checks and one <see cref="ToStaffMember"/> serve both.
    /// </summary>
    public static ClaimsIdentity Identity(
        string authenticationType, string subject, string? name, IEnumerable<string> roles, string? centre, string? email = null)
    {
        var claims = new List<Claim> { new(Subject, subject) };
        if (!string.IsNullOrWhiteSpace(name))
            claims.Add(new Claim(Name, name));
        if (!string.IsNullOrWhiteSpace(email))
            claims.Add(new Claim(Email, email));
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(Role, r)));
        if (centre is not null)
            claims.Add(new Claim(Centre, centre));
        return new ClaimsIdentity(claims, authenticationType, Subject, Role);
    }
}
