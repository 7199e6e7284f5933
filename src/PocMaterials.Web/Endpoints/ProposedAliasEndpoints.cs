using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Learning;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Learning from use in the search report: words staff searched and then found a material with otherwise, proposed as
/// aliases with their evidence. Accepting one is <c>POST /api/reports/searches/aliases</c>; dismissing one is remembered.
/// </summary>
public static class ProposedAliasEndpoints
{
    public sealed record ProposedAliasesReport(DateOnly From, DateOnly To, int MinViewers, IReadOnlyList<ProposedAlias> Proposals);

    public sealed record DismissRequest(string? Word, string? Target);

    public static RouteGroupBuilder MapProposedAliasEndpoints(this RouteGroupBuilder api)
    {
        var proposed = api.MapGroup("/reports/searches/proposed-aliases")
            .RequireAuthorization(Policies.Editor).NeedsDatabase().WithTags("Reports (editors)");
        proposed.MapGet("", Proposed).WithName("ProposedAliases")
            .WithSummary("Aliases learned from use: a word, the term or theme it is proposed for, and the evidence")
            .WithDescription("A word counts when staff searched it, opened nothing and searched again within minutes before opening a "
                + "material, or opened a material it found below the first results; each only for materials their roles may see today, "
                + "from at least SearchLearning:MinViewers distinct staff. from and to as for the other reports.");
        proposed.MapPost("/dismissals", Dismiss).Audited().WithName("DismissProposedAlias")
            .WithSummary("Dismiss a proposed alias: the word is not proposed for that target again")
            .WithDescription("Body: {\"word\": \"...\", \"target\": \"<term or theme id>\"}.");
        return api;
    }

    internal static async Task<Results<Ok<ProposedAliasesReport>, ValidationProblem>> Proposed(
        SearchLearning learning, ContentLibrary library, StaffCalendar calendar,
        Microsoft.Extensions.Options.IOptions<SearchLearningOptions> options, string? from, string? to,
        CancellationToken cancellationToken)
    {
        if (ReportEndpoints.Invalid(from, to, null, calendar, out var period) is { } problem)
            return problem;
        var proposals = await learning.ProposedAsync(period, library.Current, cancellationToken);
        return TypedResults.Ok(new ProposedAliasesReport(period.From, period.To, options.Value.MinViewers, proposals));
    }

    internal static async Task<Results<NoContent, ValidationProblem>> Dismiss(
        DismissRequest request, SearchLearning learning, CancellationToken cancellationToken)
    {
        var word = request.Word?.Trim() ?? "";
        if (word.Length is 0 or > FieldLimits.Alias || word.Any(char.IsControl))
            return Problems.Invalid("word", $"The word must be 1 to {FieldLimits.Alias} characters, without control characters.");
        var target = request.Target?.Trim() ?? "";
        if (target.Length is 0 or > FieldLimits.Alias || target.Any(char.IsControl))
            return Problems.Invalid("target", "Name the id of a taxonomy term or theme.");
        await learning.DismissAsync(word, target, cancellationToken);
        return TypedResults.NoContent();
    }
}
