using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Net.Http.Headers;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Uploads that try to leave their folder, lie about their type or are too large write nothing and say why.
/// Over Kestrel and real connections: what a raw request line or a cut-off body does is the real server's.
/// </summary>
public sealed class HostileAttachmentTests(HostileAttachmentTests.KestrelHost host) : IClassFixture<HostileAttachmentTests.KestrelHost>
{
    public sealed class KestrelHost() : AttachmentHost(kestrel: true);

    [Theory]
    [InlineData("fiche-open", "..%2F..%2Ftaxonomy.yml")]
    [InlineData("fiche-open", "..%2f..%2fmaterials%2fgekaapt.pdf")]
    [InlineData("fiche-open", "%2e%2e%2f%2e%2e%2fgekaapt.pdf")]
    [InlineData("fiche-open", "%2E%2E%5C%2E%2E%5Cgekaapt.pdf")]
    [InlineData("fiche-open", "%252e%252e%252fgekaapt.pdf")]
    [InlineData("fiche-open", "..%5C..%5Cgekaapt.pdf")]
    [InlineData("fiche-open", "%2Ftmp%2Fgekaapt.pdf")]
    [InlineData("fiche-open", "C%3A%5Cgekaapt.pdf")]
    [InlineData("fiche-open", "%c0%ae%c0%ae%2fgekaapt.pdf")]
    [InlineData("fiche-open", "%ef%bc%8e%ef%bc%8e%ef%bc%8fgekaapt.pdf")]
    [InlineData("fiche-open", "gekaapt.pdf%0A")]
    [InlineData("fiche-open", ".gekaapt.pdf")]
    [InlineData("fiche-open", "...")]
    [InlineData("fiche-open", "con.pdf")]
    [InlineData("fiche-open", "aux.docx")]
    [InlineData("..%2F..%2Fthemes", "gekaapt.pdf")]
    [InlineData("%2e%2e", "gekaapt.pdf")]
    [InlineData("fiche-open%2F..%2F..", "gekaapt.pdf")]
    public async Task Names_that_are_paths_devices_or_hidden_files_write_nothing_anywhere(string slug, string name)
    {
        var before = host.ContentFiles();

        var put = await host.PutAsync(slug, name, SampleFiles.Pdf());
        var get = await host.Editor.GetAsync($"/api/materials/{slug}/attachments/{name}");

        Assert.True(put.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"PUT {(int)put.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(before, host.ContentFiles());
    }

    [Theory]
    [InlineData("/api/materials/fiche-open/attachments/../../../../content/taxonomy.yml")]
    [InlineData("/api/materials/fiche-open/attachments/%2e%2e/%2e%2e/%2e%2e/%2e%2e/content/gekaapt.pdf")]
    [InlineData("/api/materials/fiche-open/attachments/..%2F..%2Ftaxonomy.yml")]
    [InlineData("/api/materials/fiche-open/attachments/..\\..\\taxonomy.yml")]
    [InlineData("/api/materials/fiche-open/attachments/gekaapt.pdf%00.html")]
    [InlineData("/api/materials/fiche-open/attachments//tmp/gekaapt.pdf")]
    [InlineData("/api/materials/fiche-open/attachments/sub/gekaapt.pdf")]
    [InlineData("/api/materials/fiche-open%00/attachments/gekaapt.pdf")]
    public async Task Raw_request_lines_that_no_client_would_send_write_nothing_either(string target)
    {
        var before = host.ContentFiles();

        var status = await RawPutAsync(target, SampleFiles.Pdf());

        Assert.True(status is 400 or 404 or 405, $"PUT {status}");
        Assert.Equal(before, host.ContentFiles());
    }

    [Fact]
    public async Task A_link_placed_in_the_attachments_folder_is_not_followed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(host.AttachmentsPath, "fiche-open")).FullName;
        var outside = Path.Combine(host.Folder.Root, "buiten.pdf");
        File.WriteAllBytes(outside, SampleFiles.Pdf());
        File.CreateSymbolicLink(Path.Combine(folder, "link.pdf"), outside);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Editor.GetAsync("/api/materials/fiche-open/attachments/link.pdf")).StatusCode);
    }

    public static TheoryData<string, string, string> Disguised() => new()
    {
        { "vermomd.pdf", nameof(SampleFiles.Html), "markup" },
        { "tekening.png", nameof(SampleFiles.Svg), "markup" },
        { "programma.pdf", nameof(SampleFiles.WindowsProgram), "program" },
        { "presentatie.pptx", nameof(SampleFiles.Docx), "a Word document" },
        { "tekst.odt", nameof(SampleFiles.Ods), "an OpenDocument spreadsheet" },
        { "foto.jpg", nameof(SampleFiles.Png), "a PNG image" },
        { "macro.docx", nameof(SampleFiles.DocxWithMacros), "macros" },
        { "macro-hernoemd.docx", nameof(SampleFiles.DocxWithRenamedMacros), "macros" },
        { "macro-ingeschakeld.docx", nameof(SampleFiles.MacroEnabledDocx), "macros" },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task A_file_that_is_not_what_its_name_says_is_a_415_naming_what_it_is(string name, string sample, string detected)
    {
        var bytes = SampleFiles.Named(sample);

        var response = await host.PutAsync("fiche-open", name, bytes);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(detected, await Detail(response), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.AttachmentsPath, "fiche-open", name)));
        Assert.DoesNotContain(host.ContentFiles(), f => f.EndsWith(".upload", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pagina.html")]
    [InlineData("tekening.svg")]
    [InlineData("script.js")]
    [InlineData("oud.doc")]
    [InlineData("macro.docm")]
    public async Task Names_of_kinds_not_accepted_are_a_415_listing_the_accepted_ones(string name)
    {
        var response = await host.PutAsync("fiche-open", name, SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(".pdf, .docx, .pptx", await Detail(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted_and_one_byte_more_is_a_413_with_or_without_a_length()
    {
        var atLimit = PaddedPdf(AttachmentHost.MaxBytes);
        var overLimit = PaddedPdf(AttachmentHost.MaxBytes + 1);

        var accepted = await host.PutAsync("fiche-open", "precies.pdf", atLimit);
        var withLength = await host.PutAsync("fiche-open", "te-groot.pdf", overLimit);
        using var chunked = new HttpRequestMessage(HttpMethod.Put, "/api/materials/fiche-open/attachments/te-groot.pdf")
        {
            Content = new UnknownLengthContent(overLimit),
        };
        var withoutLength = await host.Editor.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
        Assert.Contains("65,536 bytes (Attachments:MaxBytes)", await Detail(withoutLength), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.AttachmentsPath, "fiche-open", "te-groot.pdf")));
        Assert.DoesNotContain(host.ContentFiles(), f => f.EndsWith(".upload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_announced_over_the_limit_is_refused_before_it_is_sent()
    {
        // A gigabyte announced, a kilobyte sent: the answer comes without waiting for the rest.
        var status = await RawPutAsync(
            "/api/materials/fiche-open/attachments/enorm.pdf", SampleFiles.Pdf(), announcedLength: 1024L * 1024 * 1024);

        Assert.Equal(413, status);
        Assert.False(File.Exists(Path.Combine(host.AttachmentsPath, "fiche-open", "enorm.pdf")));
    }

    [Fact]
    public async Task An_upload_slower_than_the_minimum_data_rate_is_a_408_logged_below_error()
    {
        var server = host.Editor.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var pdf = SampleFiles.Pdf();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(
            $"PUT /api/materials/fiche-open/attachments/traag.pdf HTTP/1.1\r\nHost: {server.Authority}\r\n" +
            $"Authorization: {host.Editor.DefaultRequestHeaders.Authorization}\r\n" +
            $"Content-Length: {pdf.Length}\r\nConnection: close\r\n\r\n"));
        var answer = new StreamReader(stream, Encoding.Latin1).ReadLineAsync();

        // 10 bytes a second, far below Kestrel's 240 after its 5 s grace period, until the server answers.
        for (var sent = 0; sent < pdf.Length && !answer.IsCompleted; sent += 10)
        {
            await stream.WriteAsync(pdf.AsMemory(sent, Math.Min(10, pdf.Length - sent)));
            await Task.WhenAny(answer, Task.Delay(1000));
        }

        Assert.Equal("HTTP/1.1 408 Request Timeout", await answer);
        Assert.False(File.Exists(Path.Combine(host.AttachmentsPath, "fiche-open", "traag.pdf")));
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains(
            host.App.Logs.Entries,
            e => e.Category.EndsWith("UnreadableRequestHandler", StringComparison.Ordinal)
                && e.Message.Contains("408", StringComparison.Ordinal));
    }

    /// <summary>
    /// Sends the request line as written, over a connection of its own, and gives the status code (without sending more
    /// than <paramref name="body"/>).
    /// </summary>
    private async Task<int> RawPutAsync(string target, byte[] body, long? announcedLength = null)
    {
        var server = host.Editor.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var head = $"PUT {target} HTTP/1.1\r\nHost: {server.Authority}\r\n"
            + $"Authorization: {host.Editor.DefaultRequestHeaders.Authorization}\r\n"
            + $"Content-Length: {announcedLength ?? body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static byte[] PaddedPdf(long size)
    {
        var pdf = SampleFiles.Pdf();
        var padded = new byte[size];
        pdf.CopyTo(padded, 0);
        padded.AsSpan(pdf.Length).Fill((byte)' ');
        return padded;
    }

    private static async Task<string> Detail(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>A body sent without Content-Length (chunked), as a client streaming a file may.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

}
