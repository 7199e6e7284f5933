using PocMaterials.Content.Library;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Library;

/// <summary>What file changes lead to while the library watches: one change per burst, none for the same bytes.</summary>
public sealed class ContentWatcherTests
{
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
}
