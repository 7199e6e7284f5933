using System.Net.Http.Headers;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// One host for a class of attachment tests, with a small size limit and a material for each visibility:
/// for everyone, for doctors only, a draft and a scheduled one; clients for an editor, staff and a doctor.
/// Over the test server, or over Kestrel and real connections when <c>kestrel</c>.
/// </summary>
public class AttachmentHost : HostFixture
{
    public const long MaxBytes = 64 * 1024;

    private readonly bool _kestrel;

    public AttachmentHost()
        : this(kestrel: false)
    {
    }

    protected AttachmentHost(bool kestrel) => _kestrel = kestrel;

    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Doctor { get; private set; } = null!;

    public string AttachmentsPath => Path.Combine(Folder.ContentPath, "attachments");

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("fiche-open", "title: Fiche voor iedereen\ntype: fiche");
        Folder.WriteMaterial("fiche-artsen", "title: Fiche voor artsen\ntype: fiche\nroles: [arts]");
        Folder.WriteMaterial("fiche-concept", "title: Fiche in opmaak\ntype: fiche\nstatus: draft");
        Folder.WriteMaterial("fiche-gepland", "title: Fiche voor later\ntype: fiche\npublished: 2999-01-01");
        Folder.WriteMaterial("fiche-weg", "title: Fiche die verdwijnt\ntype: fiche");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        if (_kestrel)
        {
            App.UseKestrel(0);
            App.StartServer();
        }
        Editor = await App.ClientFor(["redacteur"]);
        Staff = await App.ClientFor(["clb-medewerker"]);
        Doctor = await App.ClientFor(["arts"]);
    }

    /// <summary>Uploads as an editor, naming a version when given.</summary>
    public async Task<HttpResponseMessage> PutAsync(
        string slug, string name, byte[] bytes, EntityTagHeaderValue? ifMatch = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}/attachments/{name}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(ifMatch);
        return await (client ?? Editor).SendAsync(request);
    }

    /// <summary>Every file below the test's root except the data folder (index, database): what a request may have written.</summary>
    public string[] ContentFiles() =>
        Directory.GetFiles(Folder.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Folder.DataPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
}

/// <summary>One <see cref="AttachmentHost"/> for <see cref="AttachmentTests"/> and <see cref="AttachmentAccessTests"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAttachmentHost : ICollectionFixture<AttachmentHost>
{
    public const string Name = "Attachment host";
}
