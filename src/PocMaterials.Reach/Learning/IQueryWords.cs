using PocMaterials.Content.Visibility;

namespace PocMaterials.Reach.Learning;

/// <summary>
/// What the learner asks of the search engine, which reach does not reference: the words of a query as search reads
/// them, and what a query finds today.
/// </summary>
public interface IQueryWords
{
    /// <summary>The query's words without stop and function words, as typed (lower case); empty when none is left.</summary>
    IReadOnlyList<string> ContentWords(string query);

    /// <summary>The search keys (stems, with compound parts) of a text, to compare a query with a term's names.</summary>
    IReadOnlySet<string> Keys(string text);

    /// <summary>The slugs of the first <paramref name="count"/> materials the query finds for this staff member today.</summary>
    IReadOnlyList<string> Top(string query, StaffMember viewer, int count);
}
