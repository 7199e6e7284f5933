using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PocMaterials.Testing;

namespace PocMaterials.Persistence.Tests;

public sealed class DatabaseMigratorTests
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
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('material_views', 'searches', 'viewers', 'daily_reach')");
        Assert.Equal(4L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_migration_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => DatabaseMigrator.MigrateAsync(dataSource, Schema, NullLogger.Instance))));

        Assert.Equal(Schema.Migrations.Select(m => m.Version), results.SelectMany(r => r).Order());
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)Schema.Migrations.Count, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Migration_files_are_numbered_across_the_projects_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Schema.Migrations.Count), Schema.Migrations.Select(m => m.Version));
    }
}
