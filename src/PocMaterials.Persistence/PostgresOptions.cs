using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// Connections of this host for requests and jobs at most (Npgsql's default of 100 equals PostgreSQL's own
    /// max_connections, which Hangfire and the other pool share). A request finding every one busy waits for one,
    /// up to the connection string's Timeout, rather than fail. The host opens <see cref="AsyncCommitPoolSize"/> more.
    /// </summary>
    [Range(4, 1000)]
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>The pool of writes that need not wait for the disk (reach events, newsletter settlements): two writers.</summary>
    public const int AsyncCommitPoolSize = 8;
}
