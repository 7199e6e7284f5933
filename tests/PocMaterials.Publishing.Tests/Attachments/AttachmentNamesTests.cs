using PocMaterials.Publishing.Attachments;

namespace PocMaterials.Publishing.Tests.Attachments;

/// <summary>An attachment's name is a plain file name on every system: never a path, a device or a hidden file.</summary>
public sealed class AttachmentNamesTests
{
    [Theory]
    [InlineData("leidraad-hgd.pdf")]
    [InlineData("schrijfwijzer-2024.docx")]
    [InlineData("a.png")]
    [InlineData("console.pdf")]
    [InlineData("com10.pdf")]
    public void Plain_names_are_valid(string name)
    {
        Assert.Null(AttachmentNames.Problem(name));
    }

    [Theory]
    [InlineData("../taxonomy.yml")]
    [InlineData("..")]
    [InlineData("..\\..\\contacts.pdf")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData("C:\\Windows\\win.pdf")]
    [InlineData("sub/map.pdf")]
    [InlineData("%2e%2e%2fx.pdf")]
    [InlineData("..%2F..%2Fx.pdf")]
    [InlineData(".verborgen.pdf")]
    [InlineData("twee..punten.pdf")]
    [InlineData("twee.extensies.pdf")]
    [InlineData("geen-extensie")]
    [InlineData("Hoofdletter.pdf")]
    [InlineData("met spatie.pdf")]
    [InlineData("-rand.pdf")]
    [InlineData("eind-.pdf")]
    [InlineData("nul\0.pdf")]
    [InlineData("regel.pdf\n")]
    [InlineData("ｆｕｌｌ．pdf")]
    [InlineData("café.pdf")]
    [InlineData("")]
    public void Paths_hidden_files_and_names_outside_the_rule_are_refused(string name)
    {
        Assert.NotNull(AttachmentNames.Problem(name));
    }

    [Theory]
    [InlineData("con.pdf")]
    [InlineData("nul.png")]
    [InlineData("aux.docx")]
    [InlineData("com1.pdf")]
    [InlineData("lpt9.xlsx")]
    public void Windows_device_names_are_refused(string name)
    {
        Assert.Contains("device name", AttachmentNames.Problem(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_have_a_length_limit()
    {
        Assert.Null(AttachmentNames.Problem(new string('a', AttachmentNames.MaxLength - 4) + ".pdf"));
        Assert.NotNull(AttachmentNames.Problem(new string('a', AttachmentNames.MaxLength - 3) + ".pdf"));
    }

    [Theory]
    [InlineData("Leidraad HGD (versie 2).PDF", "leidraad-hgd-versie-2.pdf")]
    [InlineData("Beslisboom beroepsgeheim – geïntegreerd.docx", "beslisboom-beroepsgeheim-geintegreerd.docx")]
    [InlineData("..\\..\\Verslag.pdf", "verslag.pdf")]
    public void A_refused_name_comes_with_the_name_probably_meant(string name, string suggestion)
    {
        Assert.EndsWith($"for example '{suggestion}'.", AttachmentNames.Problem(name), StringComparison.Ordinal);
    }
}
