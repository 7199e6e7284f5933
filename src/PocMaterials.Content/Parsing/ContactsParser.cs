using PocMaterials.Content.Contacts;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>Reads contacts.yml: a list of POC+ contact persons.</summary>
public static class ContactsParser
{
    private static readonly string[] Fields = ["id", "name", "email", "phone", "role"];

    public static IReadOnlyList<Contact>? Parse(string yaml, string file, List<ContentError> errors)
    {
        var before = errors.Count;
        var root = YamlText.Load(yaml, file, 1, errors);
        if (root is not YamlSequenceNode sequence)
        {
            if (errors.Count == before)
                errors.Add(new ContentError(file, 1, "contacts", ContentFaults.InvalidStructure("contacts")));
            return null;
        }
        var contacts = new List<Contact>();
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode entry)
            {
                errors.Add(new ContentError(file, (int)item.Start.Line, "contacts", ContentFaults.InvalidStructure("contact")));
                continue;
            }
            var fields = new YamlFields(entry, file, 1, errors);
            fields.RejectUnknownFields(Fields);
            var id = fields.Text("id", required: true);
            var name = fields.Text("name", required: true);
            if (id is null || name is null)
                continue;
            if (contacts.Any(c => c.Id == id))
            {
                fields.Error(fields.Node("id"), "id", ContentFaults.Duplicate(id));
                continue;
            }
            contacts.Add(new Contact(id, name, fields.Text("email"), fields.Text("phone"), fields.Text("role")));
        }
        return errors.Count > before ? null : contacts;
    }
}
