using System.Security.Cryptography;
using System.Text;
using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>Turns a subject into a stable pseudonym with a server secret (HMAC-SHA256): unlinkable without the key.</summary>
public sealed class ViewerPseudonyms
{
    private readonly byte[] _key;

    public ViewerPseudonyms(byte[] key)
    {
        if (key.Length < 32)
            throw new ArgumentException("The pseudonym key must be at least 32 bytes.", nameof(key));
        _key = key;
        // A key of its own, derived from the same secret, so a search id's MAC is never a pseudonym.
        SearchIds = new SearchIds(HMACSHA256.HashData(key, "search ids"u8));
    }

    /// <summary>Issues and checks search ids bound to a viewer, with this secret.</summary>
    public SearchIds SearchIds { get; }

    public string For(string subject) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(subject)))[..32];

    /// <summary>The configured key, or one created once in the data folder and read from it afterwards.</summary>
    public static ViewerPseudonyms FromOptions(ReachOptions options, string dataPath) =>
        new(SecretKeyFile.ReadOrCreate(options.PseudonymKey, dataPath, "reach-pseudonym.key"));
}
