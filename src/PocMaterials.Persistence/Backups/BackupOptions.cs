using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Persistence.Backups;

/// <summary>The nightly backup: where it is written, when, and how long backups are kept.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder of the backups, one folder each; by default <c>backups</c> in the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>When the nightly backup starts, Europe/Brussels time (minutes precision).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00")]
    public TimeSpan Time { get; set; } = new(2, 30, 0);

    /// <summary>Backups older than this are removed after a new one was made; the newest is always kept.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 14;

    public string ResolvePath(string dataPath) => System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(dataPath, "backups"));
}
