using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>The body of a webhook request. <see cref="Id"/> is also its webhook-id header, the same on every attempt.</summary>
public sealed record WebhookMessage(string Id, string Type, DateTimeOffset OccurredAt, MaterialPayload? Material)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static WebhookMessage New(string type, DateTimeOffset occurredAt, MaterialPayload? material) =>
        new("msg_" + Guid.CreateVersion7().ToString("N"), type, occurredAt, material);

    public string Serialize() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// Signatures as the Standard Webhooks specification has them, so receivers can use its libraries: the
/// secret is "whsec_" and base64 of 32 random bytes; the signature is "v1," and base64 of
/// HMAC-SHA256(secret bytes, "{webhook-id}.{webhook-timestamp}.{body}").
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));
    }
}
