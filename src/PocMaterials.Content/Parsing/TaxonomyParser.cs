using PocMaterials.Content.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>Reads taxonomy.yml: core processes, domains, roles, types, centres and the glossary.</summary>
public static class TaxonomyParser
{
    private static readonly string[] Sections = ["core_processes", "domains", "roles", "types", "centres", "glossary"];
    private static readonly string[] RequiredSections = ["core_processes", "domains", "roles", "types", "centres"];

    public static MaterialTaxonomy? Parse(string yaml, string file, List<ContentError> errors)
    {
        var before = errors.Count;
        var root = YamlText.Load(yaml, file, 1, errors);
        if (root is not YamlMappingNode mapping)
        {
            if (errors.Count == before)
                errors.Add(new ContentError(file, 1, "taxonomy", ContentFaults.InvalidSections(RequiredSections)));
            return null;
        }
        var fields = new YamlFields(mapping, file, 1, errors);
        fields.RejectUnknownFields(Sections);
        var lists = Sections.ToDictionary(s => s, s => ReadTerms(fields, s, required: RequiredSections.Contains(s)));
        if (!lists["roles"].Any(r => r.Id == Visibility.StaffRoles.Everyone))
            fields.Error(fields.Node("roles"), "roles", ContentFaults.RequiredRole(Visibility.StaffRoles.Everyone));
        if (errors.Count > before)
            return null;
        return new MaterialTaxonomy(
            lists["core_processes"], lists["domains"], lists["roles"], lists["types"], lists["centres"], lists["glossary"]);
    }

    /// <summary>Reads a list of {id, label, aliases} entries, as used by taxonomy.yml.</summary>
    private static List<TaxonomyTerm> ReadTerms(YamlFields fields, string section, bool required)
    {
        var terms = new List<TaxonomyTerm>();
        var node = fields.Node(section);
        if (node is null)
        {
            if (required)
                fields.Error(null, section, ContentFaults.RequiredSection());
            return terms;
        }
        if (node is not YamlSequenceNode sequence)
        {
            fields.Error(node, section, ContentFaults.InvalidStructure("terms"));
            return terms;
        }
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode entry)
            {
                fields.Error(item, section, ContentFaults.IncompleteEntry());
                continue;
            }
            var entryFields = fields.Nested(entry);
            var id = entryFields.Text("id");
            var label = entryFields.Text("label");
            if (id is null || label is null)
            {
                fields.Error(item, section, ContentFaults.IncompleteEntry());
                continue;
            }
            if (terms.Any(t => t.Id == id))
            {
                fields.Error(item, section, ContentFaults.Duplicate(id));
                continue;
            }
            var aliases = entryFields.Strings("aliases", FieldLimits.Aliases, FieldLimits.Alias);
            terms.Add(new TaxonomyTerm(id, label, aliases, section == "centres" ? entryFields.Count("staff", FieldLimits.Staff) : null));
        }
        return terms;
    }
}
