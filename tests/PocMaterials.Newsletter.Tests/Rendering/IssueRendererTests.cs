using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;

namespace PocMaterials.Newsletter.Tests.Rendering;

public sealed class IssueRendererTests(NewsletterDatabase db) : IClassFixture<NewsletterDatabase>
{
    private static readonly NewsletterIssue Issue = new()
    {
        Id = 7,
        Month = new DateOnly(2026, 12, 1),
        Feature = new Feature(FeatureKind.Theme, "decreet-leersteun"),
        FeatureReason = "Gepland in newsletter.yml.",
        IntroMarkdown = "Het decreet **leersteun** <script>alert(1)</script> en [meer](javascript:alert(2)).",
        Composition = new IssueComposition(
            new DateOnly(2026, 11, 1),
            ["faq-leersteun", "medisch-leersteun"],
            ["fiche-verslag"],
            ["leidraad-lsc", "ontwerp-leersteun"],
            ["arts-fiche", "beroepsgeheim-fiche"]),
        Status = IssueStatus.Approved,
        ComposedAt = DateTimeOffset.UtcNow,
    };

    private static readonly RecipientLinks Links =
        new("https://poc.example.org/u?t=1", "https://poc.example.org/nieuwsbrieven/2026-12", "https://poc.example.org/n/o/x");

    private IssueView? ViewFor(params string[] roles) =>
        IssueView.For(
            Issue,
            db.Snapshot,
            new StaffMember("lezer", roles, "gent"),
            NewsletterDatabase.Today,
            slug => db.Links.Click(Issue.Id, 42, slug));

    [Fact]
    public void Each_reader_sees_only_the_materials_their_roles_may_see()
    {
        var staff = ViewFor()!;
        var doctor = ViewFor("arts")!;

        static List<string> Slugs(IssueView view) => view.Groups.SelectMany(g => g.Materials).Select(m => m.Slug).ToList();
        Assert.Equal(["faq-leersteun", "fiche-verslag", "leidraad-lsc", "beroepsgeheim-fiche"], Slugs(staff));
        Assert.Equal(
            ["faq-leersteun", "medisch-leersteun", "fiche-verslag", "leidraad-lsc", "arts-fiche", "beroepsgeheim-fiche"],
            Slugs(doctor));
        // A draft is never shown, whatever the composition says.
        Assert.DoesNotContain("ontwerp-leersteun", Slugs(doctor));
    }

    [Fact]
    public void A_reader_who_may_see_nothing_gets_no_view()
    {
        var onlyForDoctors = Issue with { Composition = new IssueComposition(Issue.Month, ["medisch-leersteun"], [], [], ["arts-fiche"]) };

        IssueView? For(params string[] roles) =>
            IssueView.For(onlyForDoctors, db.Snapshot, new StaffMember("lezer", roles, "gent"), NewsletterDatabase.Today, slug => slug);
        Assert.Null(For());
        Assert.NotNull(For("arts"));
    }

    [Fact]
    public void The_HTML_mail_is_a_table_layout_with_inline_styles_escaped_text_and_tracked_links()
    {
        var mail = new IssueRenderer().Mail(ViewFor()!, "Els <De Smet>", Links);

        Assert.Equal("POC-a-tizer december 2026: Decreet leersteun in de kijker", mail.Subject);
        Assert.Contains("<table role=\"presentation\"", mail.Html, StringComparison.Ordinal);
        // Fluid up to 600px; only Outlook on Windows, which knows no max-width, gets a fixed width, in its own comment.
        Assert.Contains("max-width:600px", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<!--[if mso]><table role=\"presentation\" width=\"600\"", mail.Html, StringComparison.Ordinal);
        var outsideOutlook = System.Text.RegularExpressions.Regex.Replace(mail.Html, "<!--\\[if mso\\]>.*?<!\\[endif\\]-->", "");
        Assert.DoesNotMatch("width=\"[2-9][0-9]{2}\"|(?<!max-)width:[2-9][0-9]{2}px", outsideOutlook);
        Assert.Contains("style=\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Els &lt;De Smet&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Fiche verslag &amp; gemotiveerd verslag", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>leersteun</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("An Jacobs", mail.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://poc.example.org/n/c/", mail.Html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://poc.example.org/n/o/x\"", mail.Html, StringComparison.Ordinal);
        // Handlebars writes '=' in attributes as an entity, as Handlebars.js does; a browser reads it back.
        Assert.Contains("href=\"https://poc.example.org/u?t=1\"", System.Net.WebUtility.HtmlDecode(mail.Html), StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_alternative_has_no_markup_and_every_link_written_out()
    {
        var mail = new IssueRenderer().Mail(ViewFor()!, "Els", Links with { OpenPixelUrl = null });

        Assert.DoesNotContain("<", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Dag Els,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Fiche verslag & gemotiveerd verslag (Fiche)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://poc.example.org/n/c/", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Uitschrijven: https://poc.example.org/u?t=1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Je aanspreekpunt: An Jacobs (Aanspreekpunt decreet leersteun)", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_alternative_keeps_the_targets_of_the_introductions_links()
    {
        var issue = Issue with
        {
            IntroMarkdown = "Lees [de omzendbrief](https://onderwijs.example.org/omzendbrief), vraag [An](mailto:an@example.org) "
                + "of kijk op <https://poc.example.org/themas>. [Niet dit](javascript:alert(1)).",
        };
        var view = IssueView.For(issue, db.Snapshot, new StaffMember("lezer", [], "gent"), NewsletterDatabase.Today, slug => slug)!;

        var text = new IssueRenderer().Mail(view, "Els", Links).Text;

        Assert.Contains(
            "Lees de omzendbrief [https://onderwijs.example.org/omzendbrief], vraag An [mailto:an@example.org] "
            + "of kijk op https://poc.example.org/themas. Niet dit.",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_in_the_configured_folder_replaces_the_default_of_its_name()
    {
        var folder = Path.Combine(db.Content.Root, "templates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, IssueRenderer.MailTextTemplate), "Eigen sjabloon voor {{recipientName}}: {{featureTitle}}");

        var renderer = new IssueRenderer(folder);
        var mail = renderer.Mail(ViewFor()!, "Els", new RecipientLinks("u", "a", null));

        Assert.Equal("Eigen sjabloon voor Els: Decreet leersteun", mail.Text);
        Assert.Contains("<table", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>Decreet leersteun in de kijker</h1>", renderer.Archive(ViewFor()!), StringComparison.Ordinal);
    }
}
