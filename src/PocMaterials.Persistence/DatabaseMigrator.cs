using Microsoft.Extensions.Logging;
using Npgsql;

namespace PocMaterials.Persistence;

/// <summary>
/// Applies the migrations of the <see cref="DatabaseSchema"/> that the database has not seen, each in a
/// transaction, under an advisory lock so that two instances starting together neither apply a migration
/// twice nor see half of one.
/// </summary>
public static partial class DatabaseMigrator
{
    // Any constant shared by all instances of PocMaterials; "POCM" in ASCII.
    private const long AdvisoryLockKey = 0x504F434D;

    /// <returns>The versions applied by this call.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, DatabaseSchema schema, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey } } })
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", connection))
                await create.ExecuteNonQueryAsync(cancellationToken);
            var applied = new HashSet<int>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    applied.Add(reader.GetInt32(0));
            }

            var done = new List<int>();
            foreach (var migration in schema.Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction)
                {
                    Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
                })
                    await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, migration.Version, migration.Name, migration.Owner);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey } } };
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} {Name} of {Owner}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string owner);
}
