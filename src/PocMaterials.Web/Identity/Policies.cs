namespace PocMaterials.Web.Identity;

public static class Policies
{
    /// <summary>POC+ editors: reports and everything editors may see.</summary>
    public const string Editor = "editor";
}
