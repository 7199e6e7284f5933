using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>One operation of the OpenAPI document: its method and path template, and the statuses it lists.</summary>
public sealed record ApiOperation(string Method, string Path, JsonElement Element)
{
    public string Key => $"{Method} {Path}";

    public IReadOnlySet<int> Statuses { get; } =
        Element.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The media types of its documented request body; empty without one.</summary>
    public IReadOnlyList<string> BodyTypes { get; } = Element.TryGetProperty("requestBody", out var body)
        ? [.. body.GetProperty("content").EnumerateObject().Select(c => c.Name)]
        : [];

    /// <summary>Its required parameters: name, where (path, query) and whether an integer.</summary>
    public IEnumerable<(string Name, string In, bool Integer)> Required =>
        Element.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.TryGetProperty("required", out var required) && required.GetBoolean())
                .Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                    p.GetProperty("schema").GetProperty("type").ToString().Contains("integer", StringComparison.Ordinal)))
            : [];

    /// <summary>How many of its segments are literal: the most literal template a path matches is its operation.</summary>
    public int Literals => Path.Split('/').Count(s => !s.StartsWith('{'));

    public bool Matches(HttpMethod method, string path) =>
        method.Method == Method && Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(Path), @"\\\{\w+}", "[^/]+") + "$");
}

/// <summary>
/// Calls the API and keeps, per operation of the document, every status it answered; says what broke the contract:
/// a status the document does not list, an answer other than the call expected, a problem without its code.
/// </summary>
public sealed class ContractRun(IReadOnlyList<ApiOperation> operations)
{
    private readonly Dictionary<string, HashSet<int>> _answered = [];

    public List<string> Failures { get; } = [];

    /// <summary>Sends the request; <paramref name="expected"/> null when any status the document lists will do.</summary>
    public async Task<HttpResponseMessage> CallAsync(
        int? expected, HttpClient client, HttpMethod method, string url, HttpContent? body = null,
        Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var call = $"{method} {url}";
        var path = url.Split('?')[0];
        if (operations.Where(o => o.Matches(method, path)).MaxBy(o => o.Literals) is not { } operation)
        {
            Failures.Add($"{call} is no operation of the document");
            return response;
        }
        AnsweredBy(operation).Add(status);
        if (!operation.Statuses.Contains(status))
            Failures.Add($"{operation.Key} answered {status}, which the document does not list for it ({call}: {Shorten(text)})");
        if (expected is { } wanted && status != wanted)
            Failures.Add($"{call} answered {status} where {wanted} was expected: {Shorten(text)}");
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json" && !HasCode(text))
            Failures.Add($"{call} answered a problem without a code: {Shorten(text)}");
        return response;
    }

    /// <summary>What broke the contract, and every documented status that no call produced, unless it is excused.</summary>
    public IEnumerable<string> Breaches(IReadOnlyDictionary<(string Operation, int Status), string> unproducible)
    {
        foreach (var failure in Failures)
            yield return failure;
        foreach (var operation in operations)
        {
            if (!_answered.TryGetValue(operation.Key, out var answered))
            {
                yield return $"{operation.Key} is not exercised: give it calls in ContractCalls";
                continue;
            }
            foreach (var status in operation.Statuses.Where(s => !answered.Contains(s) && !unproducible.ContainsKey((operation.Key, s))))
                yield return $"{operation.Key} lists {status}, which no call produced";
        }
        foreach (var ((key, status), _) in unproducible)
        {
            if (operations.FirstOrDefault(o => o.Key == key) is not { } operation || !operation.Statuses.Contains(status))
                yield return $"{key} is excused from producing {status}, which the document does not list for it";
            else if (_answered.TryGetValue(key, out var answered) && answered.Contains(status))
                yield return $"{key} is excused from producing {status}, which a call produced after all: drop the excuse";
        }
    }

    private HashSet<int> AnsweredBy(ApiOperation operation) =>
        _answered.TryGetValue(operation.Key, out var answered) ? answered : _answered[operation.Key] = [];

    private static bool HasCode(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
