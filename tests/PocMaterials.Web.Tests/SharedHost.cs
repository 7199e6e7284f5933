using PocMaterials.Testing;

namespace PocMaterials.Web.Tests;

/// <summary>One host and database for all tests of a class, over a fixture with a FAQ and a few fiches on leersteun.</summary>
public sealed class SharedHost() : HostFixture(NewFolder())
{
    /// <summary>Fiches of their own for tests that count views: fiche-a, fiche-b, ...</summary>
    public static readonly string[] Fiches = ["fiche-a", "fiche-b", "fiche-c", "fiche-d", "fiche-e"];

    /// <summary>The same content in a folder of its own, for a host of its own (one host per data folder).</summary>
    public static ContentFolder NewFolder()
    {
        var folder = ContentFolder.WithFixture();
        folder.WriteMaterial(
            "faq-leersteun",
            "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        foreach (var fiche in Fiches)
        {
            folder.WriteMaterial(
                fiche, $"title: Fiche leersteun {fiche[^1..]}\ntype: fiche\nthemes: [decreet-leersteun]", "Over leersteun.");
        }
        return folder;
    }
}
