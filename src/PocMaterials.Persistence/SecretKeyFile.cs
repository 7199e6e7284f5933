using System.Security.Cryptography;
using System.Text;

namespace PocMaterials.Persistence;

/// <summary>
/// A server secret: the configured one, or random bytes created once in the data folder (readable by
/// this user only) and read from there afterwards, so it survives restarts without configuration.
/// </summary>
public static class SecretKeyFile
{
    public const int KeyBytes = 32;

    /// <param name="configured">The configured secret, if any; it wins over the file.</param>
    public static byte[] ReadOrCreate(string? configured, string dataPath, string fileName)
    {
        if (!string.IsNullOrEmpty(configured))
            return Encoding.UTF8.GetBytes(configured);
        var path = Path.Combine(dataPath, fileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataPath);
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None);
            file.Write(key);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllBytes(path);
    }
}
