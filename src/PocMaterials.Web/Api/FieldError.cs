using System.Collections.Frozen;
using System.Text.Json.Serialization;
using PocMaterials.Content;

namespace PocMaterials.Web.Api;

/// <summary>
/// One error of a request, or of the content file it carries, at its field: what a page shows beside that field, worded
/// in its own language by <paramref name="Code"/> and <paramref name="Values"/>.
/// </summary>
/// <param name="Code">
/// Stable: a content error's (README, "Content error codes"), <c>invalid-slug</c>, or the problem's own code for the
/// other errors of a request.
/// </param>
/// <param name="Message">In English, as the problem's <c>errors</c> by field say it.</param>
/// <param name="Values">What a page needs to word it: the unknown term and its lists, the limit, the slug refused.</param>
/// <param name="Line">The file line, for an error of a content file.</param>
/// <param name="File">The content file, for an error of one.</param>
public sealed record FieldError(
    string Field, string Code, string Message, IReadOnlyDictionary<string, object> Values, int? Line = null, string? File = null)
{
    public const string InvalidSlugCode = "invalid-slug";

    private static readonly IReadOnlyDictionary<string, object> NoValues = FrozenDictionary<string, object>.Empty;

    /// <summary>The message as the problem's <c>errors</c> give it: a content file's with its file and line.</summary>
    [JsonIgnore]
    public string Located => File is null ? Message : $"{File} line {Line}: {Message}";

    /// <summary>An error of a request's field without a code of its own: the problem's is given it (<see cref="FieldErrors"/>).</summary>
    public static FieldError Of(string field, string message) => new(field, "", message, NoValues);

    /// <summary>A request's field that breaks a rule the content has too: the content's code, message and values.</summary>
    public static FieldError Of(string field, ContentFault fault) => new(field, fault.Code, fault.Message, fault.Values);

    public static IReadOnlyList<FieldError> Of(IEnumerable<ContentError> errors) =>
        [.. errors.Select(e => new FieldError(e.Field, e.Code, e.Message, e.Fault.Values, e.Line, e.File))];

    /// <summary>A slug (or theme id) that is no plain name: never a path, nor a name Windows keeps for a device.</summary>
    public static FieldError InvalidSlug(string field, string slug) => new(field, InvalidSlugCode,
        $"'{slug}' is not a slug: lower-case letters and digits in words joined by hyphens, at most 100 characters, "
        + "and no Windows device name (con, nul, aux, com1, ...).",
        new Dictionary<string, object>(StringComparer.Ordinal) { ["value"] = slug });
}
