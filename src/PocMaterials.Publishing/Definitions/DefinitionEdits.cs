using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Publishing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Publishing.Files;

namespace PocMaterials.Publishing.Definitions;

/// <summary>
/// The definitions as the editors' forms change them, one entry at a time: a theme's fields and introduction, a contact, a
/// term of a taxonomy list, a month of the newsletter calendar. Each is an edit of the file as stored
/// (<see cref="DefinitionYaml"/>, <see cref="MaterialMarkdown"/>: every other byte stays), then validated, checked against
/// what uses it and versioned as any write of the file (<see cref="DefinitionFiles"/>).
/// </summary>
public sealed class DefinitionEdits(ContentLibrary library, DefinitionFiles files)
{
    /// <summary>The lists of taxonomy.yml a form edits, as the file names them.</summary>
    public static readonly IReadOnlyList<string> TaxonomyLists = ["types", "core_processes", "domains", "roles", "centres", "glossary"];

    /// <summary>A term's fields in the order a new one takes; only a centre has <c>staff</c>.</summary>
    public static readonly IReadOnlyList<string> TermFields = ["id", "label", "aliases", "staff"];

    public static readonly IReadOnlyList<string> ContactFields = ["id", "name", "email", "phone", "role"];

    /// <summary>Creates the theme (no If-Match; it must not exist) or changes its fields and introduction (null: as stored).</summary>
    public Task<WriteResult> ThemeAsync(
        string id,
        IReadOnlyDictionary<string, FieldValue> fields,
        string? body,
        string? ifMatch,
        string author,
        CancellationToken cancellationToken)
    {
        var definition = Definition.Theme(files.Location, id);
        if (ifMatch is null && DefinitionFiles.Read(definition) is not null)
            return Task.FromResult(new WriteResult(WriteOutcome.Exists));
        return EditAsync(definition, ThemeEdit(fields, body), ifMatch, author, null, cancellationToken);
    }

    /// <summary>
    /// The theme file a form's fields and introduction make, as an edit of the stored one, and what saving it would be
    /// refused for; writes nothing (the theme form's check and preview).
    /// </summary>
    public (string Text, IReadOnlyList<ContentError> Errors) CheckTheme(
        string id, IReadOnlyDictionary<string, FieldValue> fields, string? body)
    {
        var definition = Definition.Theme(files.Location, id);
        var stored = DefinitionFiles.Read(definition)?.Text;
        return ThemeEdit(fields, body)(stored) is { } text
            ? (text, files.Check(definition, text))
            : (stored ?? "", [NotEditable(definition)]);
    }

    private static Func<string?, string?> ThemeEdit(IReadOnlyDictionary<string, FieldValue> fields, string? body) =>
        text => MaterialMarkdown.Write(text, fields, body, ThemeParser.Fields);

    private static ContentError NotEditable(Definition definition) =>
        new(definition.File, 1, "yaml", ContentFaults.NotEditable(definition.File));

    /// <summary>Adds a term to a list, or changes its label and aliases (a centre's staff); its id stays.</summary>
    public Task<WriteResult> TermAsync(
        string list, string id, IReadOnlyDictionary<string, FieldValue> fields, bool create, string? ifMatch, string author,
        CancellationToken cancellationToken)
    {
        var exists = TermsOf(list).Any(t => t.Id == id);
        if (exists == create)
            return Task.FromResult(new WriteResult(create ? WriteOutcome.Exists : WriteOutcome.NotFound));
        var definition = Definition.Taxonomy(files.Location);
        Func<string?, string?> edit = create
            ? text => DefinitionYaml.AddEntry(text ?? "", list, WithId(id, fields), TermFields)
            : text => DefinitionYaml.EditEntry(text ?? "", list, id, fields, TermFields);
        return EditAsync(definition, edit, ifMatch, author, $"{(create ? "added" : "changed")} {list} term {id}", cancellationToken);
    }

