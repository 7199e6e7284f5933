namespace PocMaterials.Content.Visibility;

/// <summary>The signed-in staff member a request is made for: their roles and centre.</summary>
public sealed record StaffMember
{
    public StaffMember(string subject, IEnumerable<string> roles, string? centre)
    {
        Subject = subject;
        // Every staff member is a CLB-medewerker, whatever else the token says.
        Roles = new HashSet<string>(roles.Append(StaffRoles.Everyone), StringComparer.Ordinal);
        Centre = centre;
    }

    public string Subject { get; }
    public IReadOnlySet<string> Roles { get; }
    public string? Centre { get; }
    public bool IsEditor => Roles.Contains(StaffRoles.Editor);
}
