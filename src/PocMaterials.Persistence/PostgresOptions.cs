namespace PocMaterials.Persistence;

/// <summary>
/// Where state lives. Without a connection string the server starts its own PostgreSQL cluster in the
/// data folder from the machine's PostgreSQL binaries.
/// </summary>
public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>An Npgsql connection string; when set, that server is used and nothing is started.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder with initdb and pg_ctl; by default the newest under /usr/lib/postgresql.</summary>
    public string? BinariesPath { get; set; }
}
