using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using PocMaterials.Testing;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Web.Tests;

/// <summary>
/// Starts the host as Program does, without the test server, to see how a start fails: the test
/// server wraps start-up failures in a race of its own.
/// </summary>
public static class HostStart
{
    public static async Task<Exception?> FailureAsync(ContentFolder folder, string environment, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        var configuration = new Dictionary<string, string?>
        {
            ["Content:ContentPath"] = folder.ContentPath,
            ["Content:ThemesPath"] = folder.ThemesPath,
            ["Data:DataPath"] = folder.DataPath,
            ["Postgres:ConnectionString"] = await TestPostgres.CreateDatabaseAsync(),
            ["Smtp:Outbox"] = "true",
        };
        foreach (var (key, value) in settings)
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPocMaterials();
        await using var app = builder.Build();
        app.UsePocMaterials();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
