using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Publishing;

/// <summary>
/// Front matter values written as the content format writes them by hand: plain where that reads back as the same
/// text (<c>title: FAQ decreet leersteun</c>, <c>tags: [leersteun, ondersteuningsnoden]</c>), in double quotes where not.
/// </summary>
internal static class YamlScalars
{
    public static string Field(string name, FieldValue value) => value.IsList
        ? $"{name}: [{string.Join(", ", value.Items.Select(i => Scalar(i, inList: true)))}]"
        : $"{name}: {Scalar(value.Items[0], inList: false)}";

    private static string Scalar(string value, bool inList) => ReadsBackPlain(value, inList) ? value : Quoted(value);

    /// <summary>Whether the value written plain is read back as itself by the parser, and as a text, not as nothing.</summary>
    private static bool ReadsBackPlain(string value, bool inList)
    {
        if (value.Length == 0 || value != value.Trim() || value is "~" or "null" || value.Any(char.IsControl))
            return false;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(inList ? $"k: [{value}]" : $"k: {value}"));
            var node = ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("k")];
            if (inList)
                node = node is YamlSequenceNode { Children.Count: 1 } list ? list.Children[0] : node;
            return node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && scalar.Value == value;
        }
        catch (Exception e) when (e is YamlException or InvalidCastException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A double-quoted scalar: every character but the quote, the backslash and control characters as itself.</summary>
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
