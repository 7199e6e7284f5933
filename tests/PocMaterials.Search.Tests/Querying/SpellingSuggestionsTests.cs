namespace PocMaterials.Search.Tests.Querying;

/// <summary>Typo tolerance and "did you mean".</summary>
public sealed class SpellingSuggestionsTests : IDisposable
{
    private readonly SearchFixture _search = new(MaterialSearcherTests.Write);

    public void Dispose() => _search.Dispose();

    [Fact]
    public void A_typo_finds_the_word_and_suggests_it()
    {
        var result = _search.Search("beroepsgeheym");

        Assert.Equal("beroepsgeheim", result.DidYouMean);
        Assert.Contains("beroepsgeheim-titel", result.Hits.Select(h => h.Slug));
        Assert.Contains(
            "<mark>beroepsgeheim</mark>", result.Hits.Single(h => h.Slug == "verslag-werking").Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_words_get_no_suggestion()
    {
        Assert.Null(_search.Search("beroepsgeheim").DidYouMean);
    }
}
