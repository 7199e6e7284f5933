using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>POC-a-tizer subscribers for editors: the CSV import and the list, with who unsubscribed and when.</summary>
public static class SubscriberEndpoints
{
    private const int MaxPageSize = 200;

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
                + $"413 over {SubscriberCsv.MaxBytes / (1024 * 1024)} MiB.")
            .DocumentsBody("text/csv");
        subscribers.MapGet("", List)
            .WithName("ListSubscribers")
            .WithSummary("Subscribers by id; with unsubscribed=true those who unsubscribed, latest first, and when")
            .WithDescription($"Editors only. page from 1, pageSize from 1 to {MaxPageSize} (default 50).");
        return api;
    }

    internal static async Task<Results<Ok<ImportCounts>, TooLargeProblem, UnsupportedMediaTypeProblem, UnprocessableProblem>> Import(
        HttpRequest request, ContentLibrary library, SubscriberImport import, CancellationToken cancellationToken)
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
            : await import.ImportAsync(request.Body, library.Current.Taxonomy, cancellationToken);
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
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (page is < 1)
            errors.Add("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        if (errors.Problem("The subscriber list request is not valid.") is { } invalid)
            return invalid;
        return TypedResults.Ok(await store.ListAsync(unsubscribed, page ?? 1, pageSize ?? 50, cancellationToken));
    }
}
