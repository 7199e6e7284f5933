using System.Globalization;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>A question from the website: the question, its theme, and optionally its core process and material.</summary>
public sealed record HelpdeskAskRequest(string? Text, string? Theme, string? CoreProcess, string? Material);

/// <summary>A question that came by phone, mail or a session, as an editor registers it.</summary>
/// <param name="Channel">telefoon, mail or sessie.</param>
/// <param name="Roles">The asker's role ids (clb-medewerker when none).</param>
/// <param name="Minutes">Minutes spent on it, 0 to 600.</param>
/// <param name="AskedAt">The day it was asked (yyyy-MM-dd), today or earlier; by default now.</param>
public sealed record HelpdeskRegistrationRequest(
    string? Channel, string? Text, string? Theme, string? CoreProcess, string? Centre, IReadOnlyList<string>? Roles, int? Minutes,
    string? AskedAt);

/// <summary>An answer: its text (Markdown), the materials it links (slugs), and optionally the minutes spent.</summary>
public sealed record HelpdeskAnswerRequest(string? Text, IReadOnlyList<string>? Materials, int? Minutes);

/// <summary>The minutes spent on a question, 0 to 600; null clears them.</summary>
public sealed record HelpdeskMinutesRequest(int? Minutes);

/// <summary>The FAQ question a question became: its material and the question's anchor.</summary>
public sealed record HelpdeskFaqRequest(string? Slug, string? Anchor);

/// <summary>Checks what a helpdesk request carries against the content, each error coded at its field for the pages.</summary>
internal static class HelpdeskChecks
{
    public const string InvalidChannel = "invalid-channel";
    public const string OutOfRange = "out-of-range";
    public const string DateInFuture = "date-in-future";
    public const string UnknownMaterial = "unknown-material";

    /// <summary>A required text of at most <paramref name="limit"/> characters that PostgreSQL can store; trimmed.</summary>
    public static string Text(FieldErrors errors, string field, string? text, int limit)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            errors.Add(FieldError.Of(field, ContentFaults.Required()));
        else if (ContentText.Unfit(trimmed) is { } fault)
            errors.Add(FieldError.Of(field, fault));
        else if (trimmed.Length > limit)
            errors.Add(FieldError.Of(field, ContentFaults.TooLong(trimmed.Length, limit)));
        return trimmed;
    }

    /// <summary>
    /// An answer is mailed as HTML: Markdown that Markdig cannot read (nested thousands deep) is refused, not kept unsendable.
    /// </summary>
    public static void Markdown(FieldErrors errors, string field, string text)
    {
        var faults = new List<ContentError>();
        if (text.Length > 0 && MarkdownRendering.Parse(text, field, 1, faults) is null)
            errors.Add(FieldError.Of(field, faults[0].Fault));
    }

    /// <summary>The theme (required) and core process (optional): ids of themes/ and taxonomy.yml.</summary>
    public static void Subject(FieldErrors errors, ContentSnapshot content, string? theme, string? coreProcess)
    {
        if (string.IsNullOrEmpty(theme))
            errors.Add(FieldError.Of("theme", ContentFaults.Required()));
        else if (!content.ThemesById.ContainsKey(theme))
            errors.Add(FieldError.Of("theme", ContentFaults.UnknownTerm(theme, "themes")));
        if (coreProcess is not null && !content.Taxonomy.CoreProcesses.Contains(coreProcess))
            errors.Add(FieldError.Of("coreProcess", ContentFaults.UnknownTerm(coreProcess, "core_processes")));
    }

    public static void Minutes(FieldErrors errors, int? minutes)
    {
        if (minutes is < 0 or > QuestionLimits.MaxMinutes)
        {
            errors.Add(new FieldError("minutes", OutOfRange, $"Minutes spent are 0 to {QuestionLimits.MaxMinutes}.",
                Values(("value", minutes.Value), ("min", 0), ("max", QuestionLimits.MaxMinutes))));
        }
    }

    /// <summary>A registration's roles (clb-medewerker when none) and centre, each an id of taxonomy.yml.</summary>
    public static IReadOnlyList<string> Asker(FieldErrors errors, ContentSnapshot content, IReadOnlyList<string>? roles, string? centre)
    {
        var given = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var role in given.Where(r => !content.Taxonomy.Roles.Contains(r)))
            errors.Add(FieldError.Of("roles", ContentFaults.UnknownTerm(role, "roles")));
        if (centre is not null && !content.Taxonomy.Centres.Contains(centre))
            errors.Add(FieldError.Of("centre", ContentFaults.UnknownTerm(centre, "centres")));
        return [.. given.Append(StaffRoles.Everyone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static string? Channel(FieldErrors errors, string? channel)
    {
        if (string.IsNullOrEmpty(channel))
            errors.Add(FieldError.Of("channel", ContentFaults.Required()));
        else if (!Channels.Registered.Contains(channel))
        {
            errors.Add(new FieldError("channel", InvalidChannel,
                $"'{channel}' is not a channel to register; use one of {string.Join(", ", Channels.Registered)}.",
                Values(("value", channel), ("allowed", Channels.Registered.ToArray()))));
        }
        return channel;
    }

    /// <summary>The day asked (yyyy-MM-dd): now when it is today or not given, else noon of that day in the staff's zone.</summary>
    public static DateTimeOffset? AskedAt(FieldErrors errors, string? day, StaffCalendar calendar)
    {
        if (string.IsNullOrEmpty(day))
            return null;
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2000)
        {
            errors.Add(FieldError.Of("askedAt", ContentFaults.InvalidDate(day)));
            return null;
        }
        if (date > calendar.Today)
        {
            errors.Add(new FieldError("askedAt", DateInFuture, "A question is registered on the day it was asked, today or earlier.",
                Values(("value", day))));
            return null;
        }
        // Noon: within its day and month whatever the zone's offset; hours to answer count from there.
        return date == calendar.Today ? null : calendar.StartOf(date).AddHours(12);
    }

    /// <summary>The answer's materials: slugs of materials (editors see every one), at most 20, each once.</summary>
    public static IReadOnlyList<string> Materials(FieldErrors errors, ContentSnapshot content, IReadOnlyList<string>? slugs)
    {
        var given = (slugs ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (given.Count > QuestionLimits.MaxMaterials)
            errors.Add(FieldError.Of("materials", ContentFaults.TooMany(given.Count, QuestionLimits.MaxMaterials)));
        foreach (var slug in given.Where(s => !content.Materials.ContainsKey(s)))
        {
            errors.Add(new FieldError("materials", UnknownMaterial, $"There is no material '{slug}'.", Values(("value", slug))));
        }
        return given;
    }

    private static Dictionary<string, object> Values(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
