using Lucene.Net.Store;
using PocMaterials.Search.LuceneModules.Store;

namespace PocMaterials.Search.Tests.LuceneModules.Store;

/// <summary>The in-memory inputs read exactly what Lucene's outputs wrote, and fail at the end as Lucene expects.</summary>
public sealed class SearchReadDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "pocmaterials-tests", Guid.NewGuid().ToString("N"));
    private readonly SearchReadDirectory _directory;

    public SearchReadDirectoryTests()
    {
        _directory = new SearchReadDirectory(new DirectoryInfo(_path));
        using var output = _directory.CreateOutput("values", IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-2);
        output.WriteInt32(int.MinValue + 3);
        output.WriteInt64(long.MaxValue - 5);
        foreach (var value in new[] { 0, 127, 128, 16_384, int.MaxValue, -1 })
            output.WriteVInt32(value);
        foreach (var value in new[] { 0L, 300L, long.MaxValue })
            output.WriteVInt64(value);
        output.WriteString("geïntegreerde");
        output.WriteBytes([1, 2, 3, 4, 5], 5);
    }

    public void Dispose()
    {
        _directory.Dispose();
        System.IO.Directory.Delete(_path, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_back_what_was_written_in_memory_and_positionally(bool forSearch)
    {
        using var input = _directory.OpenInput("values", forSearch ? IOContext.DEFAULT : IOContext.READ_ONCE);

        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(int.MinValue + 3, input.ReadInt32());
        Assert.Equal(long.MaxValue - 5, input.ReadInt64());
        Assert.Equal([0, 127, 128, 16_384, int.MaxValue, -1], Enumerable.Range(0, 6).Select(_ => input.ReadVInt32()));
        Assert.Equal([0L, 300L, long.MaxValue], Enumerable.Range(0, 3).Select(_ => input.ReadVInt64()));
        Assert.Equal("geïntegreerde", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void Clones_keep_their_own_position()
    {
        using var input = _directory.OpenInput("values", IOContext.DEFAULT);
        input.Seek(1);
        var clone = (IndexInput)input.Clone();

        Assert.Equal(-2, clone.ReadInt16());
        Assert.Equal(1, input.Position);
        Assert.Equal(-2, input.ReadInt16());
    }

    [Fact]
    public void A_slice_reads_its_own_range_and_no_further()
    {
        using var slicer = _directory.CreateSlicer("values", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("int16", 1, 2);

        Assert.Equal(2, slice.Length);
        Assert.Equal(-2, slice.ReadInt16());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.OpenSlice("past the end", 2, 100));
    }
}
