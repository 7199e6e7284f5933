using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;

namespace PocMaterials.Newsletter.Tests.Composition;

/// <summary>
/// The feature's most viewed materials chosen per reader, among what their roles may see, from the views reach
/// tracking counted in PostgreSQL: materials only other roles may see never push a role's own out of its mail, a list
/// nobody viewed is not called "most viewed", and no reader meets a material their roles may not see.
/// </summary>
public sealed class PersonalisationTests : IAsyncLifetime
{
    private static readonly DateOnly March = new(2027, 3, 1);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private readonly NewsletterDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _db.Content.Write("content/newsletter.yml", "2027-03: decreet-leersteun\n");
        // The nurses' procedures are viewed most; the doctors' ones less; what everyone may see least.
        for (var i = 1; i <= 5; i++)
            Theme($"verpleeg-{i}", $"Verpleegprocedure {i}", "[verpleegkundige]");
        for (var i = 1; i <= 3; i++)
            Theme($"arts-procedure-{i}", $"Artsenprocedure {i}", "[arts]");
        Theme("publiek-extra", "Publieke fiche", null);
        Theme("onbekeken-fiche", "Onbekeken fiche", null);
        _db.Reload();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Each_role_gets_the_most_viewed_of_what_it_may_see_and_the_doctors_mail_differs_from_the_staffs()
    {
        for (var i = 1; i <= 5; i++)
            await _db.ViewsAsync($"verpleeg-{i}", new DateOnly(2027, 1, 10), 100 - i);
        for (var i = 1; i <= 3; i++)
            await _db.ViewsAsync($"arts-procedure-{i}", new DateOnly(2027, 1, 10), 50 - i);
        await _db.ViewsAsync("leidraad-lsc", new DateOnly(2027, 1, 10), 10);
        await _db.ViewsAsync("publiek-extra", new DateOnly(2027, 1, 10), 5);
        var issue = await ComposeAsync();

        Assert.Equal(
            ["arts-procedure-1", "arts-procedure-2", "arts-procedure-3", "leidraad-lsc", "publiek-extra"],
            Group(issue, "Meest bekeken over", "arts"));
        Assert.Equal(
            ["verpleeg-1", "verpleeg-2", "verpleeg-3", "verpleeg-4", "verpleeg-5"], Group(issue, "Meest bekeken over", "verpleegkundige"));
        Assert.Equal(["leidraad-lsc", "publiek-extra"], Group(issue, "Meest bekeken over"));
        // Filled up to five with what nobody viewed, under a title that says no more than that.
        var more = Group(issue, "Meer over");
        Assert.Equal(3, more.Count);
        Assert.All(more, slug => Assert.DoesNotContain(slug, issue.Composition.MostViewed));
        Assert.Empty(Group(issue, "Meer over", "arts"));
    }

    [Fact]
    public async Task A_list_nobody_viewed_is_not_called_most_viewed()
    {
        var issue = await ComposeAsync();

        foreach (var roles in new[] { Array.Empty<string>(), ["arts"], ["verpleegkundige"] })
        {
            var view = View(issue, roles)!;
            Assert.DoesNotContain(view.Groups, g => g.Title.StartsWith("Meest bekeken", StringComparison.Ordinal));
            Assert.DoesNotContain(view.Groups, g => g.Title.StartsWith("Top 3", StringComparison.Ordinal));
            Assert.Equal(IssueView.FeatureOthersShown, Group(issue, "Meer over", roles).Count);
        }
    }

    [Fact]
    public async Task No_reader_meets_a_material_their_roles_may_not_see_in_any_list_or_link_of_the_mail()
    {
        for (var i = 1; i <= 5; i++)
            await _db.ViewsAsync($"verpleeg-{i}", new DateOnly(2027, 2, 10), 100 - i);
        await _db.ViewsAsync("arts-procedure-1", new DateOnly(2027, 2, 10), 60);
        await _db.ViewsAsync("arts-fiche", new DateOnly(2027, 2, 11), 40);
        var issue = await ComposeAsync();
        var renderer = new IssueRenderer();

        foreach (var role in _db.Snapshot.Taxonomy.Roles.All.Select(r => r.Id).Where(r => r != "redacteur"))
        {
            var reader = new StaffMember("lezer", [role], "gent");
            var mail = renderer.Mail(View(issue, [role])!, "Lezer", new RecipientLinks("https://poc.example.org/u", "https://a", null));
            foreach (var hidden in _db.Snapshot.Materials.Values.Where(m => !m.IsVisibleTo(reader, Today)))
            {
                Assert.DoesNotContain($"/materials/{hidden.Slug}", mail.Html + mail.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(hidden.Title, mail.Html + mail.Text, StringComparison.Ordinal);
            }
        }
    }

    private void Theme(string slug, string title, string? roles) => _db.Content.WriteMaterial(
        slug,
        $"title: {title}\ntype: fiche\nthemes: [decreet-leersteun]\npublished: 2024-03-01" + (roles is null ? "" : $"\nroles: {roles}"));

    private async Task<NewsletterIssue> ComposeAsync() =>
        (await _db.Composer.ComposeAsync(March, _db.Snapshot, Today, CancellationToken.None))!;

    private IssueView? View(NewsletterIssue issue, string[] roles) => IssueView.For(
        issue, _db.Snapshot, new StaffMember("lezer", roles, "gent"), Today, slug => $"https://poc.example.org/materials/{slug}");

    /// <returns>The slugs of the reader's group whose title starts so; none when the reader's mail has no such group.</returns>
    private List<string> Group(NewsletterIssue issue, string title, params string[] roles) =>
        View(issue, roles)!.Groups.Where(g => g.Title.StartsWith(title, StringComparison.Ordinal))
            .SelectMany(g => g.Materials).Select(m => m.Slug).ToList();
}
