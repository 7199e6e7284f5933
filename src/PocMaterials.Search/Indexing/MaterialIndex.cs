using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.LuceneModules.Scoring;
using PocMaterials.Search.LuceneModules.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PocMaterials.Search.Indexing;

/// <summary>
/// The on-disk Lucene index of all materials, mirrored from the content. One IndexWriter for the
/// process; searches go through a SearcherManager. Content is the source of truth: the index is
/// rebuilt from it at start-up, and a missing or corrupt index is simply wiped and rebuilt.
/// </summary>
public sealed partial class MaterialIndex : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _writeLock = new();
    private LuceneDirectory _directory;
    private IndexWriter _writer;
    private SearcherManager _searchers;
    private volatile SearchSynonyms _synonyms = SearchSynonyms.Empty;
    private volatile Action<IndexReader>? _prepare;

    // The material each revision indexed, and the revision each slug has now (changed under the write lock).
    private readonly ConcurrentDictionary<long, Material> _indexed = new();
    private readonly Dictionary<string, long> _revisionOf = new(StringComparer.Ordinal);

    // Random per process, so a document left on disk by an earlier process never names a revision of this one.
    private long _lastRevision = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public MaterialIndex(string path, ILogger<MaterialIndex>? logger = null)
    {
        _path = path;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        TextAnalyzer = DutchAnalyzers.Text();
        SpellingAnalyzer = DutchAnalyzers.Spelling();
        FoldedAnalyzer = DutchAnalyzers.Folded();
        QueryWords = new DutchQueryWords(FoldedAnalyzer, DutchLexicon.Shared);
        Analyzer = new PerFieldAnalyzerWrapper(
            TextAnalyzer, new Dictionary<string, Analyzer> { [IndexFields.Spelling] = SpellingAnalyzer });
        (_directory, _writer, _searchers) = Open();
    }

    /// <summary>
    /// How matches are scored: BM25, not Lucene's classic TF-IDF. A word's repeats saturate and a field's length
    /// counts against that field's average, so a long body that mentions every common word of a long question
    /// does not outrank the material that names its subject; and there is no coord factor, by which TF-IDF
    /// ranks on how many words matched, the common ones as much as the rare. BM25 writes the same norms
    /// (1/sqrt(length)), so an index built before ranks the same. <see cref="Bm25"/> is Lucene's BM25, faster.
    /// </summary>
    internal static readonly Similarity Ranking = new Bm25();

    internal Analyzer TextAnalyzer { get; }
    internal Analyzer SpellingAnalyzer { get; }
    internal Analyzer FoldedAnalyzer { get; }
    internal DutchQueryWords QueryWords { get; }
    internal Analyzer Analyzer { get; }

    /// <summary>Synonym groups of the content the index was last built from.</summary>
    internal SearchSynonyms Synonyms => _synonyms;

    /// <summary>Replaces the whole index with the given content.</summary>
    public void Rebuild(ContentSnapshot content)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _revisionOf.Clear();
            _indexed.Clear();
            foreach (var material in content.Materials.Values)
                _writer.AddDocuments(MaterialDocuments.Create(material, content, Revise(material)));
            _synonyms = SearchSynonyms.From(content, TextAnalyzer);
            Publish();
            LogRebuilt(_logger, content.Materials.Count, content.Version);
        }
    }

    /// <summary>Applies one content reload: changed materials are replaced, removed ones deleted.</summary>
    public void Apply(ContentChange change)
    {
        if (change.DefinitionsChanged)
        {
            // Taxonomy, contacts or themes feed every document and the synonyms.
            Rebuild(change.Snapshot);
            return;
        }
        lock (_writeLock)
        {
            foreach (var slug in change.Removed)
            {
                Forget(slug);
                _writer.DeleteDocuments(new Term(IndexFields.Slug, slug));
            }
            foreach (var material in change.Upserted)
            {
                var documents = MaterialDocuments.Create(material, change.Snapshot, Revise(material));
                _writer.UpdateDocuments(new Term(IndexFields.Slug, material.Slug), documents);
            }
            Publish();
            LogUpdated(_logger, change.Upserted.Count, change.Removed.Count);
        }
    }

    /// <summary>
    /// The material a material document's revision indexed, while it is still the one indexed for its slug;
    /// otherwise (replaced or removed since) none, and its stored fields tell what was indexed.
    /// </summary>
    internal Material? Indexed(long revision) => _indexed.TryGetValue(revision, out var material) ? material : null;

    /// <summary>A new revision for a material about to be indexed; the one it replaces is forgotten.</summary>
    private long Revise(Material material)
    {
        Forget(material.Slug);
        var revision = ++_lastRevision;
        _revisionOf[material.Slug] = revision;
        _indexed[revision] = material;
        return revision;
    }

    private void Forget(string slug)
    {
        if (_revisionOf.Remove(slug, out var revision))
            _indexed.TryRemove(revision, out _);
    }

    /// <summary>
    /// Work done on each new index reader before searches see it, while the last reader still serves them: caches of
    /// the segments a publish made, filled so that the first searches after it are not the slow ones.
    /// </summary>
    internal void PrepareReadersWith(Action<IndexReader> prepare) => _prepare += prepare;

    /// <summary>Runs a search on the current searcher and releases it afterwards.</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The documents in the current searcher (materials and FAQ questions).</summary>
    public int DocumentCount() => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>The bytes the index takes on disk.</summary>
    public long SizeInBytes() =>
        System.IO.Directory.Exists(_path) ? new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Length) : 0;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        TextAnalyzer.Dispose();
        SpellingAnalyzer.Dispose();
        FoldedAnalyzer.Dispose();
    }

    private void Publish()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private (LuceneDirectory, IndexWriter, SearcherManager) Open()
    {
        try
        {
            return OpenAt();
        }
        catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or IOException or LockObtainFailedException)
        {
            LogIndexWiped(_logger, e, _path);
            if (System.IO.Directory.Exists(_path))
                System.IO.Directory.Delete(_path, recursive: true);
            return OpenAt();
        }
    }

    private (LuceneDirectory, IndexWriter, SearcherManager) OpenAt()
    {
        System.IO.Directory.CreateDirectory(_path);
        // Not FSDirectory.Open: its pick on Linux, MMapDirectory, is unstable under concurrent search.
        var directory = new SearchReadDirectory(new DirectoryInfo(_path));
        try
        {
            // A rebuild of 10,000 materials flushes one segment, not two: every term lookup and scorer of a
            // search is made per segment (half the allocations per search at 10,000 materials).
            var config = new IndexWriterConfig(DutchAnalyzers.Version, Analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
                Similarity = Ranking,
            };
            var writer = new IndexWriter(directory, config);
            try
            {
                // Opening a reader reads every segment's metadata, so a damaged index fails here, not in a search.
                return (directory, writer, new SearcherManager(writer, applyAllDeletes: true, new PreparingSearcherFactory(this)));
            }
            catch
            {
                writer.Dispose();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private sealed class PreparingSearcherFactory(MaterialIndex index) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            index._prepare?.Invoke(reader);
            return base.NewSearcher(reader);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Materials} materials (content version {Version})")]
    private static partial void LogRebuilt(ILogger logger, int materials, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index updated: {Upserted} added or changed, {Removed} removed")]
    private static partial void LogUpdated(ILogger logger, int upserted, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index at {Path} cannot be opened; wiping it to rebuild from content")]
    private static partial void LogIndexWiped(ILogger logger, Exception? exception, string path);
}
