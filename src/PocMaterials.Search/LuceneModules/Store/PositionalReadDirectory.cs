using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace PocMaterials.Search.LuceneModules.Store;

/// <summary>
/// A file-system directory whose inputs read with positional reads (pread): clones share one file
/// handle with no shared position and no lock, and the read buffer is larger than NIOFSDirectory's.
/// Profiling NIOFSDirectory under concurrent search showed most time in locked seek-and-read calls;
/// MMapDirectory, the usual answer, is unstable in Lucene.Net 4.8 on Linux (apache/lucenenet#1013).
/// Writing is FSDirectory's own.
/// </summary>
public sealed class PositionalReadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    private const int SearchBufferSize = 4096;
    private const int MergeBufferSize = 16384;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var handle = OpenHandle(name);
        return new PositionalInput($"PositionalInput(path=\"{Path.Combine(Directory.FullName, name)}\")", handle, 0, RandomAccess.GetLength(handle), BufferSize(context), ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(OpenHandle(name), Path.Combine(Directory.FullName, name), BufferSize(context));
    }

    private SafeFileHandle OpenHandle(string name) =>
        File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static int BufferSize(IOContext context) => context.Context == IOContext.UsageContext.MERGE ? MergeBufferSize : SearchBufferSize;

    private sealed class Slicer(SafeFileHandle handle, string path, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalInput($"PositionalInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading old compound files.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                handle.Dispose();
        }
    }

    private sealed class PositionalInput(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool ownsHandle)
        : BufferedIndexInput(description, bufferSize)
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
