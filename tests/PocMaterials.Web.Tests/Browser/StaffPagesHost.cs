namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// One host and one browser for the staff page tests (<see cref="StaffPagesTests"/>, <see cref="SearchPagesTests"/>):
/// each test signs in on a context of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StaffPagesHost : ICollectionFixture<BrowserHost>
{
    public const string Name = "Staff pages";
}
