using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>The material form's lists in one answer, from the taxonomy, the themes, the contacts and the tags in use.</summary>
public sealed class MaterialVocabularyTests : MaterialPublishingHost
{
    protected override async Task PrepareAsync()
    {
        await base.PrepareAsync();
        Folder.WriteMaterial("verzuim-a", "title: Verzuim A\ntype: fiche\ntags: [verzuim, Huisbezoek]");
        Folder.WriteMaterial("verzuim-b", "title: Verzuim B\ntype: fiche\ntags: [verzuim, huisbezoek]\nstatus: draft");
        Folder.WriteMaterial("verzuim-c", "title: Verzuim C\ntype: fiche\ntags: [Verzuim, school]");
    }

    [Fact]
    public async Task The_form_gets_every_list_with_labels_and_search_words_contacts_tags_and_limits()
    {
        var vocabulary = await Editor.GetFromJsonAsync<JsonElement>("/api/taxonomy/form");

        Assert.Equal(["faq", "leidraad", "fiche"], Ids(vocabulary, "types"));
        Assert.Equal("FAQ-lijst", vocabulary.GetProperty("types")[0].GetProperty("label").GetString());
        var hgd = vocabulary.GetProperty("coreProcesses").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "handelingsgerichte-diagnostiek");
        Assert.Equal(["HGD"], hgd.GetProperty("searchWords").EnumerateArray().Select(w => w.GetString()));
        var theme = vocabulary.GetProperty("themes")[0];
        Assert.Equal(("beroepsgeheim-en-drm", "Beroepsgeheim en DRM", "sofie-claes"), (
            theme.GetProperty("id").GetString(), theme.GetProperty("label").GetString(), theme.GetProperty("contact").GetString()));
        Assert.Contains("DRM", theme.GetProperty("searchWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(["clb-medewerker", "arts", "verpleegkundige", "directeur", "redacteur"], Ids(vocabulary, "roles"));
        Assert.Equal("clb-medewerker", vocabulary.GetProperty("defaultRole").GetString());
        var contact = vocabulary.GetProperty("contacts")[0];
        Assert.Equal(("an-jacobs", "An Jacobs", "Aanspreekpunt decreet leersteun"), (
            contact.GetProperty("id").GetString(), contact.GetProperty("name").GetString(), contact.GetProperty("role").GetString()));
        Assert.Equal(
            [("verzuim", 3), ("huisbezoek", 2), ("school", 1)],
            vocabulary.GetProperty("tags").EnumerateArray()
                .Select(t => (t.GetProperty("tag").GetString()!, t.GetProperty("count").GetInt32())));
        Assert.Equal("""{"title":200,"summary":500,"tags":30,"tag":50}""", vocabulary.GetProperty("limits").GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/taxonomy/form")).StatusCode);
    }

    private static IEnumerable<string?> Ids(JsonElement vocabulary, string list) =>
        vocabulary.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("id").GetString());
}
