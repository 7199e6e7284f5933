using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PocMaterials.WebApp;

/// <summary>
/// The pages' files, served from this assembly under a path that changes with every build, so a
/// browser keeps them for a year and never asks again, and never runs files of an older build.
/// </summary>
public static partial class WebAppAssets
{
    private static readonly IFileProvider Files = new ManifestEmbeddedFileProvider(typeof(WebAppAssets).Assembly, "wwwroot");

    // Only to resolve a module's imports as the browser does, relative to the module; never requested.
    private static readonly Uri ModuleBase = new("https://modules.invalid/");

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

    /// <summary>The pages' style sheet, for a document printed outside a page (the school-year report's PDF).</summary>
    public static string StyleSheet => ReadText("app.css");

    internal static string ReadText(string path)
    {
        using var stream = Files.GetFileInfo(path).CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The modules a module imports, directly or through others, as paths under <c>wwwroot</c>: a page
    /// preloads them beside its own, so the browser asks for them all at once rather than one level of
    /// imports after another.
    /// </summary>
    internal static IReadOnlyList<string> ImportsOf(string module)
    {
        var imports = new List<string>();
        var pending = new Queue<string>([module]);
        while (pending.TryDequeue(out var importer))
        {
            foreach (Match import in StaticImport().Matches(ReadText(importer)))
            {
                var path = new Uri(new Uri(ModuleBase, importer), import.Groups["path"].Value).AbsolutePath.TrimStart('/');
                if (path == module || imports.Contains(path))
                    continue;
                imports.Add(path);
                pending.Enqueue(path);
            }
        }
        return imports;
    }

    // A static import as the modules write them, a statement from the start of a line:
    // import { a, b } from '../x.js';  or  import '../x.js';
    [GeneratedRegex(@"^import\s(?:[^;']*\sfrom\s)?'(?<path>[^']+)';", RegexOptions.Multiline)]
    private static partial Regex StaticImport();
}
