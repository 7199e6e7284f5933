using System.Text.Json;
using System.Text.RegularExpressions;
using PocMaterials.Content.Publishing;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// A material as the editor's form sends it (<c>PUT /api/materials/{slug}</c>, application/json): every field, each a
/// text or a list of texts (null: left out), and the Markdown body (null: as stored).
/// </summary>
public sealed partial record MaterialFieldsRequest(Dictionary<string, JsonElement>? Fields, string? Body)
{
    /// <summary>The request, or null when the JSON is not of its shape.</summary>
    internal static MaterialFieldsRequest? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<MaterialFieldsRequest>(json, JsonSerializerOptions.Web) is { Fields: not null } request
                ? request
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fields as values of the content format, with what is wrong with any of them.</summary>
    internal (Dictionary<string, FieldValue> Values, FieldErrors Errors) Values()
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        foreach (var (name, value) in Fields!)
        {
            // A name is written as a YAML key: "a: b" or a line end in it would write other fields.
            if (!FieldName().IsMatch(name))
                errors.Add($"fields.{name}", "A field name is lower-case letters, digits and underscores.");
            else if (ValueOf(value) is { } read)
                values[name] = read;
            else if (value.ValueKind != JsonValueKind.Null)
                errors.Add($"fields.{name}", "A field's value is a text, a list of texts, or null.");
        }
        return (values, errors);
    }

    private static FieldValue? ValueOf(JsonElement value)
    {
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => FieldValue.Text(value.GetString()!),
                JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    FieldValue.List([.. value.EnumerateArray().Select(v => v.GetString()!)]),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            // A string escaping half a surrogate pair, which is no text.
            return null;
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,49}\z")]
    private static partial Regex FieldName();
}
