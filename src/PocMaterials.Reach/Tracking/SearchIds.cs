using System.Security.Cryptography;
using System.Text;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Search ids that prove whom they were issued to, so a view can name only a search its own viewer made.
/// Rather than remember issued ids (lost at every restart, not shared between instances, memory per search),
/// each id carries a MAC and is checked without state: its first 12 bytes are a UUIDv7's (time, version,
/// variant and 42 random bits: unique even for thousands of searches in one millisecond, and in time order
/// for the index), its last 4 bytes the first 32 bits of an HMAC-SHA256 of those 12 bytes and the viewer's
/// pseudonym. Forging one takes about 2^31 requests, each answered 400 while it fails.
/// </summary>
public sealed class SearchIds(byte[] key)
{
    private const int SignedLength = 12;
    private const int MacLength = 16 - SignedLength;

    public Guid Issue(string viewer)
    {
        Span<byte> id = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(id, bigEndian: true, out _);
        Mac(id[..SignedLength], viewer, id[SignedLength..]);
        return new Guid(id, bigEndian: true);
    }

    public bool WasIssuedTo(Guid searchId, string viewer)
    {
        Span<byte> id = stackalloc byte[16];
        searchId.TryWriteBytes(id, bigEndian: true, out _);
        Span<byte> expected = stackalloc byte[MacLength];
        Mac(id[..SignedLength], viewer, expected);
        return CryptographicOperations.FixedTimeEquals(expected, id[SignedLength..]);
    }

    private void Mac(ReadOnlySpan<byte> signed, string viewer, Span<byte> mac)
    {
        var message = new byte[SignedLength + Encoding.UTF8.GetByteCount(viewer)];
        signed.CopyTo(message);
        Encoding.UTF8.GetBytes(viewer, message.AsSpan(SignedLength));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, hash);
        hash[..MacLength].CopyTo(mac);
    }
}
