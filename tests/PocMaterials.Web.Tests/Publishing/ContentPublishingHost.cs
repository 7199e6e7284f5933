namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// One <see cref="SharedHost"/> for the content publishing tests (<see cref="ContentPublishingTests"/>,
/// <see cref="MaterialRenameTests"/>, <see cref="DefinitionEditingTests"/>): each test writes materials of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContentPublishingHost : ICollectionFixture<SharedHost>
{
    public const string Name = "Content publishing host";
}
