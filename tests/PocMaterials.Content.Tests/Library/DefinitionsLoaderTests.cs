using PocMaterials.Content.Library;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Library;

/// <summary>The taxonomy and themes as the library loads them: their errors, and the last valid version of a broken one.</summary>
public sealed class DefinitionsLoaderTests
{
    [Fact]
    public void Aliases_over_their_limits_are_errors_naming_the_field_and_the_limit()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("themes/lang-alias.md", $"---\ntitle: Lange alias\naliases: [kort, {new string('a', 101)}]\n---\nInleiding.\n");
        var aliases = string.Join(", ", Enumerable.Range(1, 51).Select(i => $"alias{i}"));
        folder.Write(
            "content/taxonomy.yml",
            Testing.Fixture.Taxonomy.Replace("aliases: [HGD]", $"aliases: [{aliases}]", StringComparison.Ordinal));
        using var library = new ContentLibrary(folder.Location);

        // Without its taxonomy a theme's core processes are unknown too; only the aliases matter here.
        var errors = library.Reload().Snapshot.Errors
            .Where(e => e.Field == "aliases")
            .Select(e => e.ToString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "content/taxonomy.yml:6: aliases: has 51 items; at most 50 are allowed",
            "themes/lang-alias.md:3: aliases: is 101 characters long; at most 100 are allowed",
        ], errors);
    }

    [Fact]
    public void Broken_taxonomy_keeps_the_last_valid_taxonomy()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);
        library.Reload();

        folder.Write("content/taxonomy.yml", "core_processes: [\n");
        var change = library.Reload();

        Assert.True(change.DefinitionsChanged);
        Assert.True(change.Snapshot.Taxonomy.Types.Contains("fiche"));
        Assert.True(change.Snapshot.Materials.ContainsKey("fiche"));
        var error = Assert.Single(change.Snapshot.Errors);
        Assert.Equal(("content/taxonomy.yml", "yaml"), (error.File, error.Field));
    }

    [Fact]
    public void Theme_errors_name_the_theme_file()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("themes/kapot.md", "---\naliases: [x]\ncontact: niemand\n---\nIntro\n");
        using var library = new ContentLibrary(folder.Location);

        var errors = library.Reload().Snapshot.Errors;

        Assert.Contains(errors, e => e is { File: "themes/kapot.md", Field: "title", Line: 2 });
        Assert.Contains(errors, e => e is { File: "themes/kapot.md", Field: "contact", Line: 3 });
    }
}
