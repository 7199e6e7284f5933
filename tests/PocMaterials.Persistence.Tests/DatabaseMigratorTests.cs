using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PocMaterials.Testing;

namespace PocMaterials.Persistence.Tests;

public sealed partial class DatabaseMigratorTests
{
    private static readonly DatabaseSchema Schema = TestSchema.All;

    [Fact]
    public async Task Migrations_apply_from_empty_and_a_rerun_applies_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());

        var first = await DatabaseMigrator.MigrateAsync(dataSource, Schema, NullLogger.Instance);
        var second = await DatabaseMigrator.MigrateAsync(dataSource, Schema, NullLogger.Instance);

        Assert.Equal(Schema.Migrations.Select(m => m.Version), first);
        Assert.Empty(second);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('material_views', 'searches', 'viewers', 'daily_reach')");
        Assert.Equal(4L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_migration_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DatabaseMigrator.MigrateAsync(dataSource, Schema, NullLogger.Instance))));

        Assert.Equal(Schema.Migrations.Select(m => m.Version), results.SelectMany(r => r).Order());
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)Schema.Migrations.Count, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Migration_files_are_numbered_across_the_projects_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Schema.Migrations.Count), Schema.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void Every_table_is_created_and_changed_by_the_migrations_of_one_project_only()
    {
        var owners = Schema.Migrations
            .SelectMany(m => CreatedTable().Matches(m.Sql).Select(match => (Table: match.Groups[1].Value, m.Owner)))
            .ToDictionary(t => t.Table, t => t.Owner);
        var touched = Schema.Migrations
            .SelectMany(m => NamedTable().Matches(m.Sql).Select(match => (Table: match.Groups[1].Value, m.Owner, Migration: m.Name)))
            .Where(t => owners.ContainsKey(t.Table))
            .ToList();

        // Which project owns which table, for whoever reads the test's output.
        Assert.Equal(
            ["PocMaterials.Newsletter", "PocMaterials.Persistence", "PocMaterials.Publishing", "PocMaterials.Reach"],
            owners.Values.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("PocMaterials.Reach", owners["daily_reach"]);
        Assert.Equal("PocMaterials.Newsletter", owners["newsletter_events"]);
        Assert.All(touched, t => Assert.True(owners[t.Table] == t.Owner, $"{t.Owner}'s migration {t.Migration} touches {t.Table}, a table of {owners[t.Table]}"));
    }

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"(?:TABLE|UPDATE|INTO|FROM|REFERENCES|ON|JOIN)\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedTable();
}
