using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Keeps each word and adds the parts of a compound at its position (position increment 0, the word's
/// offsets), so "begeleiding" finds "leerlingenbegeleiding" and the whole word still ranks first.
/// </summary>
public sealed class DutchCompoundFilter : TokenFilter
{
    private readonly DutchCompoundSplitter _splitter;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly Queue<string> _parts = new();
    private State? _word;

    public DutchCompoundFilter(TokenStream input, DutchCompoundSplitter splitter)
        : base(input)
    {
        _splitter = splitter;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_parts.Count > 0)
        {
            RestoreState(_word);
            _term.SetEmpty().Append(_parts.Dequeue());
            _increment.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
            return false;
        if (_splitter.Split(_term.Buffer, 0, _term.Length) is { } parts)
        {
            foreach (var (start, length) in parts)
                _parts.Enqueue(new string(_term.Buffer, start, length));
            _word = CaptureState();
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
        _word = null;
    }
}
