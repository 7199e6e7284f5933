namespace PocMaterials.Content.Taxonomy;

/// <summary>
/// The words an editor may type to find a term in the form's lists: its aliases, and the acronyms of the glossary whose
/// long form its label or an alias names ("leersteuncentrum" in a label gives LSC), as search treats them alike.
/// </summary>
public static class SearchWords
{
    public static IReadOnlyList<string> For(string label, IReadOnlyList<string> aliases, IReadOnlyList<TaxonomyTerm> glossary)
    {
        string[] names = [label, .. aliases];
        var acronyms = glossary
            .Where(entry => names.Any(name => Names(name, entry.Label)))
            .SelectMany(entry => entry.Aliases);
        return [.. aliases.Concat(acronyms).Where(w => !w.Equals(label, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="phrase"/> as whole words, whatever the case.</summary>
    private static bool Names(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
        }
        return false;
    }
}
