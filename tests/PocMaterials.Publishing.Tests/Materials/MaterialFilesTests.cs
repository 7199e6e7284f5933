using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing.Tests.Materials;

public sealed class MaterialFilesTests : IAsyncLifetime
{
    private const string Valid = """
        ---
        title: Beroepsgeheim bij echtscheiding
        type: faq
        themes: [beroepsgeheim-en-drm]
        ---
        ## Mag ik info delen?
        Alleen met toestemming.
        """;

    private readonly PublishingDatabase _db = new();
    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_invalid_material_is_refused_with_every_error_and_nothing_is_written_or_versioned()
    {
        var result = await _db.Materials().WriteAsync("kapot", "---\ntype: onbekend\n---\nTekst", null, "editor-1", None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors!, e => e.Field == "title");
        Assert.Contains(result.Errors!, e => e.Field == "type");
        Assert.Null(_db.Materials().Read("kapot"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_db.Content.ContentPath, "materials"), "*", SearchOption.AllDirectories));
        Assert.Empty(await _db.Versions.ListAsync(MaterialFiles.Document("kapot"), None));
    }

    [Fact]
    public async Task A_create_over_an_existing_material_is_refused_and_a_stale_version_changes_nothing()
    {
        var files = _db.Materials();
        var created = await files.WriteAsync("echtscheiding", Valid, null, "editor-1", None);
        var again = await files.WriteAsync("echtscheiding", Valid, null, "editor-1", None);
        var stale = await files.WriteAsync("echtscheiding", Valid + "\nMeer.", "\"0000\"", "editor-1", None);

        Assert.Equal(WriteOutcome.Created, created.Outcome);
        Assert.Equal(WriteOutcome.Exists, again.Outcome);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(created.ETag, files.Read("echtscheiding")!.ETag);
        Assert.Single(await _db.Versions.ListAsync(MaterialFiles.Document("echtscheiding"), None));
    }

    [Fact]
    public async Task Two_hosts_writing_the_same_version_at_once_give_one_success_and_one_stale_and_lose_nothing()
    {
        var created = await _db.Materials().WriteAsync("echtscheiding", Valid, null, "editor-1", None);
        for (var round = 0; round < 10; round++)
        {
            var etag = _db.Materials().Read("echtscheiding")!.ETag;
            // Two separate sets of services share only the folder and the database, as two hosts do.
            var writes = await Task.WhenAll(
                Task.Run(() => _db.Materials().WriteAsync("echtscheiding", Valid + $"\nEditor A, ronde {round}.", etag, "editor-a", None)),
                Task.Run(() => _db.Materials().WriteAsync("echtscheiding", Valid + $"\nEditor B, ronde {round}.", etag, "editor-b", None)));

            Assert.Single(writes, w => w.Outcome == WriteOutcome.Replaced);
            Assert.Single(writes, w => w.Outcome == WriteOutcome.Stale);
            var winner = writes.Single(w => w.Outcome == WriteOutcome.Replaced);
            Assert.Equal(winner.ETag, _db.Materials().Read("echtscheiding")!.ETag);
        }
        var versions = await _db.Versions.ListAsync(MaterialFiles.Document("echtscheiding"), None);
        Assert.Equal(11, versions.Count);
        Assert.Equal(created.Version, versions[^1].Number);
    }

    [Fact]
    public async Task Every_change_is_a_version_with_its_author_and_summary_and_a_restore_is_a_new_version()
    {
        var files = _db.Materials();
        var v1 = await files.WriteAsync("echtscheiding", Valid, null, "editor-1", None);
        var retitled = Valid.Replace("Beroepsgeheim bij", "Beroepsgeheim na", StringComparison.Ordinal);
        var v2 = await files.WriteAsync("echtscheiding", retitled, v1.ETag, "editor-2", None);
        var reworded = retitled.Replace("Alleen met toestemming.", "Alleen met schriftelijke toestemming.", StringComparison.Ordinal);
        await files.WriteAsync("echtscheiding", reworded, v2.ETag, "editor-1", None);
        var restored = await files.RestoreAsync("echtscheiding", 1, null, "editor-3", None);

        var versions = await _db.Versions.ListAsync(MaterialFiles.Document("echtscheiding"), None);
        Assert.Equal([4, 3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal(["editor-3", "editor-1", "editor-2", "editor-1"], versions.Select(v => v.Author));
        Assert.Equal(["restored version 1", "changed the text", "changed title", "created"], versions.Select(v => v.Summary));
        Assert.Equal(WriteOutcome.Replaced, restored!.Outcome);
        Assert.Equal(v1.ETag, restored.ETag);
        Assert.Equal(Valid, files.Read("echtscheiding")!.Text);

        var diff = TextDiff.Unified("a", (await _db.Versions.GetAsync(MaterialFiles.Document("echtscheiding"), 2, None))!.Value.Text,
            "b", (await _db.Versions.GetAsync(MaterialFiles.Document("echtscheiding"), 3, None))!.Value.Text);
        Assert.Contains("\n-Alleen met toestemming.\n+Alleen met schriftelijke toestemming.\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("\n-title", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_edit_becomes_a_file_system_version_once_and_before_the_next_api_change()
    {
        var files = _db.Materials();
        var created = await files.WriteAsync("echtscheiding", Valid, null, "editor-1", None);
        var path = files.PathOf("echtscheiding")!;
        await File.WriteAllTextAsync(path, Valid + "\nMet de hand toegevoegd.\n");

        // Not yet seen by the recorder: the next API change records it first, so the history has no gap.
        var edited = files.Read("echtscheiding")!;
        await files.WriteAsync("echtscheiding", Valid + "\nVia de API.\n", edited.ETag, "editor-2", None);
        await File.WriteAllTextAsync(path, Valid + "\nNog een handmatige wijziging.\n");
        Assert.True(await _db.Files.RecordFoundAsync(MaterialFiles.Document("echtscheiding"), path, None));
        Assert.False(await _db.Files.RecordFoundAsync(MaterialFiles.Document("echtscheiding"), path, None));

        var versions = await _db.Versions.ListAsync(MaterialFiles.Document("echtscheiding"), None);
        Assert.Equal([ContentVersions.FileSystem, "editor-2", ContentVersions.FileSystem, "editor-1"], versions.Select(v => v.Author));
        Assert.NotEqual(created.ETag, versions[0].ETag);
    }

    [Fact]
    public async Task A_rename_moves_the_file_its_versions_its_reach_and_its_newsletter_clicks_and_leaves_a_redirect()
    {
        var files = _db.Materials();
        Directory.CreateDirectory(Path.Combine(_db.Content.ContentPath, "materials", "drm"));
        await File.WriteAllTextAsync(Path.Combine(_db.Content.ContentPath, "materials", "drm", "oud.md"), Valid);
        await _db.ScalarAsync("INSERT INTO viewers (pseudonym) VALUES ('v1')");
        await _db.ScalarAsync("""
            INSERT INTO material_views (event_id, occurred_at, material_slug, viewer_id, roles, source, counted)
            VALUES (gen_random_uuid(), now(), 'oud', 1, '{clb-medewerker}', 'direct', true)
            """);
        await _db.ScalarAsync("""
            INSERT INTO daily_reach (day, dimension, key, views, opens, viewers)
            VALUES ('2026-11-01', 'material', 'oud', 3, 4, B'01'), ('2026-11-01', 'material', 'nieuw', 1, 1, B'001')
            """);
        // One reader clicked the old slug twice and the new one once in an issue; another clicked the old slug.
        await _db.ScalarAsync("""
            INSERT INTO newsletter_issues
                (month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status, composed_at)
            VALUES ('2026-11-01', 'theme', 'drm', 'gepland', 'Intro', '{}', 'sent', now());
            INSERT INTO newsletter_subscribers (email, email_key, name, roles)
            VALUES ('a@example.org', 'a@example.org', 'A', '{clb-medewerker}'), ('b@example.org', 'b@example.org', 'B', '{clb-medewerker}');
            INSERT INTO newsletter_events (issue_id, subscriber_id, kind, link, first_at, last_at, count, automated, roles)
            VALUES (1, 1, 'click', 'oud', now(), now(), 2, false, '{clb-medewerker}'),
                   (1, 1, 'click', 'nieuw', now(), now(), 1, false, '{clb-medewerker}'),
                   (1, 2, 'click', 'oud', now(), now(), 1, false, '{clb-medewerker}')
            """);

        var renamed = await files.RenameAsync("oud", "nieuw", null, "editor-1", None);

        Assert.Equal(WriteOutcome.Created, renamed.Outcome);
        Assert.Null(files.PathOf("oud"));
        Assert.Equal(Path.Combine(_db.Content.ContentPath, "materials", "drm", "nieuw.md"), files.PathOf("nieuw"));
        Assert.Equal("nieuw", await _db.Redirects.TargetAsync("oud", None));
        var versions = await _db.Versions.ListAsync(MaterialFiles.Document("nieuw"), None);
        Assert.Equal(["renamed from oud", "changed on disk"], versions.Select(v => v.Summary));
        Assert.Empty(await _db.Versions.ListAsync(MaterialFiles.Document("oud"), None));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE material_slug = 'nieuw'"));
        Assert.Equal(4, await _db.ScalarAsync("SELECT views FROM daily_reach WHERE key = 'nieuw'"));
        Assert.Equal(2, await _db.ScalarAsync("SELECT bit_count(viewers) FROM daily_reach WHERE key = 'nieuw'"));
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM daily_reach WHERE key = 'oud'"));
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM newsletter_events WHERE link = 'oud'"));
        Assert.Equal(3, await _db.ScalarAsync("SELECT count FROM newsletter_events WHERE link = 'nieuw' AND subscriber_id = 1"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count FROM newsletter_events WHERE link = 'nieuw' AND subscriber_id = 2"));

        // Renamed again: the first old slug leads to the newest, and a new material at an old slug ends its redirect.
        await files.RenameAsync("nieuw", "nieuwst", null, "editor-1", None);
        Assert.Equal("nieuwst", await _db.Redirects.TargetAsync("oud", None));
        await files.WriteAsync("oud", Valid, null, "editor-1", None);
        Assert.Null(await _db.Redirects.TargetAsync("oud", None));
        Assert.Equal(WriteOutcome.Exists, (await files.RenameAsync("nieuwst", "oud", null, "editor-1", None)).Outcome);
    }
}
