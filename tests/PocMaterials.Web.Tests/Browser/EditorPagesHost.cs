namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// One <see cref="SmtpBrowserHost"/> and one browser for the editor page tests (<see cref="EditorPagesTests"/>,
/// <see cref="MaterialEditorPagesTests"/>, <see cref="NewsletterEditorPagesTests"/>): each test signs in on a context of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EditorPagesHost : ICollectionFixture<SmtpBrowserHost>
{
    public const string Name = "Editor pages";
}
