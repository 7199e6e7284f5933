using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PocMaterials.WebApp;

/// <summary>
/// The pages' files, served from this assembly under a path that changes with every build, so a
/// browser keeps them for a year and never asks again, and never runs files of an older build.
/// </summary>
public static class WebAppAssets
{
    internal static readonly IFileProvider Files = new ManifestEmbeddedFileProvider(typeof(WebAppAssets).Assembly, "wwwroot");

    /// <summary>Where the files are: <c>/app/{build}</c>. Modules import each other by relative paths, so they stay in one build.</summary>
    public static string Path { get; } = "/app/" + typeof(WebAppAssets).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public static IApplicationBuilder UseWebAppAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = Files,
        RequestPath = Path,
        OnPrepareResponse = file =>
        {
            file.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            file.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        },
    });
}
