namespace PocMaterials.Content;

/// <summary>
/// The stable codes of content errors, one for each kind of error whatever file or parser finds it. Pages word an error
/// in Dutch by its code and values; the codes and their values are the README's table "Content error codes".
/// </summary>
public static class ContentErrorCodes
{
    public const string Required = "required";
    public const string NotText = "not-text";
    public const string NotAList = "not-a-list";
    public const string InvalidItem = "invalid-item";
    public const string UnknownField = "unknown-field";
    public const string UnknownTerm = "unknown-term";
    public const string TooLong = "too-long";
    public const string TooMany = "too-many";
    public const string InvalidDate = "invalid-date";
    public const string InvalidCount = "invalid-count";
    public const string DateOrder = "date-order";
    public const string InvalidStatus = "invalid-status";
    public const string InvalidMonth = "invalid-month";
    public const string Duplicate = "duplicate";
    public const string IncompleteEntry = "incomplete-entry";
    public const string RequiredRole = "required-role";
    public const string InvalidStructure = "invalid-structure";
    public const string ControlCharacter = "control-character";
    public const string LoneSurrogate = "lone-surrogate";
    public const string Yaml = "yaml";
    public const string FrontMatterMissing = "front-matter-missing";
    public const string FrontMatterUnclosed = "front-matter-unclosed";
    public const string InvalidMarkdown = "invalid-markdown";
    public const string FileTooLarge = "file-too-large";
    public const string Unreadable = "unreadable";
    public const string Unparsable = "unparsable";
    public const string InUse = "in-use";
    public const string InvalidAddress = "invalid-address";
    public const string NotEditable = "not-editable";
}
