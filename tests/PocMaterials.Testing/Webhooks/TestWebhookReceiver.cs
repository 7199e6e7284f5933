using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Testing.Webhooks;

/// <summary>A request the receiver got, as it came, and the status it answered with.</summary>
public sealed record ReceivedWebhook(
    DateTimeOffset At, string? Id, string? Timestamp, string? Signature, string? ContentType, string Body, int Answer)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string Type => Json.GetProperty("type").GetString()!;

    public string? Slug => Json.TryGetProperty("material", out var material) ? material.GetProperty("slug").GetString() : null;

    /// <summary>Verified as the Standard Webhooks specification tells a receiver to, written here apart from the server's code.</summary>
    public bool IsSignedWith(string secret)
    {
        if (Id is null || Timestamp is null || Signature is null || !secret.StartsWith("whsec_", StringComparison.Ordinal))
            return false;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}

/// <summary>
/// A webhook receiver on a free loopback port: records every POST, answers with the statuses it was told
/// to give (then 200), after an optional delay.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly List<ReceivedWebhook> _received = [];

    private TestWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The address to configure, ending in /hooks.</summary>
    public string Url { get; private set; } = "";

    /// <summary>How long the receiver waits before it answers.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/hooks", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses, in order; those after them with 200.</summary>
    public void AnswerWith(params int[] statuses)
    {
        foreach (var status in statuses)
            _answers.Enqueue(status);
    }

    /// <summary>Waits until the requests received satisfy <paramref name="done"/>, for at most a minute.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, string what)
    {
        await Eventually.TrueAsync(() => done(Received),
            () => $"The receiver did not get {what}; it got: {string.Join(" | ", Received.Select(r => r.Body))}", seconds: 60);
        return Received;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        var answer = _answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
        lock (_received)
        {
            _received.Add(new ReceivedWebhook(DateTimeOffset.UtcNow, request.Headers["webhook-id"], request.Headers["webhook-timestamp"],
                request.Headers["webhook-signature"], request.ContentType, body, answer));
        }
        return Results.Text(answer == 200 ? "ok" : "refused by the test", statusCode: answer);
    }
}
