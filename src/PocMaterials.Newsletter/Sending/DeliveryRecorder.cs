using Npgsql;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Records a send run's answers and claims (<see cref="DeliveryStore.RecordAsync"/>) on one connection of its own, with the
/// statement prepared: a run commits a group several hundred times a second, and parsing and planning the statement
/// each time cost PostgreSQL more than running it. A failure closes the connection; the next call opens another, so a
/// restarted database is met with a fresh connection. One caller at a time (the run's group commit).
/// </summary>
internal sealed class DeliveryRecorder(Database database, DeliveryStore store) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    /// <returns>Who was claimed: not those whose row another run has settled or claimed.</returns>
    public async Task<IReadOnlySet<long>> RecordAsync(
        long issueId, IReadOnlyList<Settlement> answered, IReadOnlyList<Recipient> claims, CancellationToken cancellationToken)
    {
        var values = store.RecordValues(issueId, answered, claims);
        try
        {
            if (_command is null)
            {
                _connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
                _command = DeliveryStore.RecordQuery.Command(_connection, values);
                await _command.PrepareAsync(cancellationToken);
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                    _command.Parameters[i].Value = values[i] switch { NpgsqlParameter p => p.Value, null => DBNull.Value, var v => v };
            }
            return await DeliveryStore.SubscriberIdsAsync(_command, cancellationToken);
        }
        catch
        {
            // Whatever the connection's state now (broken, mid-statement), the next call starts on a new one.
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_command is not null)
            await _command.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
        (_command, _connection) = (null, null);
    }
}
