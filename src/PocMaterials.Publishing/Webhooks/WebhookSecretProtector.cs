using System.Security.Cryptography;
using System.Text;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// Webhook secrets as the database keeps them: encrypted (AES-256-GCM) with a key that is not in the database
/// (<c>Webhooks:SecretKey</c>, or a key file in the data folder), so whoever reads the table, or a backup of it,
/// cannot sign a request. A stored value is "v1:" and base64 of nonce, cipher text and tag.
/// </summary>
public sealed class WebhookSecretProtector
{
    public const string KeyFileName = "webhook-secrets.key";
    private const string Prefix = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    /// <param name="keyMaterial">The configured key or the key file's bytes; the AES key is derived from it.</param>
    public WebhookSecretProtector(byte[] keyMaterial) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keyMaterial, 32, info: "pocmaterials webhook secrets"u8.ToArray());

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="CryptographicException">
    /// The value was encrypted with another key (hosts configured with different keys) or changed.
    /// </exception>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("The stored webhook secret is not encrypted with a known scheme.");
        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        if (length < 0)
            throw new CryptographicException("The stored webhook secret is too short.");
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagBytes);
        try
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                "A webhook secret was encrypted with another key: hosts sharing a database need the same Webhooks:SecretKey.", e);
        }
        return Encoding.UTF8.GetString(plain);
    }
}
