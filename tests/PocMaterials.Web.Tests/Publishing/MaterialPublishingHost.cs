using System.Text;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// A host per test (xunit makes a class instance per test) over one fiche, <c>bestaand</c>, with clients for an editor and
/// for staff: the set-up of the material publishing tests.
/// </summary>
public abstract class MaterialPublishingHost : HostFixture
{
    protected const string Fiche =
        "---\ntitle: Fiche schoolverzuim\ntype: fiche\nthemes: [decreet-leersteun]\n---\nOver spijbelen en schoolverzuim.\n";

    protected HttpClient Editor { get; private set; } = null!;

    protected HttpClient Staff { get; private set; } = null!;

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("bestaand", "title: Bestaande fiche\ntype: fiche", "Over leersteun.", folder: "fiches");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        Editor = await App.ClientFor(["redacteur"]);
        Staff = await App.ClientFor(["clb-medewerker", "directeur"]);
    }

    protected static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");
}
