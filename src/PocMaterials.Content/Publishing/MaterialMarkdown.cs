using System.Text;
using PocMaterials.Content.Materials;
using YamlDotNet.Serialization;

namespace PocMaterials.Content.Publishing;

/// <summary>Writes a material given as fields and a Markdown body in the content format: YAML front matter, then the body.</summary>
public static class MaterialMarkdown
{
    private static readonly ISerializer Yaml = new SerializerBuilder().Build();

    /// <param name="fields">Field name to a text or a list of texts; unknown names are kept, so validation names them.</param>
    public static string Write(IReadOnlyDictionary<string, object> fields, string body)
    {
        var ordered = fields.OrderBy(f => MaterialFields.InOrder.IndexOf(f.Key) is var i and >= 0 ? i : MaterialFields.InOrder.Length)
            .ToDictionary(f => f.Key, f => f.Value);
        var text = new StringBuilder("---\n").Append(Yaml.Serialize(ordered)).Append("---\n");
        return text.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n')).ToString();
    }
}
