using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing.Tests.Versions;

/// <summary>The history in PostgreSQL: the latest versions of many documents at once, a history moved to a new name.</summary>
public sealed class ContentVersionsTests : IAsyncLifetime
{
    private readonly PublishingDatabase _db = new();
    private static CancellationToken None => CancellationToken.None;

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_latest_versions_of_several_documents_are_read_at_once_a_removal_without_a_tag()
    {
        await RecordAsync("material/a", ("Tekst A.", "\"a1\""), (null, null));
        await RecordAsync("material/b", ("Tekst B.", "\"b1\""), ("Tekst B, langer.", "\"b2\""));

        var latest = await _db.Versions.LatestETagsAsync(["material/a", "material/b", "material/zonder-versies"], None);

        Assert.Equal(["material/a", "material/b"], latest.Keys.Order(StringComparer.Ordinal));
        Assert.Null(latest["material/a"]);
        Assert.Equal("\"b2\"", latest["material/b"]);
    }

    [Fact]
    public async Task A_moved_history_follows_the_versions_its_new_name_had()
    {
        await RecordAsync("material/oud", ("Oud 1.", "\"o1\""), ("Oud 2.", "\"o2\""));
        await RecordAsync("material/nieuw", ("Nieuw 1.", "\"n1\""));

        await _db.Versions.ChangeAsync(["material/oud", "material/nieuw"], async histories =>
        {
            await ContentVersions.MoveAsync(histories[0], "material/nieuw", None);
            return histories.Count;
        }, None);

        Assert.Empty(await _db.Versions.ListAsync("material/oud", None));
        var moved = await _db.Versions.ListAsync("material/nieuw", None);
        Assert.Equal([3, 2, 1], moved.Select(v => v.Number));
        Assert.Equal(["\"o2\"", "\"o1\"", "\"n1\""], moved.Select(v => v.ETag));
        Assert.Equal("Oud 2.", (await _db.Versions.GetAsync("material/nieuw", 3, None))?.Text);
    }

    private Task<int> RecordAsync(string document, params (string? Text, string? ETag)[] versions) =>
        _db.Versions.ChangeAsync(document, async history =>
        {
            foreach (var (text, etag) in versions)
                await history.RecordAsync(text, etag, "editor-1", "test", None);
            return versions.Length;
        }, None);
}
