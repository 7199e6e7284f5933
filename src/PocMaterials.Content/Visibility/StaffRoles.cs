namespace PocMaterials.Content.Visibility;

/// <summary>The role ids the content contract gives a meaning of their own.</summary>
public static class StaffRoles
{
    /// <summary>Every staff member has this role; a material for it is visible to all.</summary>
    public const string Everyone = "clb-medewerker";

    /// <summary>POC+ staff who edit and publish: they see drafts, scheduled materials and reports.</summary>
    public const string Editor = "redacteur";
}
