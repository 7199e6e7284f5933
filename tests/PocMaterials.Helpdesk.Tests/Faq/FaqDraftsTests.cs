using PocMaterials.Content.Materials;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Tests.Faq;

/// <summary>"Maak er een FAQ-vraag van": the draft is the theme's FAQ list with the question added, or a new valid FAQ list.</summary>
public sealed class FaqDraftsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly HelpdeskDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void The_question_is_added_to_the_end_of_the_themes_faq_list_which_stays_as_it_was_above_it()
    {
        var question = Answered("Mag een leersteuncentrum\nweigeren?", "decreet-leersteun", "Nee, *niet* zonder reden.");

        var draft = _db.Drafts.Draft(question);

        Assert.Equal(("faq-leersteun", true), (draft.Slug, draft.Exists));
        Assert.Equal(HelpdeskDatabase.FaqText.TrimEnd('\n') + "\n\n## Mag een leersteuncentrum weigeren?\n\nNee, *niet* zonder reden.\n\n"
            + "Lees meer:\n\n- [Fiche leersteun](/materials/fiche-leersteun)\n", draft.Text);
        var published = Publish(draft.Slug, draft.Text);
        Assert.Equal(["wie-vraagt-leersteun-aan", "mag-een-leersteuncentrum-weigeren"], published.Questions.Select(q => q.Anchor));
        Assert.Equal(draft.Anchor, published.Questions[^1].Anchor);
        Assert.Contains("# kept as written", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_theme_without_a_faq_list_gets_a_new_valid_draft_list_of_its_own()
    {
        var question = Answered("Wie beslist over het delen van info?", "beroepsgeheim-en-drm", "De ouders, met de leerling.") with
        {
            CoreProcess = "begeleiding",
        };

        var draft = _db.Drafts.Draft(question);

        Assert.Equal(("faq-beroepsgeheim-en-drm", false), (draft.Slug, draft.Exists));
        var created = Publish(draft.Slug, draft.Text);
        Assert.Equal(("FAQ Beroepsgeheim en DRM", "faq", MaterialStatus.Draft), (created.Title, created.Type, created.Status));
        Assert.Equal(["beroepsgeheim-en-drm"], created.Themes);
        Assert.Equal(["begeleiding"], created.CoreProcesses);
        Assert.Equal(draft.Anchor, created.Questions.Single().Anchor);
        Assert.StartsWith(
            "De ouders, met de leerling.\nLees meer:\nFiche leersteun", created.Questions.Single().AnswerText, StringComparison.Ordinal);
    }

    /// <summary>Writes the draft as an editor's publication would and reads it as the library does: no error, served.</summary>
    private Material Publish(string slug, string text)
    {
        _db.Content.Write($"content/materials/{slug}.md", text);
        var change = _db.Library.Reload();
        Assert.Empty(change.Snapshot.Errors);
        return change.Snapshot.Materials[slug];
    }

    private static HelpdeskQuestion Answered(string text, string theme, string answer) =>
        new(1, At, Channels.Website, text, theme, null, null, ["clb-medewerker"], "gent", null, null, QuestionStatus.Answered,
            new QuestionAnswer(answer, ["fiche-leersteun"], At.AddHours(1), At.AddHours(1), "editor-subject"), null, null, false);
}
