using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Library;

public sealed class ContentLibraryTests
{
    private const string Valid = """
        title: FAQ decreet leersteun
        type: faq
        summary: Antwoorden over leersteun.
        core_processes: [begeleiding]
        themes: [decreet-leersteun]
        domains: [leren-en-studeren]
        roles: [clb-medewerker]
        published: 2024-09-02
        review_by: 2025-09-01
        tags: [leersteun]
        """;

    [Fact]
    public void A_valid_material_is_loaded_with_its_metadata_and_questions()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("faq-decreet-leersteun", Valid, """
            Intro met <script>alert('x')</script> tekst.

            ## Wie vraagt leersteun aan?
            De school vraagt het aan.

            ## Hoe lang loopt een traject?
            Een schooljaar.
            """);
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Empty(content.Errors);
        var material = content.Materials["faq-decreet-leersteun"];
        Assert.Equal("FAQ decreet leersteun", material.Title);
        Assert.Equal(["begeleiding"], material.CoreProcesses);
        Assert.Equal(new DateOnly(2024, 9, 2), material.Updated);
        Assert.Equal("an-jacobs", material.ContactId); // from its first theme
        Assert.Equal(["Wie vraagt leersteun aan?", "Hoe lang loopt een traject?"], material.Questions.Select(q => q.Question));
        Assert.Equal("wie-vraagt-leersteun-aan", material.Questions[0].Anchor);
        Assert.Equal("De school vraagt het aan.", material.Questions[0].AnswerText);
        Assert.DoesNotContain("alert", material.BodyText, StringComparison.Ordinal);
        Assert.True(material.IsDueForReview(new DateOnly(2025, 9, 2)));
        Assert.False(material.IsDueForReview(new DateOnly(2025, 9, 1)));
    }

    [Theory]
    [InlineData("title: ''\ntype: faq", 2, "title", "required")]
    [InlineData("type: faq\nsummary: x", 2, "title", "required")]
    [InlineData("title: T\ntype: brochure", 3, "type", "unknown id 'brochure'")]
    [InlineData("title: T\ntype: faq\ncore_processes: [begeleiding, zwemmen]", 4, "core_processes", "unknown id 'zwemmen'")]
    [InlineData("title: T\ntype: faq\nthemes: [onbekend]", 4, "themes", "unknown id 'onbekend'")]
    [InlineData("title: T\ntype: faq\ndomains: [sport]", 4, "domains", "unknown id 'sport'")]
    [InlineData("title: T\ntype: faq\nroles: [piloot]", 4, "roles", "unknown id 'piloot'")]
    [InlineData("title: T\ntype: faq\ncontact: niemand", 4, "contact", "unknown id 'niemand'")]
    [InlineData("title: T\ntype: faq\npublished: 2024-13-01", 4, "published", "not a date")]
    [InlineData("title: T\ntype: faq\nreview_by: morgen", 4, "review_by", "not a date")]
    [InlineData("title: T\ntype: faq\nstatus: klaar", 4, "status", "not a status")]
    [InlineData("title: T\ntype: faq\ncore_process: [begeleiding]", 4, "core_process", "unknown field")]
    [InlineData("title: T\ntype: faq\ntags: [a, b\n", 5, "yaml", "invalid YAML")]
    public void An_invalid_front_matter_is_an_error_naming_file_line_and_field(string frontMatter, int line, string field, string message)
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("kapot", frontMatter, folder: "sub");
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        var error = Assert.Single(content.Errors);
        Assert.Equal("content/materials/sub/kapot.md", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (field != "yaml")
            Assert.Equal(line, error.Line);
        else
            Assert.InRange(error.Line, 2, line);
        Assert.Empty(content.Materials);
    }

    [Fact]
    public void Aliases_over_their_limits_are_errors_naming_the_field_and_the_limit()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("themes/lang-alias.md", $"---\ntitle: Lange alias\naliases: [kort, {new string('a', 101)}]\n---\nInleiding.\n");
        var aliases = string.Join(", ", Enumerable.Range(1, 51).Select(i => $"alias{i}"));
        folder.Write("content/taxonomy.yml", Testing.Fixture.Taxonomy.Replace("aliases: [HGD]", $"aliases: [{aliases}]", StringComparison.Ordinal));
        using var library = new ContentLibrary(folder.Location);

        // Without its taxonomy a theme's core processes are unknown too; only the aliases matter here.
        var errors = library.Reload().Snapshot.Errors.Where(e => e.Field == "aliases").Select(e => e.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "content/taxonomy.yml:6: aliases: has 51 items; at most 50 are allowed",
            "themes/lang-alias.md:3: aliases: is 101 characters long; at most 100 are allowed",
        ], errors);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_one_pass()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("kapot", "title: T\ntype: brochure\nroles: [piloot]\npublished: gisteren");
        using var library = new ContentLibrary(folder.Location);

        var errors = library.Reload().Snapshot.Errors;

        Assert.Equal(["type", "roles", "published"], errors.Select(e => e.Field).Order().Reverse().OrderBy(f => f == "type" ? 0 : f == "roles" ? 1 : 2));
    }

    [Fact]
    public void Missing_and_unclosed_front_matter_are_errors()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("content/materials/zonder.md", "# Geen front matter\n");
        folder.Write("content/materials/open.md", "---\ntitle: T\ntype: faq\n\nTekst\n");
        using var library = new ContentLibrary(folder.Location);

        var errors = library.Reload().Snapshot.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Equal(("content/materials/open.md", "front matter"), (errors[0].File, errors[0].Field));
        Assert.Contains("never closed", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("content/materials/zonder.md", "front matter"), (errors[1].File, errors[1].Field));
    }

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
    public async Task A_file_touched_or_rewritten_with_the_same_bytes_is_no_change_and_one_rewritten_within_its_time_stamp_is()
    {
        using var folder = ContentFolder.WithFixture();
        var path = folder.WriteMaterial("leidraad", "title: Leidraad intake\ntype: leidraad");
        using var library = new ContentLibrary(folder.Location);
        library.StartWatching();
        library.Reload();
        var changes = new List<ContentChange>();
        library.Changed += (_, change) => changes.Add(change);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        File.WriteAllText(folder.Location.TaxonomyFile, File.ReadAllText(folder.Location.TaxonomyFile));
        library.ReloadNow();
        Assert.Empty(changes);

        // Same length, same time stamp: only the bytes tell the versions apart.
        var stamp = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Leidraad intake", "Leidraad intaak", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, stamp);
        await Eventually.TrueAsync(() => changes.Count > 0, "the rewrite within the time stamp was not seen", seconds: 5);

        Assert.Equal("Leidraad intaak", Assert.Single(Assert.Single(changes).Upserted).Title);
        Assert.False(changes[0].DefinitionsChanged);
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

    [Fact]
    public void Roles_default_to_every_staff_member_and_status_to_published()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);

        var material = library.Reload().Snapshot.Materials["fiche"];

        Assert.Equal(["clb-medewerker"], material.Roles);
        Assert.Equal(MaterialStatus.Published, material.Status);
    }

    [Fact]
    public async Task File_changes_raise_one_change_event()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        using var library = new ContentLibrary(folder.Location);
        library.Reload();
        var changed = new TaskCompletionSource<ContentChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        library.Changed += (_, change) => changed.TrySetResult(change);
        library.StartWatching();

        folder.WriteMaterial("nieuw", "title: Nieuw\ntype: fiche", folder: "deep/er");

        var change = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["nieuw"], change.Upserted.Select(m => m.Slug));
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
        string[] acronyms = ["5BP", "ADP", "AM", "BuO", "Dir/Coo", "DRM", "EDBI", "HGD", "HO", "ISC", "JGZ", "LSC", "MDT", "OLB", "PBD", "PGZ", "PLG", "SO", "SOB", "SPARK", "SPOC", "SWV", "VWVJ"];
        var aliases = content.Taxonomy.Glossary.SelectMany(g => g.Aliases).ToHashSet();
        Assert.All(acronyms, a => Assert.Contains(a, aliases));
    }
}
