using System.Text.RegularExpressions;
using Npgsql;

namespace PocMaterials.Persistence.Queries;

/// <summary>
/// One named SQL statement and the one way commands are built from it: its values, in the order of
/// <c>$1</c>, <c>$2</c>, ..., always sent as parameters. A value is sent as it is; null as SQL NULL (cast it in the SQL
/// where PostgreSQL cannot tell its type); an <see cref="NpgsqlParameter"/> as given, for a value that needs its type said.
/// An array that is the only value is passed as <c>(object)array</c>: bare, C# would spread it over the values.
/// </summary>
/// <param name="File">The file it comes from, for messages.</param>
public sealed partial record SqlQuery(string Name, string Text, string File)
{
    /// <summary>How many values the statement takes: its highest <c>$n</c>.</summary>
    public int ParameterCount { get; } = Placeholder().Matches(Text).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty().Max();

    public NpgsqlCommand Command(NpgsqlDataSource dataSource, params ReadOnlySpan<object?> values)
    {
        var command = dataSource.CreateCommand(Text);
        AddTo(command.Parameters, Checked(values));
        return command;
    }

    /// <remarks>The command runs in the connection's transaction, if it has one.</remarks>
    public NpgsqlCommand Command(NpgsqlConnection connection, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlCommand(Text, connection);
        AddTo(command.Parameters, Checked(values));
        return command;
    }

    public NpgsqlBatchCommand BatchCommand(params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlBatchCommand(Text);
        AddTo(command.Parameters, Checked(values));
        return command;
    }

    public override string ToString() => $"{File}#{Name}";

    // Said here rather than by PostgreSQL's "bind message supplies 3 parameters": a lone array argument (string[])
    // binds to params as the list of values itself.
    private ReadOnlySpan<object?> Checked(ReadOnlySpan<object?> values) => values.Length == ParameterCount
        ? values
        : throw new ArgumentException(
            $"{this} takes {ParameterCount} value(s) but was given {values.Length}; pass a lone array as (object)array.", nameof(values));

    private static void AddTo(NpgsqlParameterCollection parameters, ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();
}
