using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace PocMaterials.Persistence;

/// <summary>Tells a database that is not there (for now) from a database that refuses what it was sent.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// The database could not be reached or is going away: connection failures (SQLSTATE class 08), shutdowns
    /// and restarts (57), resource shortages (53), socket and time-out errors. Trying again later may work.
    /// </summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState[..2] is "08" or "57" or "53",
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        InvalidOperationException when e.InnerException is not null => IsUnavailable(e.InnerException),
        _ => false,
    };

    /// <summary>
    /// The values themselves were refused: data exceptions (class 22, such as a NUL in text), integrity
    /// violations (23, such as a CHECK), or text Npgsql cannot encode. The same values will never be taken.
    /// </summary>
    public static bool IsRefusedData(Exception e) => e switch
    {
        PostgresException postgres => postgres.SqlState[..2] is "22" or "23",
        EncoderFallbackException => true,
        _ => false,
    };
}
