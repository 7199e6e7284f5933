using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>
/// Reads typed fields from a YAML mapping and records every problem as a <see cref="ContentError"/>
/// with the file line of the offending node, so one pass reports all errors of a file.
/// </summary>
internal sealed class YamlFields(YamlMappingNode mapping, string file, int firstLine, List<ContentError> errors)
{
    public string File => file;

    /// <summary>The fields of a mapping nested in this one, reporting to the same error list.</summary>
    public YamlFields Nested(YamlMappingNode nested) => new(nested, file, firstLine, errors);

    public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

    public int MappingLine => LineOf(mapping);

    public void Error(YamlNode? node, string field, ContentFault fault) =>
        errors.Add(new ContentError(file, node is null ? MappingLine : LineOf(node), field, fault));

    public YamlNode? Node(string field) =>
        mapping.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;

    public void RejectUnknownFields(IReadOnlyCollection<string> known)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
                Error(key, name, ContentFaults.UnknownField(known));
        }
    }

    public string? Text(string field, bool required = false, int maxLength = int.MaxValue)
    {
        var node = Node(field);
        if (node is null || node is YamlScalarNode { Value: null or "" } && IsPlainNull(node))
        {
            if (required)
                Error(node, field, ContentFaults.Required());
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, field, ContentFaults.NotText());
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
                Error(node, field, ContentFaults.RequiredNotEmpty());
            return null;
        }
        return Fit(scalar, field, value, maxLength);
    }

    /// <summary>A list of ids; a single scalar counts as a list of one. Unknown ids are errors.</summary>
    /// <param name="list">The list the ids are from, as <see cref="ContentFaults.UnknownTerm"/> names it.</param>
    public IReadOnlyList<string> Ids(string field, Func<string, bool> isKnown, string list)
    {
        var result = new List<string>();
        foreach (var (value, node) in Items(field))
        {
            if (!isKnown(value))
                Error(node, field, ContentFaults.UnknownTerm(value, list));
            else if (!result.Contains(value))
                result.Add(value);
        }
        return result;
    }

    /// <summary>A list of free texts; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string> Strings(string field, int maxCount = int.MaxValue, int maxLength = int.MaxValue)
    {
        if (Node(field) is YamlSequenceNode { Children.Count: var count } sequence && count > maxCount)
        {
            // Said once for the list, not once for each of its (maybe thousands of) items.
            Error(sequence, field, ContentFaults.TooMany(count, maxCount));
            return [];
        }
        return Items(field, maxLength).Select(i => i.Value).Distinct().ToList();
    }

    public DateOnly? Date(string field)
    {
        var node = Node(field);
        var text = Text(field);
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(node, field, ContentFaults.InvalidDate(text));
        return null;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or null when left out (or with an error).</summary>
    public int? Count(string field, int max)
    {
        var node = Node(field);
        if (Text(field) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= max)
            return count;
        Error(node, field, ContentFaults.InvalidCount(text, max));
        return null;
    }

    private IEnumerable<(string Value, YamlNode Node)> Items(string field, int maxLength = int.MaxValue)
    {
        var node = Node(field);
        switch (node)
        {
            case null:
                yield break;
            case YamlScalarNode scalar when IsPlainNull(scalar):
                yield break;
            case YamlScalarNode { Value: { } value } scalar when value.Trim().Length > 0:
                if (Fit(scalar, field, value.Trim(), maxLength) is { } fit)
                    yield return (fit, scalar);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode { Value: { } v } || v.Trim().Length == 0)
                        Error(item, field, ContentFaults.InvalidItem());
                    else if (Fit(item, field, v.Trim(), maxLength) is { } fitItem)
                        yield return (fitItem, item);
                }
                break;
            default:
                Error(node, field, ContentFaults.NotAList());
                break;
        }
    }

    /// <summary>
    /// The value, or null with an error when it is too long or holds what no field may (a NUL would stop every
    /// write of it to PostgreSQL).
    /// </summary>
    private string? Fit(YamlNode node, string field, string value, int maxLength)
    {
        var why = ContentText.Unfit(value) ?? (value.Length > maxLength ? ContentFaults.TooLong(value.Length, maxLength) : null);
        if (why is null)
            return value;
        Error(node, field, why);
        return null;
    }

    private static bool IsPlainNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
