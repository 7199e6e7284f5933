using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Library;

/// <summary>The library's snapshot and its changes: which file is served, what a reload reports, and the sample content.</summary>
public sealed class ContentLibraryTests
{
    [Fact]
    public void A_duplicate_slug_is_an_error_and_the_first_file_is_served()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Eerste\ntype: fiche", folder: "a");
        folder.WriteMaterial("fiche", "title: Tweede\ntype: fiche", folder: "b");
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Equal("Eerste", content.Materials["fiche"].Title);
        var error = Assert.Single(content.Errors);
        Assert.Equal(("content/materials/b/fiche.md", "slug"), (error.File, error.Field));
    }

    [Fact]
    public void A_broken_file_keeps_its_last_valid_version_and_other_files_are_served()
    {
        using var folder = ContentFolder.WithFixture();
        var path = folder.WriteMaterial("leidraad", "title: Leidraad intake\ntype: leidraad");
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);
        library.Reload();

        File.WriteAllText(path, "---\ntitle: Leidraad intake v2\ntype: onbekend\n---\nTekst\n");
        var change = library.Reload();

        Assert.Equal("Leidraad intake", change.Snapshot.Materials["leidraad"].Title);
        Assert.True(change.Snapshot.Materials.ContainsKey("fiche"));
        Assert.Single(change.Snapshot.Errors);
        Assert.Empty(change.Upserted);

        File.WriteAllText(path, "---\ntitle: Leidraad intake v3\ntype: leidraad\n---\nTekst\n");
        change = library.Reload();

        Assert.Equal("Leidraad intake v3", change.Snapshot.Materials["leidraad"].Title);
        Assert.Empty(change.Snapshot.Errors);
        Assert.Equal(["leidraad"], change.Upserted.Select(m => m.Slug));
    }

    [Fact]
    public void ReloadNow_announces_a_change_before_it_returns()
    {
        using var folder = ContentFolder.WithFixture();
        using var library = new ContentLibrary(folder.Location);
        library.Reload();
        var announced = new List<string>();
        library.Changed += (_, change) => announced.AddRange(change.Upserted.Select(m => m.Slug));

        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        library.ReloadNow();

        Assert.Equal(["fiche"], announced);
        Assert.True(library.Current.Materials.ContainsKey("fiche"));
    }

    [Fact]
    public void Renaming_and_deleting_files_are_reported_as_changes()
    {
        using var folder = ContentFolder.WithFixture();
        var path = folder.WriteMaterial("oud", "title: Oud\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);
        library.Reload();

        File.Move(path, Path.Combine(Path.GetDirectoryName(path)!, "nieuw.md"));
        var change = library.Reload();

        Assert.Equal(["oud"], change.Removed);
        Assert.Equal(["nieuw"], change.Upserted.Select(m => m.Slug));
        Assert.False(change.DefinitionsChanged);

        File.Delete(Path.Combine(Path.GetDirectoryName(path)!, "nieuw.md"));
        change = library.Reload();
        Assert.Equal(["nieuw"], change.Removed);
        Assert.Empty(change.Snapshot.Materials);
    }

    [Fact]
    public void The_sample_content_is_valid_and_complete()
    {
        using var library = new ContentLibrary(new ContentLocation(
            Path.Combine(ContentFolder.RepositoryRoot, "content"), Path.Combine(ContentFolder.RepositoryRoot, "themes")));

        var content = library.Reload().Snapshot;

        Assert.Empty(content.Errors);
        Assert.True(content.Materials.Count >= 40);
        Assert.True(content.Themes.Count >= 8);
        Assert.All(content.Taxonomy.Types.All, t => Assert.Contains(content.Materials.Values, m => m.Type == t.Id));
        Assert.All(content.Taxonomy.CoreProcesses.All, c => Assert.Contains(content.Materials.Values, m => m.CoreProcesses.Contains(c.Id)));
        Assert.True(content.Materials.Values.Count(m => m.Type == "faq" && m.Questions.Count >= 6) >= 5);
        Assert.Contains(content.Materials.Values, m => m.Roles.SequenceEqual(["arts", "verpleegkundige"]));
        Assert.Contains(content.Materials.Values, m => m.Roles.SequenceEqual(["directeur", "coordinator"]));
        Assert.Contains(content.Materials.Values, m => m.Status == MaterialStatus.Draft);
        Assert.Contains(content.Materials.Values, m => m.Published > new DateOnly(2026, 12, 31));
        Assert.Contains(content.Materials.Values, m => m.IsDueForReview(new DateOnly(2026, 11, 24)));
        string[] acronyms =
        [
            "5BP", "ADP", "AM", "BuO", "Dir/Coo", "DRM", "EDBI", "HGD", "HO", "ISC", "JGZ", "LSC",
            "MDT", "OLB", "PBD", "PGZ", "PLG", "SO", "SOB", "SPARK", "SPOC", "SWV", "VWVJ",
        ];
        var aliases = content.Taxonomy.Glossary.SelectMany(g => g.Aliases).ToHashSet();
        Assert.All(acronyms, a => Assert.Contains(a, aliases));
    }
}
