using Npgsql;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Persistence;

/// <summary>
/// What the embedded cluster's superuser does, on a connection of its own: passwords, the application's role, its
/// databases and what it owns. Names and passwords cannot be parameters: PostgreSQL's format() quotes them (given to
/// it as parameters) into the statement that is then run.
/// </summary>
internal static class EmbeddedClusterAdministration
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(EmbeddedClusterAdministration));

    public static Task SetPasswordAsync(NpgsqlConnection connection, string role, string password, CancellationToken cancellationToken) =>
        RunFormattedAsync(connection, Sql["FormatSetPassword"], cancellationToken, role, password);

    /// <summary>Creates <paramref name="role"/>, or gives it back its password and takes away any power it should not have.</summary>
    public static async Task EnsureRestrictedRoleAsync(
        NpgsqlConnection connection, string role, string password, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, Sql["RoleExists"], role, cancellationToken))
            await RunFormattedAsync(connection, Sql["FormatCreateRole"], cancellationToken, role);
        await RunFormattedAsync(connection, Sql["FormatRestrictRole"], cancellationToken, role, password);
    }

    /// <summary>Creates a database owned by <paramref name="owner"/>, or gives it to that role if it exists.</summary>
    public static async Task CreateOrGiveDatabaseAsync(
        NpgsqlConnection connection, string database, string owner, CancellationToken cancellationToken)
    {
        var query = await ExistsAsync(connection, Sql["DatabaseExists"], database, cancellationToken)
            ? Sql["FormatGiveDatabase"]
            : Sql["FormatCreateDatabase"];
        await RunFormattedAsync(connection, query, cancellationToken, database, owner);
    }

    public static Task DropDatabaseAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken) =>
        RunFormattedAsync(connection, Sql["FormatDropDatabase"], cancellationToken, database);

    /// <summary>Gives <paramref name="role"/> what <paramref name="from"/> owns in the connection's database.</summary>
    public static async Task HandOverObjectsAsync(
        NpgsqlConnection connection, string role, string from, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using (var command = Sql["FormatHandOverObjects"].Command(connection, role, from))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                statements.Add(reader.GetString(0));
        }
        foreach (var statement in statements)
            await RunAsync(connection, statement, cancellationToken);
    }

    private static async Task<bool> ExistsAsync(
        NpgsqlConnection connection, SqlQuery query, string name, CancellationToken cancellationToken)
    {
        await using var command = query.Command(connection, name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task RunFormattedAsync(
        NpgsqlConnection connection, SqlQuery format, CancellationToken cancellationToken, params string[] values)
    {
        await using var command = format.Command(connection, [.. values]);
        await RunAsync(connection, (string)(await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
    }

    // The statement was written by format() in the database, from a query of the .sql file.
    private static async Task RunAsync(NpgsqlConnection connection, string statement, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
