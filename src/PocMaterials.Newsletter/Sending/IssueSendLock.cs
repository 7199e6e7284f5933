using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Sending;

/// <summary>Another run holds the send lock of the issue: this run must stop.</summary>
public sealed partial class SendLockLostException(long issueId)
    : Exception($"Issue {issueId}: another run took the send lock while the database was away; this run stops.");

/// <summary>
/// The session-level advisory lock that makes one run the only sender of an issue (a killed run's lock goes with its
/// connection), and the run's way to the database through an outage. A call the database cannot answer (restarting,
/// unreachable) waits with back-off until it can. Before a locked call is tried again the lock is checked: a server
/// that restarted took the lock's connection, and with it the lock, so it is taken again; when another run took it
/// meanwhile, <see cref="SendLockLostException"/> ends this run.
/// </summary>
internal sealed partial class IssueSendLock : IAsyncDisposable
{
    // Any constant; "POCN" in ASCII. The issue id is the lock's second key.
    private const int LockClass = 0x504F434E;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(10);
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(IssueSendLock));

    private readonly NpgsqlDataSource _dataSource;
    private readonly long _issueId;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private NpgsqlConnection _connection;
    private volatile bool _outage;

    private IssueSendLock(NpgsqlDataSource dataSource, long issueId, NpgsqlConnection connection, ILogger logger)
    {
        _dataSource = dataSource;
        _issueId = issueId;
        _connection = connection;
        _logger = logger;
    }

    /// <returns>The lock, or null when another run holds it.</returns>
    public static async Task<IssueSendLock?> TryTakeAsync(
        NpgsqlDataSource dataSource, long issueId, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await CallLockFunctionAsync(connection, Sql["TryLock"], issueId, cancellationToken))
            return new IssueSendLock(dataSource, issueId, connection, logger);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Runs one database call of the run, waiting out an outage; a locked call goes on only while this run holds the lock.
    /// </summary>
    /// <param name="locked">False for calls that are right whoever holds the lock (recording how a mail went).</param>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, bool locked = true)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                if (locked)
                    await EnsureHeldAsync(cancellationToken);
                return await call(cancellationToken);
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                if (!_outage)
                    LogDatabaseAway(_logger, _issueId, e.Message);
                _outage = true;
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken, bool locked = true) =>
        CallAsync(async token =>
        {
            await call(token);
            return true;
        }, cancellationToken, locked);

    /// <summary>After an outage: still ours when the lock's connection survived it; else taken again on a new one.</summary>
    private async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        if (!_outage)
            return;
        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (!_outage)
                return;
            if (!await AnswersAsync(_connection, cancellationToken))
            {
                await _connection.DisposeAsync();
                _connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                if (!await CallLockFunctionAsync(_connection, Sql["TryLock"], _issueId, cancellationToken))
                    throw new SendLockLostException(_issueId);
            }
            _outage = false;
            LogDatabaseBack(_logger, _issueId);
        }
        finally
        {
            _checking.Release();
        }
    }

    private static async Task<bool> AnswersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State != ConnectionState.Open)
            return false;
        try
        {
            await using var command = Sql["Ping"].Command(connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return false;
        }
    }

    /// <param name="function">TryLock or Unlock: session-level, so a killed process's lock goes with its connection.</param>
    private static async Task<bool> CallLockFunctionAsync(
        NpgsqlConnection connection, SqlQuery function, long issueId, CancellationToken cancellationToken)
    {
        await using var command = function.Command(connection, LockClass, (int)issueId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A pooled connection outlives this run: release the lock now, not when the pool closes it. A connection
            // that is gone took the lock with it.
            if (_connection.State == ConnectionState.Open)
                await CallLockFunctionAsync(_connection, Sql["Unlock"], _issueId, CancellationToken.None);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            // It went while unlocking: the lock went with it.
        }
        await _connection.DisposeAsync();
        _checking.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue {Issue}: the database does not answer ({Error}); the send waits for it")]
    private static partial void LogDatabaseAway(ILogger logger, long issue, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue {Issue}: the database answers again; the send goes on")]
    private static partial void LogDatabaseBack(ILogger logger, long issue);
}
