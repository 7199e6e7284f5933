using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// POC-a-tizer subscribers for editors: the CSV import (with a dry run that previews it), the list with a search, and one
/// subscriber added or unsubscribed.
/// </summary>
public static class SubscriberEndpoints
{
    private const int MaxPageSize = 200;

    /// <param name="Roles">Role ids; clb-medewerker is implied.</param>
    /// <param name="Centre">A centre id, or none.</param>
    public sealed record SubscriberRequest(string? Email, string? Name, IReadOnlyList<string>? Roles, string? Centre);

    public static RouteGroupBuilder MapSubscriberEndpoints(this RouteGroupBuilder api)
    {
        var subscribers = api.MapGroup("/newsletter/subscribers").RequireAuthorization(Policies.Editor).WithTags("Newsletter")
            .Audited().NeedsDatabase();
        subscribers.MapPost("/import", Import)
            .WithName("ImportSubscribers")
            .WithSummary("Creates and updates subscribers from a CSV file (email,name,roles,centre)")
            .WithDescription(
                $"Editors only. Body: text/csv, UTF-8, header {SubscriberCsv.Header}; "
                + $"roles are role ids separated by '{SubscriberCsv.RoleSeparator}', "
                + "clb-medewerker implied; centre is a centre id or empty. Addresses are compared without case. "
                + "Someone who unsubscribed stays unsubscribed and unchanged. "
                + "A file with any error imports nothing: 422 with every line's error. "
                + $"413 over {SubscriberCsv.MaxBytes / (1024 * 1024)} MiB. With dryRun=true nothing is written: the answer "
                + "counts what the import would do (the preview).")
            .DocumentsBody("text/csv");
        subscribers.MapPost("", Add)
            .WithName("AddSubscriber")
            .WithSummary("Adds one subscriber ({\"email\", \"name\", \"roles\", \"centre\"}), checked as a line of an import is")
            .WithDescription("201 when new, 200 when the address was known (updated as an import would), 409 when it unsubscribed: "
                + "an editor never subscribes someone again who left.");
        subscribers.MapDelete("/{id:long}", Unsubscribe)
            .WithName("UnsubscribeSubscriber")
            .WithSummary("Unsubscribes one subscriber for good, as their mail's link would: an import never subscribes them again");
        subscribers.MapGet("", List)
            .WithName("ListSubscribers")
            .WithSummary("Subscribers by id; with unsubscribed=true those who unsubscribed, latest first, and when; "
                + "q: only those whose address or name holds it")
            .WithDescription($"Editors only. page from 1, pageSize from 1 to {MaxPageSize} (default 50).");
        return api;
    }

    internal static async Task<Results<Ok<ImportCounts>, TooLargeProblem, UnsupportedMediaTypeProblem, UnprocessableProblem>> Import(
        HttpRequest request, ContentLibrary library, SubscriberImport import, [FromQuery] bool? dryRun,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType("The body must be text/csv.",
                $"Send the CSV file itself with Content-Type: text/csv; its header is {SubscriberCsv.Header}.");
        }
        // A declared length over the limit is refused before a byte is read.
        var result = request.ContentLength > SubscriberCsv.MaxBytes
            ? new SubscriberImportResult.TooLarge()
            : await import.ImportAsync(request.Body, library.Current.Taxonomy, cancellationToken, dryRun ?? false);
        return result switch
        {
            SubscriberImportResult.Imported imported => TypedResults.Ok(imported.Counts),
            SubscriberImportResult.TooLarge tooLarge =>
                Problems.TooLarge("The subscriber file is too large.", tooLarge.Reason + " Nothing was imported; split the file."),
            SubscriberImportResult.Rejected rejected => Problems.Unprocessable("invalid-file", "The subscriber file has errors.",
                rejected.Summary + " Fix them and send the whole file again.", rejected.Errors),
            _ => throw new InvalidOperationException($"Unknown import result {result}"),
        };
    }

    internal static async Task<Results<Ok<SubscriberPage>, ValidationProblem>> List(
        SubscriberStore store,
        [FromQuery] bool? unsubscribed,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        [FromQuery] string? q,
        CancellationToken cancellationToken)
    {
        if (new FieldErrors().Paging(page, pageSize, MaxPageSize).Problem("The subscriber list request is not valid.") is { } invalid)
            return invalid;
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        return TypedResults.Ok(await store.ListAsync(unsubscribed, page ?? 1, pageSize ?? 50, cancellationToken, search));
    }

    internal static async Task<Results<Created<ImportCounts>, Ok<ImportCounts>, ConflictProblem, UnprocessableProblem>> Add(
        SubscriberRequest request, ContentLibrary library, SubscriberStore store, CancellationToken cancellationToken)
    {
        var roles = string.Join(SubscriberCsv.RoleSeparator, request.Roles ?? []);
        var (row, errors) = SubscriberCsv.Check(
            request.Email ?? "", request.Name ?? "", roles, request.Centre ?? "", library.Current.Taxonomy);
        if (row is null)
            return Problems.Unprocessable("invalid-subscriber", "The subscriber is not valid.", "Nothing was written.", errors);
        var counts = await store.ImportAsync([row], cancellationToken);
        if (counts.SkippedUnsubscribed > 0)
            return Problems.Conflict("This address unsubscribed.", "Someone who unsubscribed is not subscribed again by an editor.");
        return counts.Created > 0 ? TypedResults.Created("/api/newsletter/subscribers", counts) : TypedResults.Ok(counts);
    }

    internal static async Task<Results<NoContent, NotFoundProblem>> Unsubscribe(
        long id, SubscriberStore store, CancellationToken cancellationToken) =>
        await store.UnsubscribeAsync(id, cancellationToken) is null ? Problems.NotFound("subscriber", id) : TypedResults.NoContent();
}
