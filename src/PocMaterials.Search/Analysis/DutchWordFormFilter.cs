using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Puts each word's forms from <see cref="DutchWordForms"/> in the stream as the chain would have: the word's term in its
/// place, then its compound parts' at the same position (increment 0) with the word's offsets. The last filter of its
/// chain: a part keeps the word's other attributes as they stand, instead of a captured copy of them all (cloning every
/// attribute of every compound was an eighth of the index build).
/// </summary>
internal sealed class DutchWordFormFilter : TokenFilter
{
    private readonly DutchWordForms _forms;
    private readonly DutchWordForms.OneWordChain _chain;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private string[] _pending = [];
    private int _next;
    private (int Start, int End) _wordOffsets;

    public DutchWordFormFilter(TokenStream input, DutchWordForms forms)
        : base(input)
    {
        _forms = forms;
        _chain = forms.NewChain();
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _pending.Length)
        {
            _offset.SetOffset(_wordOffsets.Start, _wordOffsets.End);
            _term.SetEmpty().Append(_pending[_next++]);
            _increment.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
            return false;
        var forms = _forms.Of(_term.Buffer, _term.Length, _chain);
        if (forms.Length > 1)
        {
            _wordOffsets = (_offset.StartOffset, _offset.EndOffset);
            (_pending, _next) = (forms, 1);
        }
        _term.SetEmpty().Append(forms[0]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        (_pending, _next) = ([], 0);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _chain.Dispose();
        base.Dispose(disposing);
    }
}
