using Microsoft.Extensions.Options;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>The helpdesk's options are checked at start: an address that is none stops the host and says what to set.</summary>
public sealed class HelpdeskOptionsTests : IDisposable
{
    private readonly ContentFolder _folder = ContentFolder.WithFixture();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_helpdesk_address_that_is_no_mail_address_stops_the_host_at_start()
    {
        var failure = await HostStart.FailureAsync(_folder, "Development", new Dictionary<string, string?>
        {
            ["Helpdesk:Address"] = "helpdesk van POC+",
        });

        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("Helpdesk:Address 'helpdesk van POC+' is not a mail address", invalid.Message, StringComparison.Ordinal);
    }
}
