using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests;

/// <summary>
/// The real web host over a throwaway content folder and a database of its own in the test run's
/// PostgreSQL cluster, in the Development environment unless told otherwise.
/// </summary>
public sealed class PocMaterialsApp(
    ContentFolder folder,
    string environment = "Development",
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public ContentFolder Folder => folder;

    public string ConnectionString { get; } = TestPostgres.CreateDatabaseAsync().GetAwaiter().GetResult();

    /// <summary>Everything the host logged.</summary>
    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var configuration = new Dictionary<string, string?>
        {
            ["Content:ContentPath"] = folder.ContentPath,
            ["Content:ThemesPath"] = folder.ThemesPath,
            ["Data:DataPath"] = folder.DataPath,
            ["Postgres:ConnectionString"] = ConnectionString,
            // Chosen, as outside Development it must be: no test host sends mail anywhere unless a test says so.
            ["Smtp:Outbox"] = settings?.ContainsKey("Smtp:Host") == true ? "false" : "true",
            // As a deployment must when it sends to a server; a test of the outbox's placeholder sender sets it to null.
            ["Smtp:From"] = "POC-a-tizer <poc-a-tizer@example.org>",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (services is not null)
            builder.ConfigureTestServices(services);
    }

    /// <summary>A client carrying a development token for the given roles and centre, and the name and address its token gives.</summary>
    public async Task<HttpClient> ClientFor(
        string[] roles, string? centre = "gent", WebApplicationFactoryClientOptions? options = null, string? name = null,
        string? email = null)
    {
        var client = options is null ? CreateClient() : CreateClient(options);
        var response = await client.PostAsJsonAsync("/api/dev/token", new { roles, centre, name, email });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A count from the host's database.</summary>
    public Task<long> CountAsync(string sql) => TestPostgres.ScalarAsync(ConnectionString, sql);

    /// <summary>Events reach the database in the background: waits until the count is reached, then checks it.</summary>
    public async Task WaitForCountAsync(string sql, long expected)
    {
        try
        {
            await Eventually.TrueAsync(async () => await CountAsync(sql) >= expected, $"fewer than {expected} rows: {sql}", seconds: 10);
        }
        catch (TimeoutException)
        {
            // What the assertion below says is the count that was reached.
        }
        Assert.Equal(expected, await CountAsync(sql));
    }

    private sealed record TokenBody(string AccessToken);
}
