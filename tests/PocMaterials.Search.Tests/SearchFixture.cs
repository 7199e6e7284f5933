using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;
using PocMaterials.Testing;

namespace PocMaterials.Search.Tests;

/// <summary>A real on-disk index over fixture content, and a searcher for it.</summary>
public sealed class SearchFixture : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public SearchFixture(Action<ContentFolder> write)
    {
        Folder = ContentFolder.WithFixture();
        write(Folder);
        Library = new ContentLibrary(Folder.Location);
        Index = new MaterialIndex(Path.Combine(Folder.DataPath, "index"));
        Index.Rebuild(Library.Reload().Snapshot);
        Searcher = new MaterialSearcher(Index, () => Library.Current);
    }

    public ContentFolder Folder { get; }
    public ContentLibrary Library { get; }
    public MaterialIndex Index { get; }
    public MaterialSearcher Searcher { get; }

    public static StaffMember Staff(params string[] roles) => new("test", roles, "gent");

    public MaterialSearchResult Search(
        string? q,
        StaffMember? viewer = null,
        Func<MaterialSearchRequest, MaterialSearchRequest>? refine = null)
    {
        var request = new MaterialSearchRequest { Query = q, PageSize = 100 };
        return Searcher.Search(refine is null ? request : refine(request), viewer ?? Staff(), Today);
    }

    public List<string> Slugs(string? q, StaffMember? viewer = null) =>
        Search(q, viewer).Hits.Select(h => h.Slug).ToList();

    /// <summary>Applies what changed on disk since the last reload, as the file watcher would.</summary>
    public void Sync() => Index.Apply(Library.Reload());

    public void Dispose()
    {
        Index.Dispose();
        Library.Dispose();
        Folder.Dispose();
    }
}
