using PocMaterials.Persistence;
using PocMaterials.Testing;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary><c>subscribers import FILE</c> into the configured server, or the embedded cluster of the data folder.</summary>
public sealed class SubscribersImportCommandTests : IDisposable
{
    private readonly ContentFolder _folder = ContentFolder.WithFixture();

    private ContentOptions Content => new() { ContentPath = _folder.ContentPath, ThemesPath = _folder.ThemesPath };

    private DataOptions Data => new() { DataPath = _folder.DataPath };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_good_file_prints_the_counts_and_exits_0_and_a_bad_one_lists_every_error_and_exits_1()
    {
        var postgres = new PostgresOptions { ConnectionString = await TestPostgres.CreateDatabaseAsync() };
        var good = _folder.Write("goed.csv", "email,name,roles,centre\njan@example.org,Jan,arts,gent\nan@example.org,An,,\n");
        var bad = _folder.Write("fout.csv", "email,name,roles,centre\nels@example.org,Els,,gent\nfout,,piloot,gent\n");
        var output = new StringWriter();

        var first = await SubscribersImportCommand.RunAsync(good, Content, Data, postgres, output);
        var again = await SubscribersImportCommand.RunAsync(good, Content, Data, postgres, output);
        var rejected = await SubscribersImportCommand.RunAsync(bad, Content, Data, postgres, output);

        Assert.Equal((0, 0, 1), (first, again, rejected));
        string[] expected =
            [
                $"{good}: 2 created, 0 updated, 0 unchanged, 0 skipped (unsubscribed).",
                $"{good}: 0 created, 0 updated, 2 unchanged, 0 skipped (unsubscribed).",
                $"{bad}: line 3, email: 'fout' is not an email address",
                $"{bad}: line 3, name: missing name",
                $"{bad}: line 3, roles: unknown role 'piloot'",
                $"{bad}: 3 errors; nothing was imported.",
            ];
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Length, lines.Length);
        // The role error goes on to list the role ids of taxonomy.yml.
        foreach (var (line, text) in lines.Zip(expected))
            Assert.StartsWith(text, line, StringComparison.Ordinal);
        Assert.Equal(2L, await TestPostgres.ScalarAsync(postgres.ConnectionString, "SELECT count(*) FROM newsletter_subscribers"));
    }

    [Fact]
    public async Task With_the_embedded_cluster_it_starts_the_cluster_of_the_data_folder()
    {
        var file = _folder.Write("goed.csv", "email,name,roles,centre\njan@example.org,Jan,arts,gent\n");
        var output = new StringWriter();

        Assert.Equal(0, await SubscribersImportCommand.RunAsync(file, Content, Data, new PostgresOptions(), output));
        Assert.Equal(0, await SubscribersImportCommand.RunAsync(file, Content, Data, new PostgresOptions(), output));

        Assert.Contains(": 1 created,", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(": 0 created, 0 updated, 1 unchanged,", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.DataPath, "postgres", "PG_VERSION")));
    }

    [Fact]
    public async Task While_the_server_holds_the_data_folder_it_says_to_stop_it_or_use_the_endpoint_and_exits_2()
    {
        var file = _folder.Write("goed.csv", "email,name,roles,centre\njan@example.org,Jan,arts,gent\n");
        using var server = DataFolderLock.Acquire(_folder.DataPath);
        var output = new StringWriter();

        var exit = await SubscribersImportCommand.RunAsync(file, Content, Data, new PostgresOptions(), output);

        Assert.Equal(2, exit);
        var text = output.ToString();
        Assert.Contains($"The server (process {Environment.ProcessId}) is running on {_folder.DataPath}", text, StringComparison.Ordinal);
        Assert.Contains("Stop it and run this command again", text, StringComparison.Ordinal);
        Assert.Contains("POST /api/newsletter/subscribers/import", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.DataPath, "postgres")));
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var output = new StringWriter();

        Assert.Equal(2, await SubscribersImportCommand.RunAsync(
            Path.Combine(_folder.Root, "nergens.csv"), Content, Data, new PostgresOptions(), output));
        Assert.Contains("nergens.csv: no such file.", output.ToString(), StringComparison.Ordinal);
    }
}
