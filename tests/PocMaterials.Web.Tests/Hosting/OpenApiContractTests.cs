using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The endpoint contract: <c>/openapi/v1.json</c> lists every status each operation answers. Every operation of the document
/// is called in the ways that produce its statuses: first from its description alone, with unknown ids (anonymously, as a
/// staff member who is no editor, as an editor, as an editor's page session without its antiforgery token, with a body of
/// a media type it does not take), then by the calls of <see cref="ContractCalls"/>. The test fails, naming operation and
/// status, on a status the document does not list, on an operation no call reaches, and on a listed status that no call
/// produced and that <see cref="Excuses"/> does not excuse.
/// </summary>
public sealed partial class OpenApiContractTests(ContractHost host) : IClassFixture<ContractHost>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task The_document_is_well_formed_and_every_operation_has_a_summary_tags_and_described_answers()
    {
        using var document = JsonDocument.Parse(await host.Anonymous.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var faults = new List<string>();

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("title").GetString()));
        foreach (var operation in Operations(root))
        {
            var element = operation.Element;
            if (!element.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                faults.Add($"{operation.Key} has no summary");
            if (!element.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
                faults.Add($"{operation.Key} has no tags");
            if (operation.Statuses.Count == 0)
                faults.Add($"{operation.Key} lists no answer");
            var declared = operation.Element.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path")
                    .Select(p => p.GetProperty("name").GetString()).ToList()
                : [];
            foreach (Match parameter in PathParameter().Matches(operation.Path))
            {
                if (!declared.Contains(parameter.Groups[1].Value))
                    faults.Add($"{operation.Key} does not declare its path parameter {parameter.Groups[1].Value}");
            }
            foreach (var response in element.GetProperty("responses").EnumerateObject())
            {
                if (!Regex.IsMatch(response.Name, "^[1-5][0-9]{2}$") || !response.Value.TryGetProperty("description", out _))
                    faults.Add($"{operation.Key} answers {response.Name} without a status code and a description");
            }
        }
        // Every schema named is one the document has.
        foreach (Match reference in SchemaReference().Matches(root.GetRawText()))
        {
            if (!schemas.TryGetProperty(reference.Groups[1].Value, out _))
                faults.Add($"the document names schema {reference.Groups[1].Value}, which it does not have");
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task Every_operation_answers_only_what_the_document_lists_and_every_listed_status_is_answered()
    {
        using var document = JsonDocument.Parse(await host.Anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = Operations(document.RootElement);
        var run = new ContractRun(operations);

        foreach (var operation in operations)
            await ProbeAsync(run, operation);
        await new ContractCalls(host, run).CallAllAsync();

        var breaches = run.Breaches(Excuses(operations)).ToList();
        Assert.True(breaches.Count == 0, $"{breaches.Count} breaches of the contract:\n" + string.Join("\n", breaches));
    }

    /// <summary>
    /// The calls an operation gets from its description alone, with ids nothing has: those who may not call it are refused
    /// before anything happens, and an unknown id makes a change safe. A change without an id (a calendar's removal) is
    /// left to <see cref="ContractCalls"/>.
    /// </summary>
    private async Task ProbeAsync(ContractRun run, ApiOperation operation)
    {
        var method = new HttpMethod(operation.Method);
        var url = WithUnknownIds(operation);
        var changes = operation.Method is not ("GET" or "HEAD");
        await run.CallAsync(operation.Statuses.Contains(401) ? 401 : null, host.Anonymous, method, url);
        await run.CallAsync(operation.Statuses.Contains(403) ? 403 : null, host.Staff, method, url);
        if (!changes || operation.Path.Contains('{', StringComparison.Ordinal))
            await run.CallAsync(null, host.Editor, method, url);
        if (changes && operation.Path.StartsWith("/api/", StringComparison.Ordinal))
            await run.CallAsync(400, host.PageSession, method, url);
        if (operation.BodyTypes.Count > 0)
        {
            var body = new ByteArrayContent([1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
            await run.CallAsync(415, host.Editor, method, url, body);
        }
    }

    /// <summary>The operation's address with a value no material, theme, webhook, issue or token has for each parameter.</summary>
    private static string WithUnknownIds(ApiOperation operation)
    {
        var required = operation.Required.ToList();
        string Unknown(string name) => required.First(p => p.Name == name) switch
        {
            { Integer: true } => "987654",
            { Name: "slug" } => "onbekend-materiaal",
            { Name: "id" } => "onbekend-thema",
            { Name: "fileName" } => "onbekend.pdf",
            { Name: "month" } => "2001-01",
            { Name: "list" } => "onbekende-lijst",
            { Name: "token" } => "ongeldig",
            var other => throw new InvalidOperationException($"{operation.Key}: say what an unknown {other.Name} is"),
        };
        var path = PathParameter().Replace(operation.Path, m => Unknown(m.Groups[1].Value));
        var query = required.Where(p => p.In == "query").Select(p => $"{p.Name}={Unknown(p.Name)}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static List<ApiOperation> Operations(JsonElement root) =>
        [.. root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => Methods.Contains(o.Name))
            .Select(o => new ApiOperation(o.Name.ToUpperInvariant(), path.Name, o.Value.Clone())))];

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaReference();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
