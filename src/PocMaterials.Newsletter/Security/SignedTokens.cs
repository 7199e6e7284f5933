using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PocMaterials.Newsletter.Security;

/// <summary>
/// Compact, unguessable tokens for links in mails (unsubscribe, open pixel, click): a payload and an
/// HMAC-SHA256 over it and a purpose, URL-safe. A token made for one purpose is refused for another,
/// and a changed payload is refused. Stateless, so every host with the same key accepts it.
/// </summary>
public sealed class SignedTokens
{
    // 16 bytes of MAC: guessing one is out of reach, and links stay short.
    private const int MacBytes = 16;
    private readonly byte[] _key;

    public SignedTokens(byte[] key)
    {
        if (key.Length < 32)
            throw new ArgumentException("The newsletter signing key must be at least 32 bytes.", nameof(key));
        _key = key;
    }

    public string Sign(string purpose, string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(data) + "." + Base64Url.EncodeToString(Mac(purpose, data));
    }

    /// <returns>The payload, or null when the token is malformed, tampered with or made for another purpose.</returns>
    public string? Verify(string purpose, string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0)
            return null;
        try
        {
            var data = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(mac, Mac(purpose, data)) ? Encoding.UTF8.GetString(data) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(string purpose, byte[] data)
    {
        var input = new byte[Encoding.UTF8.GetByteCount(purpose) + 1 + data.Length];
        var length = Encoding.UTF8.GetBytes(purpose, input);
        input[length] = 0; // the purpose ends here, so no purpose is a prefix of a payload
        data.CopyTo(input, length + 1);
        return HMACSHA256.HashData(_key, input)[..MacBytes];
    }
}
