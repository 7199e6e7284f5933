using PocMaterials.Search.Indexing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Indexing;

public sealed class MaterialIndexTests
{
    [Fact]
    public void A_hit_shows_of_the_indexed_material_exactly_what_its_stored_fields_hold()
    {
        using var search = new SearchFixture(f =>
        {
            f.WriteMaterial("faq", "title: Vragen over het gehoor\ntype: faq\nsummary: Kort.\nupdated: 2026-03-02",
                "Intro.\n\n## Wanneer testen?\nVroeg.\n\n## Wie test?\nDe verpleegkundige.\n");
            f.WriteMaterial("zonder-samenvatting", "title: Fiche zonder samenvatting\ntype: fiche\nsummary: \"  \"", "Lichaam.");
        });
        var snapshot = search.Library.Current;

        var stored = search.Index.WithSearcher(searcher => Enumerable.Range(0, searcher.IndexReader.MaxDoc)
            .Select(searcher.Doc)
            .Where(document => document.Get(IndexFields.Kind) == IndexFields.KindMaterial)
            .Select(MaterialDocuments.Stored)
            .ToList());

        Assert.Equal(snapshot.Materials.Count, stored.Count);
        Assert.All(stored, fromIndex =>
            Assert.Equivalent(MaterialDocuments.Stored(snapshot.Materials[fromIndex.Slug]), fromIndex, strict: true));
        Assert.Contains(stored, s => s.QuestionTexts.Count == 2 && s.Updated == "2026-03-02");
        Assert.Contains(stored, s => s.Summary is null);
    }

    [Fact]
    public void Added_edited_renamed_and_deleted_files_are_followed()
    {
        using var search = new SearchFixture(f => f.WriteMaterial("fiche", "title: Fiche audiometrie\ntype: fiche", "Het gehoor testen."));

        var path = search.Folder.WriteMaterial("nieuw", "title: Nieuwe fiche\ntype: fiche", "Over gezichtsscherpte.");
        search.Sync();
        Assert.Equal(["nieuw"], search.Slugs("gezichtsscherpte"));

        File.WriteAllText(path, "---\ntitle: Nieuwe fiche\ntype: fiche\n---\nOver lengtegroei.\n");
        search.Sync();
        Assert.Empty(search.Slugs("gezichtsscherpte"));
        Assert.Equal(["nieuw"], search.Slugs("lengtegroei"));

        File.Move(path, Path.Combine(Path.GetDirectoryName(path)!, "hernoemd.md"));
        search.Sync();
        Assert.Equal(["hernoemd"], search.Slugs("lengtegroei"));

        File.Delete(Path.Combine(Path.GetDirectoryName(path)!, "hernoemd.md"));
        search.Sync();
        Assert.Empty(search.Slugs("lengtegroei"));
        Assert.Equal(["fiche"], search.Slugs("audiometrie"));
    }

    [Fact]
    public void A_new_reader_is_prepared_while_searches_still_see_the_last_one()
    {
        using var search = new SearchFixture(f => f.WriteMaterial("fiche", "title: Fiche audiometrie\ntype: fiche", "Het gehoor testen."));
        var prepared = new List<(int New, int Served)>();
        search.Index.PrepareReadersWith(reader => prepared.Add((reader.NumDocs, search.Index.DocumentCount())));

        search.Folder.WriteMaterial("nieuw", "title: Nieuwe fiche\ntype: fiche", "Over gezichtsscherpte.");
        search.Sync();

        Assert.Equal([(2, 1)], prepared);
        Assert.Equal(2, search.Index.DocumentCount());
    }

    [Fact]
    public void A_changed_theme_alias_takes_effect_on_the_next_sync()
    {
        using var search = new SearchFixture(f =>
            f.WriteMaterial("faq", "title: Over het decreet\ntype: faq\nthemes: [decreet-leersteun]", "Tekst."));
        Assert.Empty(search.Slugs("ondersteuningsnoden"));

        search.Folder.Write("themes/decreet-leersteun.md",
            "---\ntitle: Decreet leersteun\naliases: [leersteun, ondersteuningsnoden]\ncontact: an-jacobs\n---\nIntro\n");
        search.Sync();

        Assert.Equal(["faq"], search.Slugs("ondersteuningsnoden"));
    }

    [Fact]
    public void A_corrupt_index_is_wiped_and_rebuilt_from_content()
    {
        using var search = new SearchFixture(f => f.WriteMaterial("fiche", "title: Fiche audiometrie\ntype: fiche", "Het gehoor testen."));
        var indexPath = Path.Combine(search.Folder.DataPath, "index");
        search.Index.Dispose();
        foreach (var file in Directory.GetFiles(indexPath))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);

        using var reopened = new MaterialIndex(indexPath);
        reopened.Rebuild(search.Library.Current);

        Assert.Equal(1, reopened.DocumentCount());
    }

    [Fact]
    public void A_missing_index_folder_is_created()
    {
        using var search = new SearchFixture(f => f.WriteMaterial("fiche", "title: Fiche\ntype: fiche"));
        var elsewhere = Path.Combine(search.Folder.DataPath, "nieuw", "index");

        using var index = new MaterialIndex(elsewhere);
        index.Rebuild(search.Library.Current);

        Assert.Equal(1, index.DocumentCount());
        Assert.True(index.SizeInBytes() > 0);
    }
}
