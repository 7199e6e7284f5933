using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Contacts;
using PocMaterials.Content.Publishing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// The definitions one entry at a time, as the editors' forms change them: a contact, a taxonomy term, a calendar month
/// (a theme's fields: <see cref="ThemeFormEndpoints"/>). Each is an edit of its file as stored (every other byte stays), validated, checked
/// against what uses it (422 naming each material), versioned and audited as a write of the whole file; If-Match names
/// the file's ETag (optional: the edit is made to the stored version and a change in between is a 412).
/// </summary>
public static partial class DefinitionFormEndpoints
{
    /// <param name="Lists">Each list of taxonomy.yml by its name there: types, core_processes, domains, roles, centres, glossary.</param>
    public sealed record TaxonomyTerms(IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>> Lists);

    /// <param name="Id">Only to add one: lower-case words joined by hyphens; it never changes.</param>
    /// <param name="Aliases">Search synonyms, acronyms among them; null keeps them, empty removes them.</param>
    /// <param name="Staff">A centre's only: how many staff it has, as the file writes it ("420"); null keeps it, empty removes it.</param>
    public sealed record TermRequest(string? Id, string? Label, IReadOnlyList<string>? Aliases, string? Staff = null);

    /// <param name="Id">Only to add one, as for a term.</param>
    /// <param name="Role">The function shown with the name ("Aanspreekpunt decreet leersteun").</param>
    public sealed record ContactRequest(string? Id, string? Name, string? Role, string? Email, string? Phone);

    /// <param name="Feature">A theme or core process id; null or empty leaves the month to the automatic choice.</param>
    public sealed record MonthRequest(string? Feature);

    /// <summary>The planned months, <c>yyyy-MM</c> to a theme or core process id.</summary>
    public sealed record CalendarMonths(IReadOnlyDictionary<string, string> Months);

    public static RouteGroupBuilder MapDefinitionFormEndpoints(this RouteGroupBuilder api)
    {
        var editors = api.MapGroup("").RequireAuthorization(Policies.Editor).WithTags("Publishing (editors)").Audited();
        editors.MapGet("/taxonomy/terms", Terms).WithName("GetTaxonomyTerms")
            .WithSummary("Every list of taxonomy.yml with its terms' ids, labels and aliases, with the file's ETag");
        editors.MapPost("/taxonomy/terms/{list}", AddTerm).WithName("AddTaxonomyTerm").NeedsDatabase()
            .WithSummary("Add a term ({\"id\", \"label\", \"aliases\"}, a centre also \"staff\") at the end of a list");
        editors.MapPut("/taxonomy/terms/{list}/{id}", ChangeTerm).WithName("PutTaxonomyTerm").NeedsDatabase()
            .WithSummary("Change a term's label and aliases (a centre's number of staff too); its id stays");
        editors.MapDelete("/taxonomy/terms/{list}/{id}", DeleteTerm).WithName("DeleteTaxonomyTerm").NeedsDatabase()
            .WithSummary("Remove a term; 422 naming each material that still uses it");
        editors.MapGet("/contacts", Contacts).WithName("GetContacts").WithSummary("The contact persons, with the file's ETag");
        editors.MapPost("/contacts", AddContact).WithName("AddContact").NeedsDatabase()
            .WithSummary("Add a contact person ({\"id\", \"name\", \"role\", \"email\", \"phone\"})");
        editors.MapPut("/contacts/{id}", ChangeContact).WithName("PutContact").NeedsDatabase()
            .WithSummary("Change a contact person's name, role, e-mail and phone; the id stays");
        editors.MapDelete("/contacts/{id}", DeleteContact).WithName("DeleteContact").NeedsDatabase()
            .WithSummary("Remove a contact person; 422 naming each material and theme that still names them");
        editors.MapGet("/newsletter/calendar", Calendar).WithName("GetNewsletterCalendar")
            .WithSummary("The planned months, with the file's ETag (none while there is no calendar)");
        editors.MapPut("/newsletter/calendar/{month}", PutMonth).WithName("PutNewsletterMonth").NeedsDatabase()
            .WithSummary("Plan a theme or core process for a month (yyyy-MM), or leave it to the automatic choice (feature null)");
        return api;
    }

    internal static Ok<TaxonomyTerms> Terms(DefinitionFiles files, ContentLibrary library, HttpContext http)
    {
        SetETag(http, Definition.Taxonomy(files.Location));
        var taxonomy = library.Current.Taxonomy;
        return TypedResults.Ok(new TaxonomyTerms(DefinitionEdits.TaxonomyLists.ToDictionary(
            l => l, l => DefinitionEdits.TermsOf(taxonomy, l), StringComparer.Ordinal)));
    }

    internal static async Task<Results<AddedEntry, NotFoundProblem, ValidationProblem>> AddTerm(
        string list, TermRequest request, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken)
    {
        var id = request.Id ?? "";
        if (!DefinitionEdits.TaxonomyLists.Contains(list))
            return Problems.NotFound("list", list);
        if (!MaterialFiles.IsValidSlug(id))
            return Problems.InvalidSlug("id", id);
        if (StaffOutsideCentres(list, request) is { } refused)
            return refused;
        var result = await edits.TermAsync(list, id, TermChanges(request, true), true, PublishingAnswers.IfMatch(http), Author(http),
            cancellationToken);
        return DefinitionFormAnswers.Added(http, result, "term", $"/api/taxonomy/terms/{list}/{id}");
    }

