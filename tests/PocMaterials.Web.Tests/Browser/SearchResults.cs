using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>What the search page announces of its results.</summary>
public static partial class SearchResults
{
    /// <summary>The count the page announces, once its search has answered (while it runs, it says "Zoeken…").</summary>
    public static async Task<int> HitCount(IPage page)
    {
        var status = page.Locator("main [role=status]");
        await Expect(status).ToHaveTextAsync(HitCountPattern());
        return int.Parse(
            HitCountPattern().Match((await status.TextContentAsync())!).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The announcement of a search that has answered: its first group is the count.</summary>
    [GeneratedRegex(@"^(\d+) materia")]
    public static partial Regex HitCountPattern();
}
