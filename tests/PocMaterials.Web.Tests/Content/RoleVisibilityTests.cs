using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Content;

/// <summary>
/// For every role of the sample taxonomy: no search hit, total, facet count, snippet, suggestion,
/// page or related link exposes a material that role may not see.
/// </summary>
public sealed partial class RoleVisibilityTests() : HostFixture(ContentFolder.WithSampleContent())
{
    private ContentSnapshot _content = null!;

    protected override Task StartedAsync()
    {
        using var library = new ContentLibrary(Folder.Location);
        _content = library.Reload().Snapshot;
        return Task.CompletedTask;
    }

    public static TheoryData<string> Roles()
    {
        using var library = new ContentLibrary(new ContentLocation(
            Path.Combine(ContentFolder.RepositoryRoot, "content"), Path.Combine(ContentFolder.RepositoryRoot, "themes")));
        return new TheoryData<string>(library.Reload().Snapshot.Taxonomy.Roles.All.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Nothing_a_role_may_not_see_reaches_it(string role)
    {
        var client = await App.ClientFor([role]);
        var viewer = new StaffMember("test", [role], "gent");
        var today = new StaffCalendar(TimeProvider.System).Today;
        var visible = _content.Materials.Values.Where(m => m.IsVisibleTo(viewer, today)).ToDictionary(m => m.Slug);
        var hidden = _content.Materials.Values.Where(m => !visible.ContainsKey(m.Slug)).ToList();
        var visibleWords = visible.Values
            .SelectMany(m => Words($"{m.Title} {m.Summary} {string.Join(' ', m.Tags)} {m.BodyText}"))
            .ToHashSet();
        if (role != StaffRoles.Editor)
            Assert.NotEmpty(hidden);

        foreach (var query in Queries())
        {
            var (total, hits, facets, didYouMean) = await SearchAll(client, query);
            Assert.All(hits, h => Assert.True(visible.ContainsKey(h.Slug), $"'{query}' showed {h.Slug} to {role}"));
            Assert.Equal(total, hits.Count);
            foreach (var (dimension, count) in facets)
                Assert.True(count <= total, $"facet {dimension} counts {count} of {total} for '{query}'");
            Assert.Equal(total, facets.Where(f => f.Dimension == "type").Sum(f => f.Count));
            foreach (var hit in hits)
            {
                // Every marked word of a snippet is a word of the visible material it belongs to.
                foreach (Match mark in MarkedWord().Matches(hit.Snippet))
                    Assert.Contains(
                        Fold(WebUtility.HtmlDecode(mark.Groups[1].Value)),
                        Fold(visible[hit.Slug].BodyText + " " + visible[hit.Slug].Summary));
            }
            if (didYouMean is not null)
                Assert.All(Words(didYouMean), w => Assert.Contains(w, visibleWords));
            // Search-as-you-type offers no title or question of a material the role may not see.
            using var suggest = JsonDocument.Parse(await client.GetStringAsync($"/api/suggest?q={Uri.EscapeDataString(query)}"));
            foreach (var url in suggest.RootElement.GetProperty("suggestions")
                .EnumerateArray()
                .Select(c => c.GetProperty("url").GetString()))
            {
                if (url?.StartsWith("/materials/", StringComparison.Ordinal) == true)
                    Assert.True(visible.ContainsKey(url["/materials/".Length..].Split('#')[0]), $"'{query}' suggested {url} to {role}");
            }
        }

        foreach (var material in hidden)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/materials/{material.Slug}")).StatusCode);
        foreach (var material in visible.Values)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/materials/{material.Slug}"));
            Assert.All(
                page.RootElement.GetProperty("related").EnumerateArray(),
                r => Assert.True(visible.ContainsKey(r.GetProperty("slug").GetString()!)));
        }
        using var themes = JsonDocument.Parse(await client.GetStringAsync("/api/themes"));
        foreach (var theme in themes.RootElement.EnumerateArray())
        {
            var id = theme.GetProperty("id").GetString()!;
            Assert.Equal(visible.Values.Count(m => m.Themes.Contains(id)), theme.GetProperty("materialCount").GetInt32());
        }
    }

    /// <summary>Browsing, every title word, words and near-misses of every restricted material, and filters.</summary>
    private IEnumerable<string> Queries()
    {
        var restricted = _content.Materials.Values
            .Where(m => m.Status == MaterialStatus.Draft
                || m.Published > DateOnly.FromDateTime(DateTime.UtcNow)
                || !m.Roles.Contains(StaffRoles.Everyone))
            .ToList();
        var words = _content.Materials.Values.SelectMany(m => Words(m.Title))
            .Concat(restricted.SelectMany(m => Words(m.BodyText).Where(w => w.Length >= 7).Distinct().Take(25)))
            .Where(w => w.Length >= 4)
            .Distinct()
            .ToList();
        // Drop one letter: a typo that a suggestion would correct.
        var typos = words.Where(w => w.Length >= 7).Select(w => w.Remove(w.Length / 2, 1));
        return new[] { "" }.Concat(words).Concat(typos).Concat(restricted.Select(m => m.Title)).Distinct();
    }

    private static async Task<(
        int Total,
        List<(string Slug, string Snippet)> Hits,
        List<(string Dimension, int Count)> Facets,
        string? DidYouMean)> SearchAll(HttpClient client, string query)
    {
        var hits = new List<(string, string)>();
        var facets = new List<(string, int)>();
        string? didYouMean = null;
        var total = 0;
        for (var page = 1; page == 1 || hits.Count < total; page++)
        {
            using var body = JsonDocument.Parse(
                await client.GetStringAsync($"/api/search?pageSize=100&page={page}&q={Uri.EscapeDataString(query)}"));
            var root = body.RootElement;
            total = root.GetProperty("total").GetInt32();
            var pageHits = root.GetProperty("hits")
                .EnumerateArray()
                .Select(h => (h.GetProperty("slug").GetString()!, h.GetProperty("snippet").GetString()!))
                .ToList();
            hits.AddRange(pageHits);
            if (page == 1)
            {
                didYouMean = root.GetProperty("didYouMean").GetString();
                foreach (var dimension in root.GetProperty("facets").EnumerateObject())
                    facets.AddRange(dimension.Value.EnumerateArray().Select(v => (dimension.Name, v.GetProperty("count").GetInt32())));
            }
            if (pageHits.Count == 0)
                break;
        }
        return (total, hits, facets, didYouMean);
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(Fold(text)).Select(m => m.Value);

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkedWord();
}
