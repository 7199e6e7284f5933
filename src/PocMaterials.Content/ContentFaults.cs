using System.Globalization;
using Codes = PocMaterials.Content.ContentErrorCodes;

namespace PocMaterials.Content;

/// <summary>
/// Every kind of content error, each with its code, its values and its English message: the one place they are made, so
/// whichever parser finds an error, it has the same code and values.
/// </summary>
public static class ContentFaults
{
    private static readonly IReadOnlyList<string> FeatureLists = ["themes", "core_processes"];
    private static readonly IReadOnlyList<string> Statuses = ["published", "draft"];
    private static readonly IReadOnlyList<string> EntryKeys = ["id", "label"];

    /// <summary>Where the terms of each list are defined, as the English messages name it.</summary>
    private static readonly Dictionary<string, string> ListPlaces = new(StringComparer.Ordinal)
    {
        ["types"] = "types of taxonomy.yml",
        ["core_processes"] = "core_processes of taxonomy.yml",
        ["domains"] = "domains of taxonomy.yml",
        ["roles"] = "roles of taxonomy.yml",
        ["centres"] = "centres of taxonomy.yml",
        ["themes"] = "themes/",
        ["contacts"] = "contacts.yml",
    };

    /// <summary>What a file or a part of it must be, by the <c>expected</c> value of an invalid structure.</summary>
    private static readonly Dictionary<string, string> Structures = new(StringComparer.Ordinal)
    {
        ["terms"] = "must be a list of entries with id and label",
        ["contacts"] = "must be a list of contact persons with id and name",
        ["contact"] = "each contact must be a mapping with id and name",
        ["months"] = "must be lines of the form 'yyyy-MM: theme-or-core-process-id'",
        ["fields"] = "must be YAML fields of the form 'name: value'",
    };

    public static ContentFault Required() => Fault(Codes.Required, "is required");

    public static ContentFault RequiredNotEmpty() => Fault(Codes.Required, "is required and may not be empty");

    public static ContentFault RequiredSection() => Fault(Codes.Required, "section is required");

    public static ContentFault NotText() => Fault(Codes.NotText, "must be a single text value");

    public static ContentFault NotAList() => Fault(Codes.NotAList, "must be a list, e.g. [a, b]");

    public static ContentFault InvalidItem() => Fault(Codes.InvalidItem, "list items must be non-empty text values");

    public static ContentFault UnknownField(IEnumerable<string> expected)
    {
        string[] names = [.. expected];
        return Fault(Codes.UnknownField, $"unknown field; expected one of: {string.Join(", ", names)}", ("expected", names));
    }

    /// <param name="list">The list the term should be in: types, core_processes, domains, roles, centres, themes or contacts.</param>
    public static ContentFault UnknownTerm(string value, string list) =>
        Fault(Codes.UnknownTerm, $"unknown id '{value}' (not in {ListPlaces[list]})", ("value", value), ("lists", new[] { list }));

    /// <summary>A newsletter month's feature that is neither a theme nor a core process.</summary>
    public static ContentFault UnknownFeature(string value) => Fault(Codes.UnknownTerm,
        $"unknown id '{value}' (not a theme in themes/ nor a core process of taxonomy.yml)",
        ("value", value), ("lists", FeatureLists));

    public static ContentFault TooLong(int length, int limit) => Fault(Codes.TooLong,
        Invariant($"is {length:N0} characters long; at most {limit:N0} are allowed"), ("length", length), ("limit", limit));

    public static ContentFault TooMany(int count, int limit) => Fault(Codes.TooMany,
        Invariant($"has {count:N0} items; at most {limit:N0} are allowed"), ("count", count), ("limit", limit));

    public static ContentFault InvalidDate(string value) =>
        Fault(Codes.InvalidDate, $"'{value}' is not a date of the form YYYY-MM-DD", ("value", value));

    /// <summary>A date before the publication it must follow (a review).</summary>
    public static ContentFault DateOrder(DateOnly value, string earlierField, DateOnly earlier) => Fault(Codes.DateOrder,
        $"{Day(value)} is before {earlierField} ({Day(earlier)}); it may not be earlier",
        ("value", Day(value)), ("before", earlierField), ("beforeValue", Day(earlier)));

    public static ContentFault InvalidStatus(string value) => Fault(Codes.InvalidStatus,
        $"'{value}' is not a status; use 'published' or 'draft'", ("value", value), ("allowed", Statuses));

    public static ContentFault InvalidMonth(string value) =>
        Fault(Codes.InvalidMonth, "is not a month; write it as yyyy-MM, for example 2026-10", ("value", value));

    public static ContentFault Duplicate(string value) => Fault(Codes.Duplicate, $"duplicate id '{value}'", ("value", value));

