using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Bench.Quality;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Querying;

namespace PocMaterials.Bench.Learning;

/// <summary>
/// Learning from use, end to end: simulated staff (sessions.tsv) search, open nothing, reformulate and open a material
/// through the real host (recorder, PostgreSQL, the search report's proposals); every proposal is then accepted as an
/// editor would, and nDCG@10 of the judged everyday and situation queries is compared before and after.
/// </summary>
internal static class LearningBenchmark
{
    private const int StaffPerSession = 3;

    private static readonly string[] Kinds = ["everyday", "situation"];

    public static async Task<int> RunAsync(string repository)
    {
        var root = Path.Combine(Path.GetTempPath(), "pocmaterials-learning", Guid.NewGuid().ToString("N"));
        try
        {
            // A copy: accepting a proposal writes taxonomy.yml or a theme.
            Copy(Path.Combine(repository, "content"), Path.Combine(root, "content"));
            Copy(Path.Combine(repository, "themes"), Path.Combine(root, "themes"));
            await using var app = await BenchHost.StartHost(
                Path.Combine(root, "content"), Path.Combine(root, "themes"), Path.Combine(root, "data"));
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var sessions = Sessions(Path.Combine(repository, "bench", "PocMaterials.Bench", "Learning", "sessions.tsv"));
            var judged = Judgments.Load(Path.Combine(repository, "bench", "PocMaterials.Bench", "Quality", "judgments.tsv"))
                .Where(q => Kinds.Contains(q.Kind)).ToList();
            var searcher = app.Services.GetRequiredService<MaterialSearcher>();
            var before = Quality(searcher, judged);

            var missed = 0;
            foreach (var (role, word, reformulation, slug) in sessions)
            {
                for (var i = 0; i < StaffPerSession; i++)
                    missed += await ReplayAsync(await ClientAsync(http, role), word, reformulation, slug) ? 0 : 1;
            }
            var editor = await ClientAsync(http, "redacteur");
            var searches = sessions.Count * StaffPerSession * 2;
            for (var tries = 0; tries < 100 && await CountAsync(editor) < searches; tries++)
                await Task.Delay(100);
            Console.WriteLine($"learning from use: {sessions.Count} session scripts x {StaffPerSession} simulated staff, "
                + $"{await CountAsync(editor)} searches recorded, {missed} reformulations that did not find their material");

            var report = await editor.GetFromJsonAsync<JsonElement>("/api/reports/searches/proposed-aliases");
            var accepted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var proposal in report.GetProperty("proposals").EnumerateArray())
            {
                var word = proposal.GetProperty("word").GetString()!;
                var target = proposal.GetProperty("target").GetString()!;
                var answer = accepted.Add(word)
                    ? await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = word, target })
                    : null;
                Console.WriteLine($"  {word,-28} -> {target,-32} {proposal.GetProperty("searches").GetInt32(),2} searches, "
                    + $"{proposal.GetProperty("viewers").GetInt32()} staff: "
                    + (answer is null ? "not accepted (the word went to a stronger target)" : $"accepted ({(int)answer.StatusCode})"));
            }
            var after = Quality(searcher, judged);
            Console.WriteLine($"{"kind",-11} {"queries",7}   {"nDCG@10 before",14} {"after",8}");
            foreach (var kind in Kinds)
                Console.WriteLine($"{kind,-11} {before[kind].Count,7}   {before[kind].Average(),14:F3} {after[kind].Average(),8:F3}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One simulated staff member: the word, nothing opened, the reformulation, the material opened from its results.</summary>
    private static async Task<bool> ReplayAsync(HttpClient staff, string word, string reformulation, string slug)
    {
        (await staff.GetAsync("/api/search?q=" + Uri.EscapeDataString(word))).EnsureSuccessStatusCode();
        var found = await staff.GetFromJsonAsync<JsonElement>("/api/search?pageSize=50&q=" + Uri.EscapeDataString(reformulation));
        var hit = found.GetProperty("hits").EnumerateArray().FirstOrDefault(h => h.GetProperty("slug").GetString() == slug);
        if (hit.ValueKind == JsonValueKind.Undefined)
            return false;
        var view = await staff.GetAsync($"/api/materials/{slug}?source=search&searchId={found.GetProperty("searchId").GetString()}"
            + $"&position={hit.GetProperty("position").GetInt32()}");
        view.EnsureSuccessStatusCode();
        return true;
    }

    private static Dictionary<string, List<double>> Quality(MaterialSearcher searcher, List<JudgedQuery> judged) =>
        judged.GroupBy(q => q.Kind).ToDictionary(g => g.Key, g => g.Select(q =>
            RankingMetrics.Ndcg(QualityBenchmark.EngineRanking(searcher, q.Query, new StaffMember("learning", [q.Role], null)), q.Grades))
            .ToList());

    private static async Task<int> CountAsync(HttpClient editor) =>
        (await editor.GetFromJsonAsync<JsonElement>("/api/reports/searches")).GetProperty("searches").GetInt32();

    /// <summary>A new staff member (a new subject, so a new viewer key) with a development token.</summary>
    private static async Task<HttpClient> ClientAsync(HttpClient http, string role)
    {
        var token = await (await http.PostAsJsonAsync("/api/dev/token", new { roles = new[] { role }, centre = "gent" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static List<(string Role, string Word, string Reformulation, string Slug)> Sessions(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(c => (c[0], c[1], c[2], c[3]))];

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
