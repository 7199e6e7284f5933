using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Parsing;

/// <summary>
/// Every content error has a stable code and the values a page words it with: each code made by a real bad file, loaded by
/// the library as a file on disk is.
/// </summary>
public sealed class ContentErrorCodesTests
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The codes no file in a content folder alone makes, and where they are made.</summary>
    private static readonly Dictionary<string, string> MadeElsewhere = new(StringComparer.Ordinal)
    {
        [ContentErrorCodes.InvalidAddress] = "a theme's image that is no address: Web.Tests' DefinitionFormTests",
        [ContentErrorCodes.NotEditable] = "a form's edit of a list written [...]: Web.Tests' DefinitionFormTests",
        [ContentErrorCodes.InUse] = "a definition change that breaks a material: Web.Tests' ContentErrorCodeApiTests",
        [ContentErrorCodes.LoneSurrogate] = "no file or request holds one (decoding replaces or refuses it): see the parser's test below",
        [ContentErrorCodes.Unparsable] = "a parser that throws: every file a parser cannot read is one of the other codes",
    };

    public static TheoryData<string> Codes => new(BadContentFiles.All.Select(f => f.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void A_bad_file_is_an_error_with_its_code_field_and_values(string code)
    {
        var bad = BadContentFiles.Of(code);
        using var folder = ContentFolder.WithFixture();
        folder.Write(bad.File, bad.Text);

        var error = Assert.Single(ErrorsOf(folder), e => e.File == bad.File);

        Assert.Equal((code, bad.Field), (error.Code, error.Field));
        if (bad.Values is not null)
            Assert.Equal(bad.Values, JsonSerializer.Serialize(error.Fault.Values, Json));
        else
            Assert.False(string.IsNullOrWhiteSpace(error.Fault.Values["reason"] as string));
    }

    [Fact]
    public void Two_files_of_one_name_are_a_duplicate_slug_naming_the_first()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: T\ntype: fiche", folder: "a");
        folder.WriteMaterial("fiche", "title: T\ntype: fiche", folder: "b");

        var error = Assert.Single(ErrorsOf(folder));

        Assert.Equal(("content/materials/b/fiche.md", "slug", "duplicate"), (error.File, error.Field, error.Code));
        Assert.Equal("""{"value":"fiche","file":"content/materials/a/fiche.md"}""", JsonSerializer.Serialize(error.Fault.Values, Json));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_unreadable_with_the_reason()
    {
        using var folder = ContentFolder.WithFixture();
        // A link to nothing: the folder lists it, reading it fails.
        File.CreateSymbolicLink(Path.Combine(folder.ContentPath, "materials", "weg.md"), Path.Combine(folder.Root, "nergens.md"));

        var error = Assert.Single(ErrorsOf(folder));

        Assert.Equal(("content/materials/weg.md", "file", "unreadable"), (error.File, error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Fault.Values["reason"] as string));
    }

    [Fact]
    public void Every_code_is_made_by_a_bad_file_or_said_where_it_is_made()
    {
        var codes = typeof(ContentErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);
        var made = BadContentFiles.All.Select(f => f.Code)
            .Concat(["duplicate", "unreadable"]).Concat(MadeElsewhere.Keys).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(codes, made);
    }

    [Fact]
    public void Text_with_half_a_surrogate_pair_is_a_lone_surrogate()
    {
        // No UTF-8 file holds one, YAML refuses to escape one and JSON readers refuse it too: only text made in code does.
        using var folder = ContentFolder.WithFixture();
        using var library = new ContentLibrary(folder.Location);
        var content = library.Reload().Snapshot;
        var vocabulary = new MaterialVocabulary(content.Taxonomy, new Dictionary<string, string?>(), new HashSet<string>());
        var errors = new List<ContentError>();

        MaterialParser.Parse("half", "---\ntitle: Half \uD800\ntype: fiche\n---\nTekst.\n", BadContentFiles.Material, vocabulary, errors);

        var error = Assert.Single(errors);
        Assert.Equal(("title", "lone-surrogate", 2), (error.Field, error.Code, error.Line));
        Assert.Equal("""{"character":"U+D800"}""", JsonSerializer.Serialize(error.Fault.Values, Json));
    }

    private static IReadOnlyList<ContentError> ErrorsOf(ContentFolder folder)
    {
        using var library = new ContentLibrary(folder.Location, maxFileBytes: BadContentFiles.MaxFileBytes);
        return library.Reload().Snapshot.Errors;
    }
}
