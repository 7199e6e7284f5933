using PocMaterials.Content.Library;

namespace PocMaterials.Testing;

/// <summary>
/// A throwaway content and themes folder for one test: either a copy of the repository's sample
/// content or a small fixture written by the test. Deleted on dispose.
/// </summary>
public sealed class ContentFolder : IDisposable
{
    private ContentFolder(string root)
    {
        Root = root;
        Directory.CreateDirectory(ContentPath);
        Directory.CreateDirectory(ThemesPath);
        Directory.CreateDirectory(Path.Combine(ContentPath, "materials"));
    }

    public string Root { get; }
    public string ContentPath => Path.Combine(Root, "content");
    public string ThemesPath => Path.Combine(Root, "themes");
    public string DataPath => Path.Combine(Root, "data");
    public ContentLocation Location => new(ContentPath, ThemesPath);

    /// <summary>An empty folder with a small taxonomy, two contacts and two themes.</summary>
    public static ContentFolder WithFixture()
    {
        var folder = new ContentFolder(NewRoot());
        folder.Write("content/taxonomy.yml", Fixture.Taxonomy);
        folder.Write("content/contacts.yml", Fixture.Contacts);
        folder.Write("themes/beroepsgeheim-en-drm.md", Fixture.BeroepsgeheimTheme);
        folder.Write("themes/decreet-leersteun.md", Fixture.LeersteunTheme);
        return folder;
    }

    /// <summary>A copy of the repository's content/ and themes/.</summary>
    public static ContentFolder WithSampleContent()
    {
        var folder = new ContentFolder(NewRoot());
        CopyDirectory(Path.Combine(RepositoryRoot, "content"), folder.ContentPath);
        CopyDirectory(Path.Combine(RepositoryRoot, "themes"), folder.ThemesPath);
        return folder;
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PocMaterials.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("PocMaterials.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Writes a file below the root, creating folders as needed.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes content/materials/{slug}.md with the given front matter lines and body.</summary>
    public string WriteMaterial(string slug, string frontMatter, string body = "Tekst.", string folder = "") =>
        Write(Path.Combine("content", "materials", folder, slug + ".md"), $"---\n{frontMatter.Trim()}\n---\n{body}\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file watcher or index may still hold a handle for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), "pocmaterials-tests", Guid.NewGuid().ToString("N"));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
