using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PocMaterials.Content.Library;
using PocMaterials.Content.Publishing;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Attachments;
using PocMaterials.Publishing.Materials;
using PocMaterials.Publishing.Versions;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Reach;
using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;
using IdentityOptions = PocMaterials.Web.Options.IdentityOptions;

namespace PocMaterials.Web.Hosting;

/// <summary>Wires the content, search and identity parts into the web host.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddPocMaterials(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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

        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReachOptions>().BindConfiguration(ReachOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Everything kept in the data folder is opened through its lock, so a second server on the same folder stops here.
        services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<IOptions<DataOptions>>().Value.DataPath));
        // The database starts first and stops last: every service below may need it.
        services.AddSingleton(ProductSchema.All);
        services.AddSingleton<Database>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<EmbeddedPostgresSupervisor>();

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new StaffCalendar(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Zone));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContentOptions>>().Value.CreateLibrary(sp.GetRequiredService<ILogger<ContentLibrary>>()));
        services.AddSingleton<ContentVersions>();
        services.AddSingleton<VersionedFiles>();
        services.AddSingleton<MaterialRedirects>();
        services.AddSingleton(sp => new MaterialFiles(
            sp.GetRequiredService<ContentLibrary>(), sp.GetRequiredService<VersionedFiles>(), sp.GetRequiredService<ContentVersions>(),
            sp.GetRequiredService<MaterialRedirects>(), sp.GetServices<IMaterialRecords>(), sp.GetRequiredService<IOptions<ContentOptions>>().Value.MaxFileBytes));
        services.AddSingleton(sp => new DefinitionFiles(
            sp.GetRequiredService<ContentLibrary>(), sp.GetRequiredService<VersionedFiles>(), sp.GetRequiredService<ContentVersions>(),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.MaxFileBytes));
        services.AddSingleton(sp => new AttachmentFiles(sp.GetRequiredService<ContentLibrary>(), sp.GetRequiredService<Database>(),
            sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes, sp.GetRequiredService<ILogger<AttachmentFiles>>()));
        services.AddSingleton(sp => new MaterialIndex(
            Path.Combine(sp.GetRequiredService<DataFolderLock>().Path, DataOptions.IndexFolder),
            sp.GetRequiredService<ILogger<MaterialIndex>>()));
        services.AddSingleton(sp =>
        {
            var library = sp.GetRequiredService<ContentLibrary>();
            return new MaterialSearcher(sp.GetRequiredService<MaterialIndex>(), () => library.Current);
        });
        services.AddHostedService<ContentIndexingService>();
        services.AddHostedService<HandEditRecorder>();

        services.AddSingleton(sp => ViewerPseudonyms.FromOptions(
            sp.GetRequiredService<IOptions<ReachOptions>>().Value, sp.GetRequiredService<DataFolderLock>().Path));
        services.AddSingleton<ReachTracking>();
        services.AddSingleton<ReachRecorder>();
        services.AddSingleton<IMaterialRecords, ReachHistory>();
        services.AddSingleton<ReachEventStore>();
        services.AddSingleton<ReachEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ReachEventWriter>());
        services.AddSingleton<RawEventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<RawEventRetention>());
        services.AddSingleton<ReachReports>();

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

        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<UnreadableRequestHandler>();
        // A parameter that does not bind (page=twee) is the caller's error in every environment: 400, not an exception.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
        // One instance, so the database check's kept answer is shared by every request.
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content")
            .AddCheck<SearchIndexHealthCheck>("search-index")
            .AddCheck<DatabaseHealthCheck>("database");
        return builder.AddJobs().AddNewsletter().AddWebhooks().AddBackups();
    }
}
