using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace PocMaterials.Search.Indexing;

/// <summary>
/// A keyword, indexed as one term like <see cref="StringField"/>, whose token stream is one per thread instead of one per
/// field: making a stream takes a lock in Lucene's attribute factory, and every document has about ten keywords (slug,
/// kind, status, type, roles, ...), which cost a twelfth of the index build. The indexer reads a field's stream to its
/// end before it asks for the next, so one stream a thread serves them all.
/// </summary>
internal sealed class KeywordField(string name, string value, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    [ThreadStatic]
    private static KeywordStream? t_stream;

    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var stream = t_stream ??= new KeywordStream();
        stream.Set(GetStringValue());
        return stream;
    }

    /// <summary>One term, its offsets the whole value, as Lucene's own stream of a StringField.</summary>
    private sealed class KeywordStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = "";
        private bool _done;

        public KeywordStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public void Set(string value) => (_value, _done) = (value, false);

        public override bool IncrementToken()
        {
            if (_done)
                return false;
            ClearAttributes();
            _term.Append(_value);
            _offset.SetOffset(0, _value.Length);
            _done = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _done = false;
    }
}
