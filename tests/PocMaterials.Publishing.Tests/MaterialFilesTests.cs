using PocMaterials.Content.Library;
using PocMaterials.Content.Publishing;
using PocMaterials.Publishing.Materials;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests;

public sealed class MaterialFilesTests : IDisposable
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

    private readonly ContentFolder _folder = ContentFolder.WithFixture();
    private readonly ContentLibrary _library;
    private readonly MaterialFiles _files;

    public MaterialFilesTests()
    {
        _library = new ContentLibrary(_folder.Location);
        _library.Reload();
        _files = new MaterialFiles(_library, ContentLibrary.DefaultMaxFileBytes);
    }

    [Fact]
    public async Task An_invalid_material_is_refused_with_every_error_and_nothing_is_written()
    {
        var result = await _files.WriteAsync("kapot", "---\ntype: onbekend\n---\nTekst", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors!, e => e.Field == "title");
        Assert.Contains(result.Errors!, e => e.Field == "type");
        Assert.Null(_files.Read("kapot"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.ContentPath, "materials"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_create_over_an_existing_material_is_refused_and_a_stale_version_changes_nothing()
    {
        var created = await _files.WriteAsync("echtscheiding", Valid, null, CancellationToken.None);
        var again = await _files.WriteAsync("echtscheiding", Valid, null, CancellationToken.None);
        var stale = await _files.WriteAsync("echtscheiding", Valid + "\nMeer.", "\"0000\"", CancellationToken.None);

        Assert.Equal(WriteOutcome.Created, created.Outcome);
        Assert.Equal(WriteOutcome.Exists, again.Outcome);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(created.ETag, _files.Read("echtscheiding")!.ETag);
    }

    public void Dispose()
    {
        _files.Dispose();
        _library.Dispose();
        _folder.Dispose();
    }
}
