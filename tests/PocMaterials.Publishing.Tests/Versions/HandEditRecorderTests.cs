using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Publishing.Versions;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests.Versions;

/// <summary>Files changed on disk while the server was down become versions at its start, each on its own.</summary>
public sealed class HandEditRecorderTests : IAsyncLifetime
{
    private readonly PublishingDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_file_holding_a_NUL_gets_no_version_and_keeps_no_other_file_from_its_own()
    {
        _db.Content.WriteMaterial("met-nul", "title: Fiche\ntype: fiche", "Tekst.");
        _db.Library.Reload();
        // Edited while no server ran: the library still serves the valid version it read, the disk holds a NUL.
        _db.Content.WriteMaterial("met-nul", "title: Fiche\ntype: fiche", "Tekst\0met NUL.");
        var theme = _db.Content.Write("themes/decreet-leersteun.md", "---\ntitle: Decreet leersteun, met de hand\n---\nInleiding.\n");
        var recorder = new HandEditRecorder(_db.Library, _db.Versions, _db.Files, NullLogger<HandEditRecorder>.Instance);

        await recorder.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(
                async () => (await _db.Versions.ListAsync(ContentDocuments.Theme("decreet-leersteun"), CancellationToken.None)).Count > 0,
                "the theme edited by hand got no version",
                seconds: 10);
        }
        finally
        {
            await recorder.StopAsync(CancellationToken.None);
        }

        var version = await _db.Versions.GetAsync(ContentDocuments.Theme("decreet-leersteun"), 1, CancellationToken.None);
        Assert.Equal(File.ReadAllText(theme), version?.Text);
        Assert.Empty(await _db.Versions.ListAsync("material/met-nul", CancellationToken.None));
    }
}
