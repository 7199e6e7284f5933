using System.Data;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>
/// The bounce mailbox's locks over all hosts: one reading at a time (the minute poll on one host and IDLE on another
/// would otherwise fetch the same messages at once), and one host watching the mailbox by IDLE.
/// </summary>
public sealed class BounceMailboxLocks(Database database)
{
    // Any constant; "POCB" in ASCII. The second key names the lock.
    private const int LockClass = 0x504F4342;
    private const int Reading = 1;
    private const int Watching = 2;
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(BounceMailboxLocks));

    /// <summary>Waits until no other host or job reads the mailbox; the reading holds the lock until disposed.</summary>
    public async Task<HeldMailboxLock> ReadingAsync(CancellationToken cancellationToken)
    {
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var wait = Sql["Wait"].Command(connection, LockClass, Reading);
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new HeldMailboxLock(connection, Reading);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <returns>The lock of the one IDLE watcher, or null when another host watches.</returns>
    public async Task<HeldMailboxLock?> TryWatchingAsync(CancellationToken cancellationToken)
    {
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = Sql["TryTake"].Command(connection, LockClass, Watching))
        {
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
                return new HeldMailboxLock(connection, Watching);
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A lock held on a connection of its own: it lasts as long as that connection.</summary>
    public sealed class HeldMailboxLock(NpgsqlConnection connection, int lockKey) : IAsyncDisposable
    {
        /// <summary>False once the database restarted or the connection broke: the lock went with it.</summary>
        public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            if (connection.State != ConnectionState.Open)
                return false;
            try
            {
                await using var ping = Sql["Ping"].Command(connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // A pooled connection outlives the holder: release the lock now. A connection that is gone took it along.
                if (connection.State == ConnectionState.Open)
                {
                    await using var release = Sql["Release"].Command(connection, LockClass, lockKey);
                    await release.ExecuteScalarAsync(CancellationToken.None);
                }
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                // Gone while releasing: the lock went with it.
            }
            await connection.DisposeAsync();
        }
    }
}
