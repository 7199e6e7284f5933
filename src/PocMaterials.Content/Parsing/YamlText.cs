using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>Loads one YAML document and turns syntax errors into located content errors.</summary>
internal static class YamlText
{
    /// <param name="firstLine">The file line on which the YAML text starts (1-based).</param>
    public static YamlNode? Load(string yaml, string file, int firstLine, List<ContentError> errors)
    {
        if (ContentText.NulLine(yaml) is { } nul)
        {
            errors.Add(new ContentError(file, firstLine + nul - 1, "yaml", ContentFaults.Nul()));
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var line = firstLine + Math.Max(0, (int)e.Start.Line - 1);
            errors.Add(new ContentError(file, line, "yaml", ContentFaults.Yaml(Describe(e))));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way, without a position, on some unclosed flow collections.
            errors.Add(new ContentError(file, firstLine, "yaml", ContentFaults.Yaml("a '[', '{' or quote is not closed")));
            return null;
        }
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes its own position, which is relative to the YAML block, not the file.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
