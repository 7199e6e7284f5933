using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// What the per-word part of the text chain (compound parts, plural repair, stem overrides, Snowball) makes of each
/// distinct word, computed once per word and shared by every thread: a text repeats its words, and splitting a compound
/// tries the lexicon at every length. The chain is context-free (each word alone), so its outcome depends on the word only.
/// </summary>
internal sealed class DutchWordForms(Func<TokenStream, TokenStream> chain)
{
    /// <summary>Words remembered at most; beyond, a word is analysed each time (a bound on a long-running server's memory).</summary>
    public const int MaxWords = 200_000;

    private readonly ConcurrentDictionary<string, string[]> _forms = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The terms the chain makes of the word: the word's own first, then its compound parts'.</summary>
    /// <param name="analyse">The calling stream's own copy of the chain (a chain holds state: one per thread).</param>
    public string[] Of(char[] buffer, int length, OneWordChain analyse)
    {
        var word = new ReadOnlySpan<char>(buffer, 0, length);
        if (_forms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var forms))
            return forms;
        forms = analyse.Run(word);
        if (Volatile.Read(ref _count) < MaxWords && _forms.TryAdd(word.ToString(), forms))
            Interlocked.Increment(ref _count);
        return forms;
    }

    public OneWordChain NewChain() => new(chain);

    /// <summary>The chain over a stream of one word, reused for every word it analyses.</summary>
    internal sealed class OneWordChain : IDisposable
    {
        private readonly OneWord _source = new();
        private readonly TokenStream _stream;
        private readonly ICharTermAttribute _term;

        public OneWordChain(Func<TokenStream, TokenStream> chain)
        {
            _stream = chain(_source);
            _term = _stream.AddAttribute<ICharTermAttribute>();
        }

        public string[] Run(ReadOnlySpan<char> word)
        {
            _source.Set(word);
            _stream.Reset();
            var terms = new List<string>(1);
            while (_stream.IncrementToken())
                terms.Add(_term.ToString());
            _stream.End();
            return [.. terms];
        }

        public void Dispose() => _stream.Dispose();
    }

    private sealed class OneWord : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private char[] _word = [];
        private bool _done;

        public OneWord() => _term = AddAttribute<ICharTermAttribute>();

        public void Set(ReadOnlySpan<char> word) => _word = word.ToArray();

        public override bool IncrementToken()
        {
            if (_done)
                return false;
            ClearAttributes();
            _term.CopyBuffer(_word, 0, _word.Length);
            _done = true;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _done = false;
        }
    }
}
