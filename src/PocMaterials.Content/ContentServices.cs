using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;

// Registration extensions live in this namespace, as the framework's own do: the composition root finds them
// without a using, and a feature's root namespace does not depend on its parts (which depend on it).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the content: its options, the calendar of staff's dates, the live library and its health check.</summary>
public static class ContentServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<CalendarOptions>()
            .BindConfiguration(CalendarOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PublicAddressOptions>()
            .BindConfiguration(PublicAddressOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new StaffCalendar(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Zone));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContentOptions>>().Value
            .CreateLibrary(sp.GetRequiredService<ILogger<ContentLibrary>>()));
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        return services;
    }
}
