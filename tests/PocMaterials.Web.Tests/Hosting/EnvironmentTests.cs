using System.Net;
using Microsoft.Extensions.Options;
using PocMaterials.Testing;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Tests.Hosting;

public sealed class EnvironmentTests
{
    [Fact]
    public async Task Outside_Development_there_is_no_token_endpoint()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche");
        await using var app = new PocMaterialsApp(folder, "Production", new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = "https://login.example.org",
            ["Identity:SigningKey"] = "a-production-key-of-at-least-32-bytes!!",
        });

        var response = await app.CreateClient()
            .PostAsync("/api/dev/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_a_missing_signing_key_stops_the_start()
    {
        using var folder = ContentFolder.WithFixture();

        var error = Assert.IsType<OptionsValidationException>(
            await HostStart.FailureAsync(folder, "Production", new Dictionary<string, string?>()));

        Assert.Contains("SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_a_missing_SMTP_host_stops_the_start_unless_the_outbox_is_chosen()
    {
        using var folder = ContentFolder.WithFixture();
        var production = new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = "https://login.example.org",
            ["Identity:SigningKey"] = "a-production-key-of-at-least-32-bytes!!",
            ["Smtp:Outbox"] = "false",
        };

        var error = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(folder, "Production", production));
        production["Smtp:Outbox"] = "true";
        var withOutbox = await HostStart.FailureAsync(folder, "Production", production);
        production["Smtp:Host"] = "smtp.example.org";
        var both = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(folder, "Production", production));

        Assert.Contains("Smtp:Host is not set", error.Message, StringComparison.Ordinal);
        Assert.Null(withOutbox);
        Assert.Contains("choose one", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_every_error_and_exits_1()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("goed", "title: Goed\ntype: fiche");
        folder.WriteMaterial("fout", "title: Fout\ntype: brochure\nroles: [piloot]");
        var output = new StringWriter();

        var exit = ValidateCommand.Run(new ContentOptions { ContentPath = folder.ContentPath, ThemesPath = folder.ThemesPath }, output);

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains("content/materials/fout.md:3: type: unknown id 'brochure'", text, StringComparison.Ordinal);
        Assert.Contains("content/materials/fout.md:4: roles: unknown id 'piloot'", text, StringComparison.Ordinal);
        Assert.Contains("2 errors", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_exits_0_on_the_sample_content()
    {
        var output = new StringWriter();
        var exit = ValidateCommand.Run(new ContentOptions
        {
            ContentPath = Path.Combine(ContentFolder.RepositoryRoot, "content"),
            ThemesPath = Path.Combine(ContentFolder.RepositoryRoot, "themes"),
        }, output);

        Assert.Equal(0, exit);
        Assert.Contains("no errors", output.ToString(), StringComparison.Ordinal);
    }
}
