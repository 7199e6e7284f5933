using System.Globalization;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>Reads newsletter.yml: <c>yyyy-MM: theme-or-core-process-id</c> per line.</summary>
public static class NewsletterCalendarParser
{
    public static NewsletterCalendar? Parse(
        string yaml,
        string file,
        MaterialTaxonomy taxonomy,
        IReadOnlySet<string> themeIds,
        List<ContentError> errors)
    {
        var before = errors.Count;
        var root = YamlText.Load(yaml, file, 1, errors);
        if (root is null)
            return errors.Count > before ? null : NewsletterCalendar.Empty;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(new ContentError(file, 1, "newsletter", ContentFaults.InvalidStructure("months")));
            return null;
        }
        var fields = new YamlFields(mapping, file, 1, errors);
        var months = new Dictionary<DateOnly, Feature>();
        foreach (var (key, value) in mapping.Children)
        {
            var text = (key as YamlScalarNode)?.Value ?? "";
            if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                fields.Error(key, text, ContentFaults.InvalidMonth(text));
                continue;
            }
            var id = (value as YamlScalarNode)?.Value?.Trim();
            Feature? feature = id switch
            {
                null or "" => null,
                _ when themeIds.Contains(id) => new Feature(FeatureKind.Theme, id),
                _ when taxonomy.CoreProcesses.Contains(id) => new Feature(FeatureKind.CoreProcess, id),
                _ => null,
            };
            if (string.IsNullOrEmpty(id))
                fields.Error(value, text, ContentFaults.Required());
            else if (feature is null)
                fields.Error(value, text, ContentFaults.UnknownFeature(id));
            else
                months[month] = feature;
        }
        return errors.Count > before ? null : new NewsletterCalendar(months);
    }
}
