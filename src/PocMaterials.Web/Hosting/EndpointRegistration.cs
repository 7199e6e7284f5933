using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Hangfire;
using PocMaterials.Web.Api;
using PocMaterials.Web.Endpoints;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;
using PocMaterials.WebApp;
using Scalar.AspNetCore;

namespace PocMaterials.Web.Hosting;

public static class EndpointRegistration
{
    public static WebApplication UsePocMaterials(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebAppAssets();
        app.UseAuthentication();
        app.UseAudit();
        app.UseCookieRequestForgeryCheck();
        app.UseAuthorization();

        var diagnostics = app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value;
        if (diagnostics.OpenApi)
        {
            app.MapOpenApi();
            app.MapScalarApiReference();
        }
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = diagnostics.DetailedHealth ? WriteHealth : WriteStatus });
        // Liveness for a load balancer or supervisor: the process serves requests; no check is run.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatus });

        var api = app.MapGroup("/api").RequireAuthorization().DeclaresAuthorizationAnswers();
        api.MapSessionEndpoints();
        api.MapSearchEndpoints();
        api.MapMaterialEndpoints();
        api.MapFeedbackEndpoints();
        api.MapMaterialPublishingEndpoints();
        api.MapDefinitionPublishingEndpoints();
        api.MapDefinitionFormEndpoints();
        api.MapThemeFormEndpoints();
        api.MapSearchAliasEndpoints();
        api.MapProposedAliasEndpoints();
        api.MapAttachmentEndpoints();
        api.MapAuditEndpoints();
        api.MapWebhookEndpoints();
        api.MapTaxonomyEndpoints();
        api.MapMaterialVocabularyEndpoints();
        api.MapReportEndpoints();
        api.MapAnnualReportEndpoints();
        api.MapNewsletterEndpoints();
        api.MapNewsletterArchiveEndpoints();
        api.MapSubscriberEndpoints();
        api.MapBounceEndpoints();
        api.MapHelpdeskEndpoints();
        if (app.Environment.IsDevelopment())
            api.MapDevelopmentEndpoints();
        app.MapNewsletterTrackingEndpoints();
        app.MapUnsubscribeEndpoints();
        app.MapHelpdeskSatisfactionEndpoints();
        // Editors signed in on the pages (cookie) or with a bearer token: the default scheme accepts both.
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Editor, "/hangfire").Add(endpoint =>
        {
            var dashboard = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                PageHeaders.Apply(http.Response, inlineStyles: true);
                return dashboard(http);
            };
        });
        app.MapSignInEndpoints(app.Environment.IsDevelopment());
        app.MapWebApp();
        return app;
    }

    private static Task WriteStatus(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }));
    }
}
