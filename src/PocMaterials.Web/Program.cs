using PocMaterials.Persistence.Backups;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Persistence;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Hosting;
using PocMaterials.Web.Options;

var validate = args is ["validate", ..];
var subscribers = args is ["subscribers", ..];
var dkim = args is ["dkim", ..];
var dkimCheck = dkim && args.Contains("--check");
// backup [DIR] and restore DIR: the folder is the first argument that is not a setting.
var backup = args is ["backup", ..];
var restore = args is ["restore", ..];
var folderArgument = (backup || restore) && args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = validate ? args[1..]
        : dkim ? [.. args.Skip(1).Where(a => a != "--check")]
        : subscribers ? [.. args.Skip(3)]
        : backup || restore ? [.. args.Skip(folderArgument is null ? 1 : 2)]
        : args,
    // appsettings*.json ship beside the binary; content and data paths are relative to the working directory.
    ContentRootPath = AppContext.BaseDirectory,
});

if (validate)
{
    var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
    return ValidateCommand.Run(options, Console.Out);
}
T Section<T>(string name) where T : new() => builder.Configuration.GetSection(name).Get<T>() ?? new T();
if (backup)
{
    return await BackupCommand.RunAsync(
        folderArgument,
        Section<ContentOptions>(ContentOptions.Section),
        Section<DataOptions>(DataOptions.Section),
        Section<PostgresOptions>(PostgresOptions.Section),
        Section<BackupOptions>(BackupOptions.Section),
        Console.Out);
}
if (restore)
{
    if (folderArgument is null)
    {
        Console.Error.WriteLine("usage: restore DIR [--Key=value ...]");
        return 2;
    }
    return await RestoreCommand.RunAsync(
        folderArgument,
        Section<ContentOptions>(ContentOptions.Section),
        Section<DataOptions>(DataOptions.Section),
        Section<PostgresOptions>(PostgresOptions.Section),
        Console.Out);
}
if (dkim)
{
    return await DkimCommand.RunAsync(
        dkimCheck,
        Section<SmtpOptions>(SmtpOptions.Section),
        Section<DkimOptions>(DkimOptions.Section),
        Section<DataOptions>(DataOptions.Section),
        Console.Out);
}
if (subscribers)
{
    if (args is not [_, "import", var file, ..])
    {
        Console.Error.WriteLine("usage: subscribers import FILE [--Key=value ...]");
        return 2;
    }
    return await SubscribersImportCommand.RunAsync(
        file,
        Section<ContentOptions>(ContentOptions.Section),
        Section<DataOptions>(DataOptions.Section),
        Section<PostgresOptions>(PostgresOptions.Section),
        Console.Out);
}

builder.AddPocMaterials();
var app = builder.Build();
app.UsePocMaterials();
app.Run();
return 0;

/// <summary>The web host's entry point, visible to integration tests.</summary>
public partial class Program;
