using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>
/// What editors do with questions: register those by phone, mail or a session, list them per theme and month (open first,
/// similar ones grouped, answer times), close and reopen them, keep their minutes, and turn one into a FAQ question.
/// </summary>
[Collection(OneHelpdeskHost.Name)]
public sealed class HelpdeskEditorTests(HelpdeskHost host)
{
    private const string Questions = "/api/helpdesk/questions";

    [Fact]
    public async Task Registered_questions_are_listed_per_theme_and_month_open_first_with_similar_ones_grouped()
    {
        var alike = await Register("telefoon", "Mag ik zonder toestemming van de ouders informatie delen met de school?", "2025-03-10");
        var again = await Register("mail", "Mogen we informatie delen met de school zonder toestemming van ouders?", "2025-03-12");
        var other = await Register("sessie", "Hoe lang bewaren we een leerlingendossier?", "2025-03-11");
        await Register("telefoon", "Een vraag van april.", "2025-04-01");
        await host.AnswerAsync(again, "Nee, niet zonder toestemming.");

        const string March = $"{Questions}?theme=beroepsgeheim-en-drm&month=2025-03";
        var list = await host.Editor.GetFromJsonAsync<JsonElement>(March);
        var answered = await host.Editor.GetFromJsonAsync<JsonElement>($"{March}&status=answered");
        var paged = await host.Editor.GetFromJsonAsync<JsonElement>($"{March}&pageSize=1&page=2");

        Assert.Equal([other, alike, again], Ids(list.GetProperty("items")));
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var group = Assert.Single(list.GetProperty("similar").EnumerateArray());
        Assert.Equal([again, alike], Ids(group.GetProperty("questions")));
        Assert.Equal([again], Ids(answered.GetProperty("items")));
        Assert.Equal(3, paged.GetProperty("total").GetInt32());
        Assert.Equal([alike], Ids(paged.GetProperty("items")));
        var times = list.GetProperty("answerTimes");
        Assert.Equal(1, times.GetProperty("answered").GetInt32());
        Assert.True(times.GetProperty("medianHours").GetDouble() > 24);
        var first = list.GetProperty("items")[1];
        Assert.Equal(("telefoon", "Lies Verhoeven", 12), (first.GetProperty("channel").GetString(),
            first.GetProperty("registeredByName").GetString(), first.GetProperty("minutes").GetInt32()));
        Assert.Equal(["arts", "clb-medewerker"], first.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("GO! CLB Brussel", first.GetProperty("centre").GetProperty("label").GetString());
        var detail = await host.Editor.GetFromJsonAsync<JsonElement>($"{Questions}/{alike}");
        Assert.Equal([again], Ids(detail.GetProperty("similar")));
    }

    [Fact]
    public async Task A_registration_that_does_not_hold_is_coded_at_its_fields()
    {
        var response = await host.Editor.PostAsJsonAsync($"{Questions}/registrations", new
        {
            channel = "website", text = "Vraag", theme = "decreet-leersteun", centre = "nergens", roles = new[] { "piloot" },
            minutes = 601, askedAt = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var staff = await host.Staff.PostAsJsonAsync($"{Questions}/registrations", new { channel = "telefoon" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            ["askedAt date-in-future", "centre unknown-term", "channel invalid-channel", "minutes out-of-range", "roles unknown-term"],
            problem.GetProperty("fieldErrors").EnumerateArray()
                .Select(e => $"{e.GetProperty("field").GetString()} {e.GetProperty("code").GetString()}").Order());
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public async Task A_question_is_closed_reopened_answered_and_made_a_faq_question()
    {
        var id = await host.AskAsync(host.Staff, "Wie betaalt het leerlingenvervoer naar het buitengewoon onderwijs?");
        Assert.Equal(HttpStatusCode.Conflict, (await host.Editor.GetAsync($"{Questions}/{id}/faq-draft")).StatusCode);

        var closed = await HelpdeskHost.Json(await host.Editor.PostAsync($"{Questions}/{id}/close", null));
        var refused = await host.Editor.PostAsJsonAsync($"{Questions}/{id}/answer", new { text = "De gemeente." });
        var reopened = await HelpdeskHost.Json(await host.Editor.PostAsync($"{Questions}/{id}/reopen", null));
        await host.AnswerAsync(id, "De Vlaamse overheid, via de school.", "fiche-leersteun");
        var minutes = await HelpdeskHost.Json(await host.Editor.PutAsJsonAsync($"{Questions}/{id}/minutes", new { minutes = 25 }));
        var draft = await host.Editor.GetFromJsonAsync<JsonElement>($"{Questions}/{id}/faq-draft");
        var unknown = await host.Editor.PostAsJsonAsync($"{Questions}/{id}/faq", new { slug = "faq-leersteun", anchor = "geen-vraag" });
        var recorded = await HelpdeskHost.Json(await host.Editor.PostAsJsonAsync($"{Questions}/{id}/faq",
            new { slug = "faq-leersteun", anchor = "wie-vraagt-leersteun-aan" }));

        Assert.Equal(("closed", "open"), (closed.GetProperty("status").GetString(), reopened.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(25, minutes.GetProperty("minutes").GetInt32());
        Assert.Equal(("faq-leersteun", true), (draft.GetProperty("slug").GetString(), draft.GetProperty("exists").GetBoolean()));
        Assert.EndsWith("## Wie betaalt het leerlingenvervoer naar het buitengewoon onderwijs?\n\nDe Vlaamse overheid, via de school.\n\n"
            + "Lees meer:\n\n- [Fiche leersteun](/materials/fiche-leersteun)\n", draft.GetProperty("text").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("wie-betaalt-het-leerlingenvervoer-naar-het-buitengewoon-onderwijs", draft.GetProperty("anchor").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("wie-vraagt-leersteun-aan", recorded.GetProperty("faq").GetProperty("anchor").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Editor.PostAsync($"{Questions}/987654/close", null)).StatusCode);
    }

    private async Task<long> Register(string channel, string text, string askedAt)
    {
        var response = await host.Editor.PostAsJsonAsync($"{Questions}/registrations", new
        {
            channel, text, theme = "beroepsgeheim-en-drm", centre = "brussel", roles = new[] { "arts" }, minutes = 12, askedAt,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await HelpdeskHost.Json(response)).GetProperty("id").GetInt64();
    }

    private static List<long> Ids(JsonElement items) => [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
}