    internal static async Task<Results<ChangedEntry, ValidationProblem>> ChangeTerm(
        string list, string id, TermRequest request, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken)
    {
        if (!DefinitionEdits.TaxonomyLists.Contains(list))
            return (ChangedEntry)Problems.NotFound("list", list);
        if (!MaterialFiles.IsValidSlug(id))
            return Problems.InvalidSlug("id", id);
        if (StaffOutsideCentres(list, request) is { } refused)
            return refused;
        var result = await edits.TermAsync(list, id, TermChanges(request, false), false, PublishingAnswers.IfMatch(http), Author(http),
            cancellationToken);
        return DefinitionFormAnswers.Changed(http, result, "term", $"/api/taxonomy/terms/{list}/{id}");
    }

    /// <summary>A new term always gets a label (an empty one is refused by the validation); a change only what it sends.</summary>
    private static Dictionary<string, FieldValue> TermChanges(TermRequest request, bool create)
    {
        var changes = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        if (request.Label is not null || create)
            changes["label"] = FieldValue.Text(request.Label?.Trim() ?? "");
        if (request.Aliases is not null)
            changes["aliases"] = FieldValue.List([.. request.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0)]);
        // Written as given: the file's validation says what is no number of staff, as it says it of a hand edit.
        if (request.Staff is not null)
            changes["staff"] = request.Staff.Trim().Length == 0 ? FieldValue.List([]) : FieldValue.Text(request.Staff.Trim());
        return changes;
    }

    /// <summary>Only centres have staff: another list's term would keep a number nothing reads.</summary>
    private static ValidationProblem? StaffOutsideCentres(string list, TermRequest request) =>
        request.Staff is not null && list != "centres" ? Problems.Invalid("staff", "Only a centre has a number of staff.") : null;

    internal static async Task<RemovedFile> DeleteTerm(
        string list, string id, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken) =>
        Removed(await edits.RemoveTermAsync(list, id, PublishingAnswers.IfMatch(http), Author(http), cancellationToken), "term", id);

    internal static Ok<IReadOnlyList<Contact>> Contacts(DefinitionFiles files, ContentLibrary library, HttpContext http)
    {
        SetETag(http, Definition.Contacts(files.Location));
        var contacts = library.Current.Contacts.Values.OrderBy(c => c.Name, StringComparer.CurrentCulture);
        return TypedResults.Ok<IReadOnlyList<Contact>>([.. contacts]);
    }

    internal static async Task<Results<AddedEntry, ValidationProblem>> AddContact(
        ContactRequest request, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken)
    {
        var id = request.Id ?? "";
        if (!MaterialFiles.IsValidSlug(id))
            return Problems.InvalidSlug("id", id);
        var result = await edits.ContactAsync(id, ContactChanges(request, true), true, PublishingAnswers.IfMatch(http), Author(http),
            cancellationToken);
        return DefinitionFormAnswers.Added(http, result, "contact", $"/api/contacts/{id}");
    }

    internal static async Task<Results<ChangedEntry, ValidationProblem>> ChangeContact(
        string id, ContactRequest request, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(id))
            return Problems.InvalidSlug("id", id);
        var result = await edits.ContactAsync(id, ContactChanges(request, false), false, PublishingAnswers.IfMatch(http), Author(http),
            cancellationToken);
        return DefinitionFormAnswers.Changed(http, result, "contact", $"/api/contacts/{id}");
    }

    /// <summary>A new contact gets every field (one not sent: none); a change only what it sends.</summary>
    private static Dictionary<string, FieldValue> ContactChanges(ContactRequest request, bool create)
    {
        var changes = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var given = new[] { ("name", request.Name), ("role", request.Role), ("email", request.Email), ("phone", request.Phone) };
        foreach (var (name, value) in given)
        {
            if (value is not null || create)
                changes[name] = value is null ? FieldValue.List([]) : FieldValue.Text(value.Trim());
        }
        return changes;
    }

    internal static async Task<RemovedFile> DeleteContact(
        string id, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken) =>
        Removed(await edits.RemoveContactAsync(id, PublishingAnswers.IfMatch(http), Author(http), cancellationToken), "contact", id);

    internal static Ok<CalendarMonths> Calendar(DefinitionFiles files, ContentLibrary library, HttpContext http)
    {
        SetETag(http, Definition.NewsletterCalendar(files.Location));
        return TypedResults.Ok(new CalendarMonths(library.Current.NewsletterCalendar.Months.ToDictionary(
            m => m.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), m => m.Value.Id, StringComparer.Ordinal)));
    }

    internal static async Task<Results<PlannedMonth, ValidationProblem>> PutMonth(
        string month, MonthRequest request, HttpContext http, DefinitionEdits edits, CancellationToken cancellationToken)
    {
        if (!Month().IsMatch(month))
        {
            var values = new Dictionary<string, object>(StringComparer.Ordinal) { ["value"] = month };
            var error = new FieldError("month", ContentErrorCodes.InvalidMonth, "A month is yyyy-MM, for example 2026-10.", values);
            return new FieldErrors().Add(error).Problem()!;
        }
        var feature = string.IsNullOrWhiteSpace(request.Feature) ? null : request.Feature.Trim();
        var result = await edits.MonthAsync(month, feature, PublishingAnswers.IfMatch(http), Author(http), cancellationToken);
        return DefinitionFormAnswers.Planned(http, result);
    }

    private static void SetETag(HttpContext http, Definition definition)
    {
        if (DefinitionFiles.Read(definition) is { } source)
            http.Response.Headers.ETag = source.ETag;
    }

    /// <summary>An entry removed from a file is a replace of the file, but a removal of the entry: 204.</summary>
    private static RemovedFile Removed(WriteResult result, string what, string id) => result.Outcome == WriteOutcome.Replaced
        ? TypedResults.NoContent()
        : PublishingAnswers.Removed(result, what, id);

    internal static string Author(HttpContext http) => http.User.ToStaffMember().Subject;

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])\z")]
    private static partial Regex Month();
}
