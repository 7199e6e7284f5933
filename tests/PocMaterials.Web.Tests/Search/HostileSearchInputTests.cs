using System.Net;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Search;

/// <summary>What a hostile caller types into the search API: every answer is a result or a 400 problem, never a 500.</summary>
public sealed class HostileSearchInputTests : HostFixture
{
    private HttpClient _client = null!;

    protected override Task PrepareAsync()
    {
        for (var i = 0; i < 30; i++)
            Folder.WriteMaterial($"ouders-{i}", $"title: Ouders {i}\ntype: fiche", "Een gesprek met ouders.");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync() => _client = await App.ClientFor(["clb-medewerker"]);

    [Theory]
    [InlineData("page=11&pageSize=100")]
    [InlineData("page=1000000&pageSize=100")]
    [InlineData("page=2147483647")]
    [InlineData("page=2147483647&pageSize=100")]
    [InlineData("page=101")]
    public async Task Paging_past_the_result_window_is_a_400_problem(string paging)
    {
        var response = await _client.GetAsync($"/api/search?q=ouders&{paging}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("1000", problem.RootElement.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_page_inside_the_window_answers_with_the_total()
    {
        var response = await _client.GetAsync("/api/search?q=ouders&page=10&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(30, body.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("evil%00")]
    [InlineData("%00%01%02%1F%7F")]
    [InlineData("%C3%28%FF%FE")]
    [InlineData("%F0%9F%92%A9%20ouders")]
    [InlineData("title%3Aouders%20AND%20role%3Adirecteur")]
    [InlineData("*%3A*")]
    [InlineData("ouders~0.1%20%5B*%20TO%20*%5D")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("%3D1%2B1")]
    public async Task Hostile_queries_are_searched_as_text(string q)
    {
        var response = await _client.GetAsync($"/api/search?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=twee")]
    [InlineData("pageSize=-1")]
    [InlineData("page=99999999999")]
    [InlineData("sort=relevance;drop")]
    public async Task Malformed_parameters_are_a_400(string query)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/search?q=ouders&{query}")).StatusCode);
    }

    [Fact]
    public async Task An_overlong_query_is_a_400_problem()
    {
        var response = await _client.GetAsync("/api/search?q=" + new string('a', 501));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<string, string> HostileText()
    {
        var data = new TheoryData<string, string>();
        var texts = new[]
        {
            "\"ouders", "ouders\" \"", "\"\"\"", "ouders)) AND ((", "\\\\*?~^", "+-&&||!(){}[]^\"~*?:\\/",
            // the maximum length, one word
            string.Join(' ', Enumerable.Repeat("ouders", 72)).PadRight(MaxQueryLength, 'x')[..MaxQueryLength],
            string.Join(' ', Enumerable.Repeat("x", MaxQueryLength / 2)), // 250 words
            "👩‍👩‍👧 🙂 ouders 🏳️‍🌈", "مرحبا بالعالم ouders", "\u202Eouders\u202C", "שלום ouders",
            "kindkindkindkindkindkindkindkindkindkindkindkindkindkindkindkindkindkindkindkind",
        };
        foreach (var endpoint in new[] { "search", "suggest" })
        {
            foreach (var text in texts)
                data.Add(endpoint, text);
        }
        return data;
    }

    private const int MaxQueryLength = PocMaterials.Search.Querying.MaterialSearchRequest.MaxQueryLength;

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task Query_syntax_quotes_long_repeats_emoji_and_right_to_left_text_are_answered_as_text(string endpoint, string q)
    {
        var response = await _client.GetAsync($"/api/{endpoint}?q={Uri.EscapeDataString(q)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("search")]
    [InlineData("suggest")]
    public async Task Thousands_of_words_are_a_400_problem(string endpoint)
    {
        var response = await _client.GetAsync(
            $"/api/{endpoint}?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("ouders", 2000))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Suggest_needs_a_token()
    {
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/suggest?q=oud")).StatusCode);
    }

    [Fact]
    public async Task Suggest_completes_visible_titles()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync("/api/suggest?q=oude"));
        var suggestions = body.RootElement.GetProperty("suggestions");

        Assert.Equal(8, suggestions.GetArrayLength());
        Assert.All(
            suggestions.EnumerateArray(),
            s => Assert.StartsWith("Ouders", s.GetProperty("text").GetString(), StringComparison.Ordinal));
    }
}
