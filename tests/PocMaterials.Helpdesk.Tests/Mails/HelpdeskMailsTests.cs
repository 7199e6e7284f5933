using System.Text.RegularExpressions;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Tests.Mails;

/// <summary>The helpdesk's mails: the contact's says what was asked and by which role and centre, the asker's carries the answer.</summary>
public sealed partial class HelpdeskMailsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly HelpdeskDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void The_contacts_mail_names_the_question_its_theme_material_role_and_centre_and_links_to_the_editors_page()
    {
        var question = Question() with
        {
            MaterialSlug = "fiche-leersteun", CoreProcess = "begeleiding", Roles = ["arts", "clb-medewerker"],
        };

        var mail = _db.Composer.Question(question, _db.Library.Current, "an.jacobs@example.org");

        Assert.Equal(
            ("question", "an.jacobs@example.org", "Nieuwe vraag over Decreet leersteun"), (mail.Kind, mail.Recipient, mail.Subject));
        foreach (var part in new[] { mail.Html, mail.Text })
        {
            Assert.Contains("Mag een school &lt;leersteun&gt; weigeren?", mail.Html, StringComparison.Ordinal);
            Assert.Contains("Arts", part, StringComparison.Ordinal);
            Assert.DoesNotContain("CLB-medewerker", part, StringComparison.Ordinal);
            Assert.Contains("GO! CLB Gent", part, StringComparison.Ordinal);
            Assert.Contains("Begeleiding", part, StringComparison.Ordinal);
            Assert.Contains("Fiche leersteun", part, StringComparison.Ordinal);
            Assert.Contains($"{HelpdeskDatabase.PublicBaseUrl}/redactie/vragen/7", part, StringComparison.Ordinal);
        }
        Assert.Contains("Mag een school <leersteun> weigeren?", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_askers_mail_holds_the_answer_its_materials_as_helpdesk_views_and_five_one_click_scores()
    {
        var question = Question() with
        {
            Status = QuestionStatus.Answered,
            Answer = new QuestionAnswer(
                "Nee, **niet** zonder reden. Zie [de omzendbrief](https://onderwijs.example.org/omzendbrief).",
                ["fiche-leersteun", "weg"], At, At, "editor-subject"),
        };

        var mail = _db.Composer.Answer(question, _db.Library.Current, "els@example.org");

        Assert.Equal(("answer", "els@example.org", "an.jacobs@example.org"), (mail.Kind, mail.Recipient, mail.ReplyTo));
        Assert.Contains("<strong>niet</strong>", mail.Html, StringComparison.Ordinal);
        // The plain-text reader gets the words, not the Markdown, and each link's target.
        Assert.Contains(
            "Nee, niet zonder reden. Zie de omzendbrief [https://onderwijs.example.org/omzendbrief].", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hoe tevreden ben je over dit antwoord?", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Hoe tevreden ben je over dit antwoord?", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{HelpdeskDatabase.PublicBaseUrl}/materials/fiche-leersteun?source=helpdesk", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/materials/weg", mail.Text, StringComparison.Ordinal);
        var scores = ScoreLinks().Matches(mail.Text).Select(m => _db.Links.Read(Uri.UnescapeDataString(m.Groups[1].Value))).ToList();
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s!.Score));
        Assert.All(scores, s => Assert.Equal(7, s!.QuestionId));
        Assert.Equal(5, ScoreLinks().Count(mail.Html.Replace("&#x3D;", "=", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_satisfaction_token_that_was_changed_or_made_for_something_else_is_refused()
    {
        var token = _db.Links.Token(7, 4);

        Assert.Equal(new SatisfactionClick(7, 4), _db.Links.Read(token));
        Assert.Null(_db.Links.Read(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        Assert.Null(_db.Links.Read(new Newsletter.Security.SignedTokens(new byte[32]).Sign("unsubscribe", "7.4")));
        Assert.Null(_db.Links.Read(_db.Links.Token(7, 6)));
        Assert.Null(_db.Links.Read(null));
    }

    private static HelpdeskQuestion Question() =>
        new(7, At, Channels.Website, "Mag een school <leersteun> weigeren?", "decreet-leersteun", null, null, ["clb-medewerker"], "gent",
            null, null, QuestionStatus.Open, null, null, null, true);

    [GeneratedRegex(@"/helpdesk/tevredenheid\?token=([A-Za-z0-9%_.\-]+)")]
    private static partial Regex ScoreLinks();
}