    /// <summary>Two material files with one name, in different folders.</summary>
    public static ContentFault DuplicateSlug(string slug, string first) => Fault(Codes.Duplicate,
        $"duplicate slug '{slug}': {first} has the same file name", ("value", slug), ("file", first));

    public static ContentFault IncompleteEntry() =>
        Fault(Codes.IncompleteEntry, "each entry must have an id and a label", ("required", EntryKeys));

    public static ContentFault RequiredRole(string role) =>
        Fault(Codes.RequiredRole, $"must contain the role '{role}' (every staff member)", ("value", role));

    /// <param name="expected">What it must be: terms, contacts, contact, months or fields.</param>
    public static ContentFault InvalidStructure(string expected) =>
        Fault(Codes.InvalidStructure, Structures[expected], ("expected", expected));

    /// <summary>taxonomy.yml that is no mapping of its sections.</summary>
    public static ContentFault InvalidSections(IEnumerable<string> sections)
    {
        string[] names = [.. sections];
        return Fault(Codes.InvalidStructure,
            "must be a mapping with the sections " + string.Join(", ", names), ("expected", "sections"), ("sections", names));
    }

    public static ContentFault ControlCharacter(char character) => Fault(Codes.ControlCharacter,
        $"holds the control character {CodePoint(character)}; remove it", ("character", CodePoint(character)));

    /// <summary>A NUL in the file itself (not a YAML escape): neither parsed nor stored.</summary>
    public static ContentFault Nul() => Fault(Codes.ControlCharacter,
        "holds a NUL character (U+0000), which a content file may not; remove it", ("character", CodePoint('\0')));

    public static ContentFault LoneSurrogate(char character) => Fault(Codes.LoneSurrogate,
        $"holds half of a surrogate pair ({CodePoint(character)}), which is no character", ("character", CodePoint(character)));

    public static ContentFault Yaml(string reason) => Fault(Codes.Yaml, $"invalid YAML: {reason}", ("reason", reason));

    public static ContentFault FrontMatterMissing() => Fault(Codes.FrontMatterMissing,
        "missing: the file must start with a '---' line, YAML fields and a closing '---' line");

    public static ContentFault FrontMatterUnclosed() => Fault(Codes.FrontMatterUnclosed,
        "the front matter block opened with '---' on line 1 is never closed by a '---' line");

    public static ContentFault InvalidMarkdown(string reason) =>
        Fault(Codes.InvalidMarkdown, $"cannot be read as Markdown: {reason}", ("reason", reason));

    public static ContentFault FileTooLarge(long size, long limit) => Fault(Codes.FileTooLarge,
        Invariant($"is {size:N0} bytes; a content file may be at most {limit:N0} bytes (Content:MaxFileBytes)."),
        ("size", size), ("limit", limit));

    public static ContentFault Unreadable(string reason) => Fault(Codes.Unreadable, $"cannot be read: {reason}", ("reason", reason));

    public static ContentFault Unparsable(string reason) => Fault(Codes.Unparsable, $"cannot be parsed: {reason}", ("reason", reason));

    /// <summary>A definition change that takes away an id this file uses.</summary>
    /// <param name="definitions">The definition file changed: taxonomy.yml or contacts.yml.</param>
    public static ContentFault NoLongerDefined(string value, string definitions) => Fault(Codes.InUse,
        $"uses '{value}', which the new {definitions} no longer has; change this file first.",
        ("value", value), ("definitions", definitions));

    /// <summary>A theme removed while a material (or the newsletter calendar) uses it.</summary>
    public static ContentFault ThemeInUse(string theme, bool byCalendar) => Fault(Codes.InUse,
        byCalendar
            ? $"features theme '{theme}'; change the calendar before removing the theme."
            : $"uses theme '{theme}'; change this material before removing the theme.",
        ("value", theme), ("definitions", "themes/"));

    /// <summary>An image address that is neither a path of this site nor an http(s) address.</summary>
    public static ContentFault InvalidAddress(string value) => Fault(Codes.InvalidAddress,
        $"'{value}' is not an image address: a path of this site (/...) or an https:// address", ("value", value));

    /// <summary>
    /// A form's edit of a definition file whose list or entry is written in a way it does not change (<c>[...]</c>, <c>{...}</c>).
    /// </summary>
    public static ContentFault NotEditable(string what) => Fault(Codes.NotEditable,
        $"{what} is written in a way the form cannot change line by line; edit the file's source", ("value", what));

    private static ContentFault Fault(string code, string message, params (string Name, object Value)[] values) =>
        new(code, message, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string CodePoint(char character) => Invariant($"U+{(int)character:X4}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
