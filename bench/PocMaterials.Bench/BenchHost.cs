using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Bench;

/// <summary>Where the benchmarks run: the repository, and the product's host over a content folder of theirs.</summary>
internal static class BenchHost
{
    public static Task<WebApplication> StartHost(string content, string themes, string data) =>
        StartHost(content, themes, data, new Dictionary<string, string?>());

    /// <param name="settings">More settings, or other values: a database of the benchmark's own.</param>
    public static async Task<WebApplication> StartHost(
        string content, string themes, string data, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:ContentPath"] = content,
            ["Content:ThemesPath"] = themes,
            ["Data:DataPath"] = data,
            ["Identity:Issuer"] = "pocmaterials-bench",
            ["Identity:Audience"] = "pocmaterials",
            ["Identity:SigningKey"] = "benchmark-signing-key-of-at-least-32-bytes",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPocMaterials();
        var app = builder.Build();
        app.UsePocMaterials();
        await app.StartAsync();
        return app;
    }

    public static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PocMaterials.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmark from the repository (PocMaterials.sln not found).");
    }
}
