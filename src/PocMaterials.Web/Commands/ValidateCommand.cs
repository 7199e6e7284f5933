using PocMaterials.Content.Library;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Commands;

/// <summary>
/// <c>validate</c>: checks all content as the server would load it and lists every error with file,
/// line and field. Exit code 0 when the content is clean, 1 otherwise, so editors and CI can gate on it.
/// </summary>
public static class ValidateCommand
{
    public static int Run(ContentOptions options, TextWriter output)
    {
        using var library = options.CreateLibrary();
        var content = library.Reload().Snapshot;
        foreach (var error in content.Errors)
            output.WriteLine(error);
        output.WriteLine(
            $"{content.Materials.Count} materials, {content.Themes.Count} themes, {content.Contacts.Count} contacts " +
            $"checked in {library.Location.ContentPath} and {library.Location.ThemesPath}: " +
            (content.Errors.Count switch { 0 => "no errors.", 1 => "1 error.", var n => $"{n} errors." }));
        return content.Errors.Count == 0 ? 0 : 1;
    }
}
