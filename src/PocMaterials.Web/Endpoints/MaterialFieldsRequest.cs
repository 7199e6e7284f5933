using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PocMaterials.Content;
using PocMaterials.Content.Publishing;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>A publication button of the form: its action (draft, publish, schedule, offline) and a schedule's day.</summary>
public sealed record PublicationRequest(string? Action, string? Date);

/// <summary>
/// A material as the editor's form sends it (<c>PUT /api/materials/{slug}</c>, application/json): every field, each a
/// text or a list of texts (null: left out), the Markdown body (null: as stored), and the publication button pressed
/// (null: status and published as the fields say). The check (<c>POST /api/materials/{slug}/check</c>) also takes the file
/// the fields edit as <c>source</c> (null: a new file), so the form can show the file it would write; a PUT edits the
/// version If-Match names and refuses a source.
/// </summary>
public sealed partial record MaterialFieldsRequest(
    Dictionary<string, JsonElement>? Fields, string? Body, PublicationRequest? Publication, string? Source = null)
{
    public const string NotInFutureCode = "not-in-future";

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

    /// <summary>The fields as values of the content format, the publication applied, with what is wrong with any of them.</summary>
    internal (Dictionary<string, FieldValue> Values, FieldErrors Errors) Values(DateOnly today)
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
        if (Publication is null)
            return (values, errors);
        PublicationAction? action = Publication.Action switch
        {
            "draft" => PublicationAction.Draft,
            "publish" => PublicationAction.Publish,
            "schedule" => PublicationAction.Schedule,
            "offline" => PublicationAction.Offline,
            _ => null,
        };
        if (action is null)
            errors.Add("publication.action", "The action is draft, publish, schedule or offline.");
        var date = ScheduleDate(action, today, errors);
        return (action is { } known && !errors.Any ? MaterialPublication.Apply(values, known, date, today) : values, errors);
    }

    /// <summary>A schedule's day, after today; no other action takes one.</summary>
    private DateOnly? ScheduleDate(PublicationAction? action, DateOnly today, FieldErrors errors)
    {
        var text = Publication!.Date;
        if (action != PublicationAction.Schedule)
        {
            if (text is not null)
                errors.Add("publication.date", "Only schedule takes a date.");
            return null;
        }
        var values = new Dictionary<string, object>(StringComparer.Ordinal) { ["value"] = text ?? "" };
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError("publication.date", ContentErrorCodes.InvalidDate, "Schedule on a date: yyyy-MM-dd.", values));
            return null;
        }
        if (date > today)
            return date;
        values["today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        errors.Add(new FieldError("publication.date", NotInFutureCode, "Schedule on a day after today; publish now for today.", values));
        return null;
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
