using System.Buffers.Binary;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace PocMaterials.Search.LuceneModules.Store;

/// <summary>
/// A file-system directory whose files, opened for search, are read whole into memory once: Lucene never
/// changes a file after writing it, so the inputs of a segment (and their clones, one per terms or postings
/// enumeration) read one shared array, without a system call, a lock or a buffer of their own. Profiling
/// the file-backed inputs showed a tenth of a search's time in refilling buffers (a pread each) and a
/// quarter of its allocations in the 4 KiB buffers the clones fill. Merges, flushes and read-once files are
/// read positionally (pread), never loaded. MMapDirectory, the usual answer, is unstable in Lucene.Net 4.8
/// on Linux (apache/lucenenet#1013). The memory taken is the size of the open segments. Writing is
/// FSDirectory's own.
/// </summary>
public sealed class SearchReadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    private const int PositionalBufferSize = 16384;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var description = $"path=\"{Path.Combine(Directory.FullName, name)}\"";
        var handle = OpenHandle(name);
        if (!IsForSearch(context))
            return new PositionalInput(description, handle, 0, RandomAccess.GetLength(handle), ownsHandle: true);
        using (handle)
        {
            var data = ReadWhole(handle, description);
            return new MemoryInput(description, data, 0, data.Length);
        }
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var description = $"path=\"{Path.Combine(Directory.FullName, name)}\"";
        var handle = OpenHandle(name);
        if (!IsForSearch(context))
            return new PositionalSlicer(handle, description);
        using (handle)
            return new MemorySlicer(ReadWhole(handle, description), description);
    }

    /// <summary>
    /// Segments opened for searching stay open and are read at random; merges, flushes (building compound files) and
    /// read-once files read each byte once.
    /// </summary>
    private static bool IsForSearch(IOContext context) =>
        context.Context is not (IOContext.UsageContext.MERGE or IOContext.UsageContext.FLUSH) && !context.ReadOnce;

    private SafeFileHandle OpenHandle(string name) =>
        File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static byte[] ReadWhole(SafeFileHandle handle, string description)
    {
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
            throw new IOException($"{description} is {length} bytes long, more than one array can hold.");
        var data = GC.AllocateUninitializedArray<byte>((int)length);
        var read = 0;
        while (read < data.Length)
        {
            var count = RandomAccess.Read(handle, data.AsSpan(read), read);
            if (count == 0)
                throw new EndOfStreamException($"read past EOF: {description}");
            read += count;
        }
        return data;
    }

    private sealed class MemorySlicer(byte[] data, string path) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > data.Length)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(offset), $"slice {offset}:{offset + length} is outside {path} ({data.Length} bytes)");
            }
            return new MemoryInput($"{sliceDescription} in {path} slice={offset}:{offset + length}", data, (int)offset, (int)length);
        }

        [Obsolete("Only for reading old compound files.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, data.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>
    /// Reads a range of one array. Clones share the array and keep their own position; every read checks
    /// the range, so a corrupt offset fails as Lucene expects (end of stream), never reads a neighbour.
    /// </summary>
    private sealed class MemoryInput(string description, byte[] data, int start, int length) : IndexInput(description)
    {
        private int _position;

        public override long Length => length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
                throw new EndOfStreamException($"seek to {pos} past EOF: {this}");
            _position = (int)pos;
        }

        public override byte ReadByte()
        {
            if (_position >= length)
                throw new EndOfStreamException($"read past EOF: {this}");
            return data[start + _position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > length - _position)
                throw new EndOfStreamException($"read past EOF: {this}");
            Buffer.BlockCopy(data, start + _position, b, offset, len);
            _position += len;
        }

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

        public override int ReadVInt32()
        {
            var result = 0;
            for (var shift = 0; shift <= 28; shift += 7)
            {
                var b = ReadByte();
                // The fifth byte holds the top four bits only.
                if (shift == 28 && (b & 0xF0) != 0)
                    break;
                result |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                    return result;
            }
            throw new IOException($"Invalid VInt32 detected (too many bits): {this}");
        }

        public override long ReadVInt64()
        {
            var result = 0L;
            for (var shift = 0; shift <= 56; shift += 7)
            {
                var b = ReadByte();
                result |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                    return result;
            }
            throw new IOException($"Invalid VInt64 detected (negative values disallowed): {this}");
        }

        public override object Clone() => MemberwiseClone();

        protected override void Dispose(bool disposing)
        {
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > length - _position)
                throw new EndOfStreamException($"read past EOF: {this}");
            var span = data.AsSpan(start + _position, count);
            _position += count;
            return span;
        }
    }

    private sealed class PositionalSlicer(SafeFileHandle handle, string path) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalInput(
                $"{sliceDescription} in {path} slice={offset}:{offset + length}", handle, offset, length, ownsHandle: false);

        [Obsolete("Only for reading old compound files.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                handle.Dispose();
        }
    }

    /// <summary>Reads with positional reads (pread): clones share the file handle with no shared position and no lock.</summary>
    private sealed class PositionalInput(string description, SafeFileHandle handle, long offset, long length, bool ownsHandle)
        : BufferedIndexInput(description, PositionalBufferSize)
    {
        private bool _ownsHandle = ownsHandle;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int offset1, int length1)
        {
            // Position is where the buffer (or a direct read) starts; it is relative to the slice.
            var position = Position;
            if (position + length1 > length)
                throw new EndOfStreamException($"read past EOF: {this}");
            var read = 0;
            while (read < length1)
            {
                var count = RandomAccess.Read(handle, b.AsSpan(offset1 + read, length1 - read), offset + position + read);
                if (count == 0)
                    throw new EndOfStreamException($"read past EOF: {this}");
                read += count;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Nothing to do: every read names its own position.
        }

        public override object Clone()
        {
            var clone = (PositionalInput)base.Clone();
            clone._ownsHandle = false;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsHandle)
                handle.Dispose();
        }
    }
}
