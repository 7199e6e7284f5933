using Npgsql;
using PocMaterials.Persistence.Queries;
using PocMaterials.Testing;

namespace PocMaterials.Persistence.Tests.Queries;

public sealed class SqlQueriesTests
{
    private const string File = "Test/queries/Store.sql";

    [Fact]
    public void Each_statement_is_the_text_between_its_name_line_and_the_next()
    {
        var queries = SqlQueries.Parse(File, """
            -- The store's statements.

            -- name: One
            -- $1: a slug.
            SELECT 1 FROM t WHERE slug = $1;

            -- name: Two
            UPDATE t SET a = $2 WHERE slug = $1
            """);

        Assert.Equal(["One", "Two"], queries.All.Select(q => q.Name).Order());
        Assert.Equal("-- $1: a slug.\nSELECT 1 FROM t WHERE slug = $1;", queries["One"].Text.ReplaceLineEndings("\n"));
        Assert.Equal(1, queries["One"].ParameterCount);
        Assert.Equal(2, queries["Two"].ParameterCount);
        Assert.Equal("Test/queries/Store.sql#Two", queries["Two"].ToString());
    }

    [Theory]
    [InlineData("SELECT 1;\n-- name: One\nSELECT 2;", "SQL before its first")]
    [InlineData("SELECT 1;", "names no query")]
    [InlineData("-- name: One\n\n-- name: Two\nSELECT 2;", "query 'One' is empty")]
    [InlineData("-- name: One\nSELECT 1;\n-- name: One\nSELECT 2;", "names query 'One' twice")]
    public void A_malformed_file_is_refused_with_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlQueries.Parse(File, text));

        Assert.Contains(File, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_the_file_does_not_have_is_said_with_the_file()
    {
        var queries = SqlQueries.Parse(File, "-- name: One\nSELECT 1;");

        var error = Assert.Throws<KeyNotFoundException>(() => queries["Other"]);
        Assert.Equal("Test/queries/Store.sql has no query named 'Other'.", error.Message);
    }

    [Fact]
    public async Task Values_are_sent_in_order_and_null_as_sql_null()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        var query = SqlQueries.Parse(File, "-- name: Echo\nSELECT $1::text, $2::int, $3::text IS NULL;")["Echo"];

        await using var command = query.Command(dataSource, "a", 2, null);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(("a", 2, true), (reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2)));
    }

    [Fact]
    public void A_lone_array_spread_over_the_values_is_refused_before_it_reaches_the_database()
    {
        var query = SqlQueries.Parse(File, "-- name: Any\nSELECT 1 WHERE 'a' = ANY($1);")["Any"];
        string[] slugs = ["a", "b"];

        var error = Assert.Throws<ArgumentException>(() => query.BatchCommand(slugs));

        Assert.Contains("takes 1 value(s) but was given 2", error.Message, StringComparison.Ordinal);
        Assert.Single(query.BatchCommand((object)slugs).Parameters);
    }
}
