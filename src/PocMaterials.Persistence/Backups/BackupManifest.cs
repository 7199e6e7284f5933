using System.Security.Cryptography;
using System.Text.Json;

namespace PocMaterials.Persistence.Backups;

/// <summary>
/// What a backup folder holds, written last (so a folder with a manifest is complete): when it was made, from
/// which commit of PocMaterials, and each file's size and SHA-256, checked before anything is restored.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string? GitCommit, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupFile> DescribeAsync(string directory, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return new BackupFile(name, file.Length, Convert.ToHexStringLower(hash));
    }

    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(directory, FileName + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, Json), cancellationToken);
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
    }

    /// <summary>The manifest of a complete backup folder, or null when there is none (a backup under way or broken off).</summary>
    public static async Task<BackupManifest?> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return null;
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(file, Json, cancellationToken);
    }

    /// <returns>What is wrong with the folder's files (missing, another size, another checksum); empty when they are as written.</returns>
    public async Task<IReadOnlyList<string>> VerifyAsync(string directory, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (Format != CurrentFormat)
            problems.Add($"{FileName}: format {Format} is not {CurrentFormat}.");
        foreach (var expected in Files)
        {
            if (expected.Name.Contains('/', StringComparison.Ordinal)
                || expected.Name.Contains('\\', StringComparison.Ordinal)
                || expected.Name.StartsWith('.'))
            {
                problems.Add($"{expected.Name}: not a file name of a backup.");
                continue;
            }
            if (!File.Exists(Path.Combine(directory, expected.Name)))
            {
                problems.Add($"{expected.Name}: missing.");
                continue;
            }
            var actual = await DescribeAsync(directory, expected.Name, cancellationToken);
            if (actual.Bytes != expected.Bytes)
                problems.Add($"{expected.Name}: {actual.Bytes} bytes, the manifest says {expected.Bytes}.");
            else if (actual.Sha256 != expected.Sha256)
                problems.Add($"{expected.Name}: SHA-256 {actual.Sha256}, the manifest says {expected.Sha256}.");
        }
        return problems;
    }
}

public sealed record BackupFile(string Name, long Bytes, string Sha256);
