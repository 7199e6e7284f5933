using Microsoft.Extensions.Logging;
using Npgsql;
using PocMaterials.Persistence.Queries;

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

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(DatabaseMigrator));

    /// <returns>The versions applied by this call.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlDataSource dataSource, DatabaseSchema schema, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = Sql["Lock"].Command(connection, AdvisoryLockKey))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using (var create = Sql["CreateMigrationsTable"].Command(connection))
                await create.ExecuteNonQueryAsync(cancellationToken);
            var applied = new HashSet<int>();
            await using (var select = Sql["AppliedVersions"].Command(connection))
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
                await using (var record = Sql["RecordApplied"].Command(connection, migration.Version, migration.Name))
                    await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, migration.Version, migration.Name, migration.Owner);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await using var unlock = Sql["Unlock"].Command(connection, AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} {Name} of {Owner}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string owner);
}
