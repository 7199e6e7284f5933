using Npgsql;

namespace PocMaterials.Persistence.Queries;

/// <summary>
/// One named SQL statement and the one way commands are built from it: its values, in the order of
/// <c>$1</c>, <c>$2</c>, ..., always sent as parameters. A value is sent as it is; null as SQL NULL (cast it in the SQL
/// where PostgreSQL cannot tell its type); an <see cref="NpgsqlParameter"/> as given, for a value that needs its type said.
/// </summary>
/// <param name="File">The file it comes from, for messages.</param>
public sealed record SqlQuery(string Name, string Text, string File)
{
    public NpgsqlCommand Command(NpgsqlDataSource dataSource, params ReadOnlySpan<object?> values)
    {
        var command = dataSource.CreateCommand(Text);
        AddTo(command.Parameters, values);
        return command;
    }

    /// <remarks>The command runs in the connection's transaction, if it has one.</remarks>
    public NpgsqlCommand Command(NpgsqlConnection connection, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlCommand(Text, connection);
        AddTo(command.Parameters, values);
        return command;
    }

    public NpgsqlBatchCommand BatchCommand(params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlBatchCommand(Text);
        AddTo(command.Parameters, values);
        return command;
    }

    public override string ToString() => $"{File}#{Name}";

    private static void AddTo(NpgsqlParameterCollection parameters, ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}
