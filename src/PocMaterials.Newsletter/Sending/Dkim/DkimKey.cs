using System.Security.Cryptography;

namespace PocMaterials.Newsletter.Sending.Dkim;

/// <summary>A selector's RSA key pair as a PEM file, and the DNS record that publishes its public half.</summary>
public sealed class DkimKey
{
    // 2048 bits: what Google and Microsoft advise; 1024 is the least receivers accept, longer keys outgrow a TXT string.
    private const int KeyBits = 2048;

    private DkimKey(string path, string domain, string selector, RSA rsa)
    {
        Path = path;
        Domain = domain;
        Selector = selector;
        PublicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public string Path { get; }
    public string Domain { get; }
    public string Selector { get; }

    /// <summary>The public key as the record's p= value: the DER SubjectPublicKeyInfo in base64.</summary>
    public string PublicKey { get; }

    /// <summary>Where the record lives: &lt;selector&gt;._domainkey.&lt;domain&gt;.</summary>
    public string RecordName => $"{Selector}._domainkey.{Domain}";

    /// <summary>The TXT record's value.</summary>
    public string RecordValue => $"v=DKIM1; k=rsa; p={PublicKey}";

    /// <summary>The private key, for signing; the caller owns it.</summary>
    public RSA CreateRsa()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path));
        return rsa;
    }

    /// <summary>
    /// The default key file of a domain and selector: in the data folder itself, named *.key, so a backup keeps it with
    /// the other keys (a restored server must sign with the key DNS publishes).
    /// </summary>
    public static string DefaultPath(string dataPath, string domain, string selector) =>
        System.IO.Path.Combine(dataPath, $"dkim-{domain}-{selector}.key");

    /// <summary>Reads the key, or makes one (readable by this user only) when the file does not exist.</summary>
    public static DkimKey ReadOrCreate(string path, string domain, string selector)
    {
        using var rsa = RSA.Create();
        if (File.Exists(path))
        {
            try
            {
                rsa.ImportFromPem(File.ReadAllText(path));
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{path}: not an RSA private key in PEM ({e.Message}).", e);
            }
            return new DkimKey(path, domain, selector, rsa);
        }
        rsa.KeySize = KeyBits;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        // Written aside and moved, so a crash never leaves half a key that a later start would refuse.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, rsa.ExportRSAPrivateKeyPem());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path);
        return new DkimKey(path, domain, selector, rsa);
    }

    /// <summary>
    /// The record as a zone file line. A TXT string holds at most 255 characters, so the value is split into strings,
    /// which receivers join.
    /// </summary>
    public string ZoneFileLine()
    {
        var strings = RecordValue.Chunk(250).Select(chunk => $"\"{new string(chunk)}\"");
        return $"{RecordName}. IN TXT ( {string.Join(' ', strings)} )";
    }
}