    /// <summary>Removes a term: refused (422) while a material, theme or calendar month uses it.</summary>
    public Task<WriteResult> RemoveTermAsync(string list, string id, string? ifMatch, string author, CancellationToken cancellationToken) =>
        TermsOf(list).Any(t => t.Id == id)
            ? EditAsync(Definition.Taxonomy(files.Location), text => DefinitionYaml.RemoveEntry(text ?? "", list, id), ifMatch, author,
                $"removed {list} term {id}", cancellationToken)
            : Task.FromResult(new WriteResult(WriteOutcome.NotFound));

    /// <summary>Adds a contact, or changes one (its id stays).</summary>
    public Task<WriteResult> ContactAsync(
        string id, IReadOnlyDictionary<string, FieldValue> fields, bool create, string? ifMatch, string author,
        CancellationToken cancellationToken)
    {
        if (library.Current.Contacts.ContainsKey(id) == create)
            return Task.FromResult(new WriteResult(create ? WriteOutcome.Exists : WriteOutcome.NotFound));
        Func<string?, string?> edit = create
            ? text => DefinitionYaml.AddEntry(text ?? "", null, WithId(id, fields), ContactFields)
            : text => DefinitionYaml.EditEntry(text ?? "", null, id, fields, ContactFields);
        var summary = $"{(create ? "added" : "changed")} contact {id}";
        return EditAsync(Definition.Contacts(files.Location), edit, ifMatch, author, summary, cancellationToken);
    }

    /// <summary>Removes a contact: refused (422) while a material or theme names it.</summary>
    public Task<WriteResult> RemoveContactAsync(string id, string? ifMatch, string author, CancellationToken cancellationToken) =>
        library.Current.Contacts.ContainsKey(id)
            ? EditAsync(Definition.Contacts(files.Location), text => DefinitionYaml.RemoveEntry(text ?? "", null, id), ifMatch, author,
                $"removed contact {id}", cancellationToken)
            : Task.FromResult(new WriteResult(WriteOutcome.NotFound));

    /// <summary>Plans a theme or core process for a month (<c>yyyy-MM</c>), or takes the month's plan away (null).</summary>
    public Task<WriteResult> MonthAsync(
        string month, string? feature, string? ifMatch, string author, CancellationToken cancellationToken) =>
        EditAsync(
            Definition.NewsletterCalendar(files.Location), text => DefinitionYaml.SetMonth(text ?? "", month, feature), ifMatch, author,
            feature is null ? $"month {month} left to chance" : $"month {month}: {feature}", cancellationToken);

    private IReadOnlyList<TaxonomyTerm> TermsOf(string list) => TermsOf(library.Current.Taxonomy, list);

    /// <summary>The terms of a list of taxonomy.yml by its name in the file; none for a name that is no list.</summary>
    public static IReadOnlyList<TaxonomyTerm> TermsOf(MaterialTaxonomy taxonomy, string list) => list switch
        {
        "types" => taxonomy.Types.All,
        "core_processes" => taxonomy.CoreProcesses.All,
        "domains" => taxonomy.Domains.All,
        "roles" => taxonomy.Roles.All,
        "centres" => taxonomy.Centres.All,
        "glossary" => taxonomy.Glossary,
        _ => [],
    };

    private static Dictionary<string, FieldValue> WithId(string id, IReadOnlyDictionary<string, FieldValue> fields) =>
        new(fields, StringComparer.Ordinal) { ["id"] = FieldValue.Text(id) };

    /// <summary>
    /// The edit made to the version stored (none yet: null), written with that version's ETag so that a change in between
    /// is a 412; <paramref name="ifMatch"/>, when given, must name it.
    /// </summary>
    private async Task<WriteResult> EditAsync(
        Definition definition, Func<string?, string?> edit, string? ifMatch, string author, string? summary,
        CancellationToken cancellationToken)
    {
        var source = DefinitionFiles.Read(definition);
        if (ifMatch is not null && !EntityTags.IfMatchHolds(ifMatch, source?.ETag))
            return new WriteResult(WriteOutcome.Stale);
        if (edit(source?.Text) is not { } text)
            return new WriteResult(WriteOutcome.Invalid, Errors: [NotEditable(definition)]);
        return await files.WriteAsync(definition, text, source?.ETag, author, cancellationToken, summary: summary);
    }
}
