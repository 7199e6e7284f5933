using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Reach;

/// <summary>
/// "Was dit nuttig?" through the real host and PostgreSQL: a vote is taken (201), changed within 30 days (200) and taken
/// anew after them; each staff member has a vote of their own and reads back only theirs; a role votes only on what it may
/// see; bad votes are refused with stable codes; editors read the votes per material and answer, and "verouderd" votes
/// move a material up the review queue.
/// </summary>
public sealed class FeedbackTests : HostFixture
{
    private const string Faq = "/api/materials/faq-leersteun/feedback";

    /// <summary>Real time, so the tokens the host signs are valid now; moved on by the test.</summary>
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(_clock);

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]",
            "## Wie vraagt leersteun aan?\nDe school.\n\n## Hoe lang duurt het?\nEen maand.\n");
        Folder.WriteMaterial("fiche-intake", "title: Fiche intake\ntype: fiche", "Tekst.");
        Folder.WriteMaterial("fiche-arts", "title: Fiche voor artsen\ntype: fiche\nroles: [arts]", "Tekst.");
        return Task.CompletedTask;
    }

    private async Task<string> AnchorAsync(HttpClient client, int question) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/materials/faq-leersteun"))
            .GetProperty("questions")[question].GetProperty("anchor").GetString()!;

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, string url, object vote) => client.PostAsJsonAsync(url, vote);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The caller's own votes on the FAQ, by anchor ("" the material).</summary>
    private static async Task<Dictionary<string, JsonElement>> MineAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(Faq + "/mine")).GetProperty("votes").EnumerateArray()
            .ToDictionary(v => v.GetProperty("anchor").GetString()!, v => v);

    [Fact]
    public async Task A_vote_is_taken_changed_within_30_days_and_taken_anew_after_them_and_each_viewer_has_and_reads_their_own()
    {
        // Tokens are made before the clock moves: the host dates them by its clock, bearer validation by the real one.
        var staff = await App.ClientFor([]);
        var other = await App.ClientFor([]);
        var editor = await App.ClientFor(["redacteur"]);
        var anchor = await AnchorAsync(staff, 0);

        var first = await VoteAsync(staff, Faq, new { helpful = false, reason = "onduidelijk", anchor });
        _clock.Now += TimeSpan.FromDays(29);
        var changed = await VoteAsync(staff, Faq, new { helpful = false, reason = "verouderd", comment = "Klopt niet meer.", anchor });
        var second = await VoteAsync(other, Faq, new { helpful = true, anchor });
        var material = await VoteAsync(staff, Faq, new { helpful = true });
        var mine = await MineAsync(staff);
        var others = await MineAsync(other);
        var editors = await MineAsync(editor);
        _clock.Now += TimeSpan.FromDays(2);
        var anew = await VoteAsync(staff, Faq, new { helpful = true, anchor });
        var mineAnew = await MineAsync(staff);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("verouderd", (await JsonAsync(changed)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, material.StatusCode);
        Assert.Equal(HttpStatusCode.Created, anew.StatusCode);
        Assert.Equal(4, await App.CountAsync("SELECT count(*) FROM material_feedback"));
        // Each reads back the vote a new one would replace, theirs only: the change, not the first; the new one after 30 days.
        Assert.Equal(["", anchor], mine.Keys.Order(StringComparer.Ordinal));
        Assert.True(mine[""].GetProperty("helpful").GetBoolean());
        Assert.False(mine[anchor].GetProperty("helpful").GetBoolean());
        Assert.Equal("verouderd", mine[anchor].GetProperty("reason").GetString());
        Assert.Equal("Klopt niet meer.", mine[anchor].GetProperty("comment").GetString());
        Assert.Equal(_clock.Now - TimeSpan.FromDays(2), mine[anchor].GetProperty("votedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.True(Assert.Single(others).Value.GetProperty("helpful").GetBoolean());
        Assert.Empty(editors);
        Assert.True(mineAnew[anchor].GetProperty("helpful").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mineAnew[anchor].GetProperty("reason").ValueKind);
        Assert.True(mineAnew[""].GetProperty("helpful").GetBoolean());
        var report = await editor.GetFromJsonAsync<JsonElement>(Faq);
        var answer = report.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("anchor").GetString() == anchor);
        Assert.Equal("Wie vraagt leersteun aan?", answer.GetProperty("question").GetString());
        Assert.Equal(2, answer.GetProperty("votes").GetProperty("helpful").GetInt32());
        Assert.Equal(1, answer.GetProperty("votes").GetProperty("notHelpful").GetInt32());
        Assert.Equal(1, answer.GetProperty("votes").GetProperty("reasons").GetProperty("verouderd").GetInt32());
        Assert.Equal(0, answer.GetProperty("votes").GetProperty("reasons").GetProperty("onduidelijk").GetInt32());
        Assert.Equal(1, report.GetProperty("material").GetProperty("helpful").GetInt32());
        var comment = Assert.Single(report.GetProperty("latestComments").EnumerateArray());
        Assert.Equal("Klopt niet meer.", comment.GetProperty("comment").GetString());
        Assert.Equal(anchor, comment.GetProperty("anchor").GetString());
    }

    [Fact]
    public async Task A_role_votes_only_on_what_it_may_see_and_a_bad_vote_is_refused_with_its_code()
    {
        var staff = await App.ClientFor([]);
        var doctor = await App.ClientFor(["arts"]);

        var hidden = await VoteAsync(staff, "/api/materials/fiche-arts/feedback", new { helpful = true });
        var unknown = await VoteAsync(staff, "/api/materials/bestaat-niet/feedback", new { helpful = true });
        var seen = await VoteAsync(doctor, "/api/materials/fiche-arts/feedback", new { helpful = true });
        var noAnchor = await VoteAsync(staff, Faq, new { helpful = true, anchor = "geen-vraag" });
        var tooLong = await VoteAsync(staff, Faq, new { helpful = false, reason = "onvolledig", comment = new string('x', 501) });
        var badReason = await VoteAsync(staff, Faq, new { helpful = false, reason = "saai" });
        var nul = await VoteAsync(staff, Faq, new { helpful = false, reason = "onvolledig", comment = "Half\0af" });
        var noReason = await VoteAsync(staff, Faq, new { helpful = false });
        var reasonWithYes = await VoteAsync(staff, Faq, new { helpful = true, reason = "verouderd" });
        var justFits = await VoteAsync(staff, Faq, new { helpful = false, reason = "onvolledig", comment = new string('x', 500) });
        var staffReads = await staff.GetAsync(Faq);
        var hiddenMine = await staff.GetAsync("/api/materials/fiche-arts/feedback/mine");
        var unknownMine = await staff.GetAsync("/api/materials/bestaat-niet/feedback/mine");
        var seenMine = await doctor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-arts/feedback/mine");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Created, seen.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAnchor.StatusCode);
        Assert.Equal("unknown-anchor", (await JsonAsync(noAnchor)).GetProperty("code").GetString());
        foreach (var (response, code) in new[]
        {
            (tooLong, "comment-too-long"), (badReason, "unknown-reason"), (nul, "control-character"), (noReason, "reason-required"),
            (reasonWithYes, "only-with-no"),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, (await JsonAsync(response)).GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.Created, justFits.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownMine.StatusCode);
        Assert.True(Assert.Single(seenMine.GetProperty("votes").EnumerateArray()).GetProperty("helpful").GetBoolean());
        Assert.Equal(2, await App.CountAsync("SELECT count(*) FROM material_feedback"));
        Assert.Equal(1, await App.CountAsync("SELECT count(*) FROM material_feedback WHERE material_slug = 'fiche-arts'"));
    }

    [Fact]
    public async Task Outdated_votes_move_a_material_up_the_review_queue_and_the_report_lists_the_most_no_first()
    {
        var editor = await App.ClientFor(["redacteur"]);
        for (var i = 0; i < 2; i++)
        {
            var staff = await App.ClientFor([]);
            Assert.Equal(HttpStatusCode.Created, (await VoteAsync(staff, "/api/materials/fiche-intake/feedback",
                new { helpful = false, reason = "verouderd" })).StatusCode);
            await VoteAsync(staff, Faq, i == 0 ? new { helpful = true, reason = (string?)null }
                : new { helpful = false, reason = (string?)"onduidelijk" });
        }

        var health = await editor.GetFromJsonAsync<JsonElement>("/api/reports/content-health");
        var report = await editor.GetFromJsonAsync<JsonElement>("/api/reports/feedback");

        var queued = health.GetProperty("reviewQueue")[0];
        Assert.Equal("fiche-intake", queued.GetProperty("slug").GetString());
        Assert.Equal(2, queued.GetProperty("outdatedVotes").GetInt32());
        Assert.False(queued.GetProperty("dueForReview").GetBoolean());
        Assert.Empty(health.GetProperty("pastReview").EnumerateArray());
        var most = report.GetProperty("mostNotHelpful");
        Assert.Equal(["fiche-intake", "faq-leersteun"], most.EnumerateArray().Select(m => m.GetProperty("slug").GetString()));
        Assert.Equal(2, most[0].GetProperty("votes").GetProperty("reasons").GetProperty("verouderd").GetInt32());
        Assert.Equal(4, report.GetProperty("total").GetProperty("votes").GetInt32());
        var theme = Assert.Single(report.GetProperty("themes").EnumerateArray());
        Assert.Equal("decreet-leersteun", theme.GetProperty("key").GetString());
        Assert.Equal(1, theme.GetProperty("votes").GetProperty("notHelpful").GetInt32());
    }
}
