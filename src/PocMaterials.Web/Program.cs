using PocMaterials.Web.Commands;
using PocMaterials.Web.Hosting;
using PocMaterials.Web.Options;

var validate = args is ["validate", ..];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = validate ? args[1..] : args,
    // appsettings*.json ship beside the binary; content and data paths are relative to the working directory.
    ContentRootPath = AppContext.BaseDirectory,
});

if (validate)
{
    var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
    return ValidateCommand.Run(options, Console.Out);
}

builder.AddPocMaterials();
var app = builder.Build();
app.UsePocMaterials();
app.Run();
return 0;

/// <summary>The web host's entry point, visible to integration tests.</summary>
public partial class Program;
