using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Reach.Learning;

/// <summary>Learning from use: the proposed aliases of a period, and the pairs editors dismissed.</summary>
public sealed class SearchLearning(
    AliasEvidence evidence, IQueryWords words, IOptions<SearchLearningOptions> options, StaffCalendar calendar)
{
    public async Task<IReadOnlyList<ProposedAlias>> ProposedAsync(
        ReportPeriod period, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var rows = await evidence.ReadAsync(period.StartIn(calendar), period.EndIn(calendar),
            TimeSpan.FromMinutes(settings.ReformulationMinutes), settings.MinViewers, cancellationToken);
        var dismissed = await evidence.DismissedAsync(cancellationToken);
        return new AliasRanker(words, settings).Rank(rows, content, calendar.Today, dismissed);
    }

    /// <summary>The word as searches store it (lower case, single spaces), so a dismissal matches what the ranker proposes.</summary>
    public Task DismissAsync(string word, string target, CancellationToken cancellationToken) =>
        evidence.DismissAsync(string.Join(' ', word.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), target,
            cancellationToken);
}
