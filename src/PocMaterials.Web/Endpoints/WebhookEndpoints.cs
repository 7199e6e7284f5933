using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Webhooks;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Editors configure webhook receivers: each gets a signed POST when a material its roles may see is
/// published, updated, unpublished or removed, and the delivery log shows what was sent and answered.
/// </summary>
public static class WebhookEndpoints
{
    private const int MaxDescriptionLength = 500;
    private const int MaxUrlLength = 2000;

    public sealed record WebhookRequest(string? Url, string[]? Events, string[]? Roles, string? Description);

    /// <summary>A created receiver, with the secret that signs its requests: shown this once.</summary>
    public sealed record WebhookCreated(long Id, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> Roles, string? Description,
        DateTimeOffset CreatedAt, string CreatedBy, string Secret);

    public sealed record TestSent(long DeliveryId, string MessageId);

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").RequireAuthorization(Policies.Editor).WithTags("Webhooks (editors)")
            .Audited().NeedsDatabase();
        webhooks.MapPost("/", Create)
            .WithName("CreateWebhook")
            .WithSummary("Configure a receiver: {url, events?, roles?, description?}; the answer holds its signing secret, shown once")
            .WithDescription("events: any of material.published, material.updated, material.unpublished, material.removed (default all). "
                + "roles: whom the receiver serves (default clb-medewerker, every staff member): "
                + "it hears only of materials these roles may see.");
        webhooks.MapGet("/", List)
            .WithName("ListWebhooks")
            .WithSummary("The configured receivers (without their secrets)");
        webhooks.MapGet("/{id:long}", Get)
            .WithName("GetWebhook")
            .WithSummary("One receiver");
        webhooks.MapDelete("/{id:long}", Delete)
            .WithName("DeleteWebhook")
            .WithSummary("Remove a receiver and its delivery log");
        webhooks.MapGet("/{id:long}/deliveries", Deliveries)
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log, newest first: event, status, attempts with their answers and errors, times");
        webhooks.MapPost("/{id:long}/test", Test)
            .WithName("TestWebhook")
            .WithSummary("Send a webhook.test event to the receiver, to try it");
        return api;
    }

    internal static async Task<Results<Created<WebhookCreated>, ValidationProblem>> Create(
        WebhookRequest request,
        WebhookStore store,
        ReceiverAddresses addresses,
        ContentLibrary library,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https")
            || request.Url!.Length > MaxUrlLength
            || !string.IsNullOrEmpty(url.UserInfo)
            || !string.IsNullOrEmpty(url.Fragment))
        {
            errors.Add("url", $"'{request.Url}' is not an absolute http or https address "
                + $"(without user name or #fragment, at most {MaxUrlLength} characters).");
        }
        else if (await addresses.RefusalAsync(url.IdnHost, cancellationToken) is { } refusal)
            errors.Add("url", refusal);
        var events = request.Events is { Length: > 0 } chosen
            ? chosen.Distinct(StringComparer.Ordinal).ToArray()
            : [.. WebhookEventTypes.Material];
        if (events.Where(e => !WebhookEventTypes.Material.Contains(e)).ToList() is { Count: > 0 } unknownEvents)
        {
            errors.Add("events",
                $"Unknown event types: {string.Join(", ", unknownEvents)}. Known: {string.Join(", ", WebhookEventTypes.Material)}.");
        }
        var roles = request.Roles is { Length: > 0 } given ? given.Distinct(StringComparer.Ordinal).ToArray() : [StaffRoles.Everyone];
        var taxonomy = library.Current.Taxonomy;
        if (roles.Contains(StaffRoles.Editor))
            errors.Add("roles", $"'{StaffRoles.Editor}' sees drafts; a receiver serves staff roles only.");
        else if (roles.Where(r => !taxonomy.Roles.Contains(r)).ToList() is { Count: > 0 } unknownRoles)
        {
            errors.Add("roles",
                $"Unknown roles: {string.Join(", ", unknownRoles)}. Known: {string.Join(", ", taxonomy.Roles.All.Select(r => r.Id))}.");
        }
        if (request.Description is { Length: > MaxDescriptionLength })
            errors.Add("description", $"At most {MaxDescriptionLength} characters.");
        if (errors.Problem() is { } invalid)
            return invalid;

        var (endpoint, secret) = await store.CreateAsync(
            url!.AbsoluteUri, events, roles, request.Description, http.User.ToStaffMember().Subject, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{endpoint.Id}", new WebhookCreated(
            endpoint.Id,
            endpoint.Url,
            endpoint.Events,
            endpoint.Roles,
            endpoint.Description,
            endpoint.CreatedAt,
            endpoint.CreatedBy,
            secret));
    }

    internal static async Task<Ok<IReadOnlyList<WebhookEndpoint>>> List(WebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<WebhookEndpoint>, NotFoundProblem>> Get(
        long id, WebhookStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : NotFound(id);

    internal static async Task<Results<NoContent, NotFoundProblem>> Delete(
        long id, WebhookStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    internal static async Task<Results<Ok<IReadOnlyList<WebhookDelivery>>, NotFoundProblem, ValidationProblem>> Deliveries(
        long id, int? limit, WebhookStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
            return Problems.Invalid("limit", "limit must be between 1 and 1,000.");
        if (await store.FindAsync(id, cancellationToken) is null)
            return NotFound(id);
        return TypedResults.Ok(await store.DeliveriesAsync(id, limit ?? 100, cancellationToken));
    }

    internal static async Task<Results<Accepted<TestSent>, NotFoundProblem>> Test(
        long id, WebhookStore store, IBackgroundJobClient jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
            return NotFound(id);
        var message = WebhookMessage.New(WebhookEventTypes.Test, time.GetUtcNow(), material: null);
        var delivery = await store.AddAsync(id, message, cancellationToken);
        WebhookDeliveryJob.Enqueue(jobs, delivery);
        return TypedResults.Accepted($"/api/webhooks/{id}/deliveries", new TestSent(delivery, message.Id));
    }

    private static NotFoundProblem NotFound(long id) => Problems.NotFound("webhook", id);
}
