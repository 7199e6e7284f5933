using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Backups;
using PocMaterials.Web.Api;
using PocMaterials.Web.Endpoints;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;
using IdentityOptions = PocMaterials.Web.Options.IdentityOptions;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// The composition root: the features, each wired by its own <c>Add...</c> (which binds and validates its options),
/// then identity, the HTTP pipeline's services, jobs and backups. Hosted services start in registration order:
/// the database first, then the content and its index, reach, Hangfire, the newsletter, publishing and backups.
/// </summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddPocMaterials(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        if (builder.Environment.IsDevelopment())
        {
            services.PostConfigure<IdentityOptions>(identity =>
            {
                if (string.IsNullOrEmpty(identity.SigningKey))
                    identity.SigningKey = IdentityOptions.DevelopmentSigningKey;
            });
        }
        services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.Section);

        // The tables of every feature, migrated when the database starts.
        services.AddSingleton(ProductSchema.All);
        services.AddSingleton<Reports.AnnualReportBuilder>();
        services.AddPersistence();
        services.AddSingleton(TimeProvider.System);
        services.AddContent();
        services.AddSearch(sp => Path.Combine(sp.GetRequiredService<DataFolderLock>().Path, DataOptions.IndexFolder));
        services.AddReach();
        // Learning from use reads queries as the engine does: reach's learner, the engine's words.
        services.AddSingleton<PocMaterials.Search.Analysis.SearchWords>();
        services.AddSingleton<PocMaterials.Reach.Learning.IQueryWords, EngineQueryWords>();

        services.AddSingleton<DevelopmentTokens>();
        services.AddStaffAuthentication();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>, IOptions<DiagnosticsOptions>>((jwt, identity, diagnostics) =>
            {
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = diagnostics.Value.TokenErrorDetails;
                jwt.Events = new JwtBearerEvents { OnTokenValidated = StaffTokenValidation.OnTokenValidated };
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = identity.Value.Issuer,
                    ValidAudience = identity.Value.Audience,
                    IssuerSigningKey = DevelopmentTokens.SigningKeyOf(identity.Value),
                    NameClaimType = StaffClaims.Subject,
                    RoleClaimType = StaffClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        services.AddAuthorization(authorization =>
            authorization.AddPolicy(Policies.Editor, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Editor)));

        // Problems the framework writes (401, 403, a parameter that does not bind) get a code as ours have.
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Problems.AddCode);
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<UnreadableRequestHandler>();
        // A parameter that does not bind (page=twee) is the caller's error in every environment: 400, not an exception.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi =>
            openApi.AddDocumentTransformer<BearerSecurityTransformer>().AddOperationTransformer<RouteParameterTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddJobs();
        services.AddNewsletter();
        services.AddHelpdesk();
        services.AddPublishing();
        services.AddBackups(
            sp => sp.GetRequiredService<IOptions<ContentOptions>>().Value.Folders(), sp => sp.GetRequiredService<StaffCalendar>().Zone);
        return builder;
    }
}
