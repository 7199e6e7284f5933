using System.Globalization;

namespace PocMaterials.Content.Publishing;

/// <summary>The publication buttons of the editor's form.</summary>
public enum PublicationAction
{
    /// <summary>"Bewaar als concept": a draft, which only editors see.</summary>
    Draft,

    /// <summary>"Publiceer nu": published, from today unless it already was published before.</summary>
    Publish,

    /// <summary>"Plan in op ...": published from a later day, hidden from staff until that day starts.</summary>
    Schedule,

    /// <summary>"Haal offline": a draft again; its publication date stays, for when it comes back.</summary>
    Offline,
}

/// <summary>How a material stands on a day: its state (draft, scheduled, published) and its publication date.</summary>
public sealed record PublicationState(string State, string? Date);

/// <summary>
/// The form's publication buttons as the content format's two fields: <c>status</c> (published, the default, or draft) and
/// <c>published</c> (a date; a later one than today means scheduled, invisible to staff until that day in Brussels).
/// </summary>
public static class MaterialPublication
{
    public const string DraftState = "draft";
    public const string ScheduledState = "scheduled";
    public const string PublishedState = "published";

    /// <summary>The fields with the action's status and publication date; every other field as given.</summary>
    /// <param name="date">The day of <see cref="PublicationAction.Schedule"/>, after <paramref name="today"/>.</param>
    public static Dictionary<string, FieldValue> Apply(
        IReadOnlyDictionary<string, FieldValue> fields, PublicationAction action, DateOnly? date, DateOnly today)
    {
        var result = new Dictionary<string, FieldValue>(fields, StringComparer.Ordinal);
        if (action is PublicationAction.Draft or PublicationAction.Offline)
        {
            result["status"] = FieldValue.Text("draft");
            return result;
        }
        // Published is the default status: a file without one keeps none.
        if (Text(fields, "status") is not null)
            result["status"] = FieldValue.Text("published");
        var published = DateOf(Text(fields, "published"));
        var from = action == PublicationAction.Schedule ? date!.Value : published is { } day && day <= today ? day : today;
        result["published"] = FieldValue.Text(Day(from));
        return result;
    }

    /// <summary>How the fields stand today: a draft, scheduled for its publication date, or published.</summary>
    public static PublicationState StateOf(IReadOnlyDictionary<string, FieldValue> fields, DateOnly today)
    {
        var published = Text(fields, "published");
        var state = Text(fields, "status") == "draft" ? DraftState
            : DateOf(published) > today ? ScheduledState
            : PublishedState;
        return new PublicationState(state, published);
    }

    private static string? Text(IReadOnlyDictionary<string, FieldValue> fields, string name) =>
        fields.GetValueOrDefault(name) is { IsEmpty: false } value ? value.Items[0].Trim() : null;

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
