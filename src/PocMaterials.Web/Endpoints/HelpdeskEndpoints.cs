using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Similarity;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Helpdesk questions: staff ask on the website (mailed to the theme's contact), editors register those that came by
/// phone, mail or a session, list and read them, answer them (mailed to the asker), close and reopen them, and turn
/// them into FAQ questions. Askers are pseudonymous: no answer names them or gives their address.
/// </summary>
public static partial class HelpdeskEndpoints
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 100;
    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    public static RouteGroupBuilder MapHelpdeskEndpoints(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/helpdesk/questions").WithTags("Helpdesk").NeedsDatabase();
        questions.MapPost("", Ask).WithName("AskHelpdeskQuestion")
            .WithSummary("Asks POC+ a question ({\"text\", \"theme\", \"coreProcess\", \"material\"}); any staff member")
            .WithDescription("201 with the question; answerByMail says whether the answer will be mailed (the session gives an "
                + "address). The theme's contact gets a mail with the question, its role and centre, never who asked. 400 (code "
                + "invalid, fieldErrors coded required, too-long, control-character, lone-surrogate, unknown-term) for a text, theme or "
                + "core process that does not hold; 404 for a material that does not exist or the asker may not see.");
        var editors = questions.MapGroup("").RequireAuthorization(Policies.Editor).Audited();
        editors.MapPost("/registrations", Register).WithName("RegisterHelpdeskQuestion")
            .WithSummary("Registers a question that came by phone, mail or a session; editors")
            .WithDescription("{\"channel\" (telefoon, mail, sessie), \"text\", \"theme\", \"coreProcess\", \"centre\", \"roles\", "
                + "\"minutes\" (0 to 600), \"askedAt\" (yyyy-MM-dd, today or earlier)}: 201; no mail is sent. 400 with fieldErrors "
                + "coded as for a question, and invalid-channel, out-of-range, invalid-date, date-in-future.");
        editors.MapGet("", List).WithName("ListHelpdeskQuestions")
            .WithSummary("The questions of a theme, month and status, open ones first, then the newest; editors")
            .WithDescription($"theme, month (yyyy-MM), status (open, answered, closed), page from 1, pageSize 1 to {MaxPageSize} "
                + $"(default {DefaultPageSize}). similar: the groups of the theme's and month's questions asked more than once in "
                + "similar wording; answerTimes: how many of them were answered, median and mean hours to the first answer.");
        editors.MapGet("/{id:long}", Get).WithName("GetHelpdeskQuestion")
            .WithSummary("One question with its answer, linked materials, similar questions of its theme and its mails; editors");
        MapAnswers(editors);
        MapFaq(editors);
        return api;
    }

    internal static async Task<Results<Created<HelpdeskQuestionResponse>, ValidationProblem, NotFoundProblem>> Ask(
        HelpdeskAskRequest request, ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar, QuestionDesk desk,
        CancellationToken cancellationToken)
    {
        var content = library.Current;
        var errors = new FieldErrors();
        var text = HelpdeskChecks.Text(errors, "text", request.Text, QuestionLimits.MaxText);
        HelpdeskChecks.Subject(errors, content, request.Theme, request.CoreProcess);
        if (errors.Problem("The question is not valid.") is { } invalid)
            return invalid;
        var member = user.ToStaffMember();
        if (request.Material is { } slug && VisibleMaterials.Find(content, slug, member, calendar.Today) is null)
            return Problems.NotFound("material", slug);
        var asked = await desk.AskAsync(member, user.EmailOf(), new AskedQuestion(text, request.Theme!, request.CoreProcess,
            request.Material), cancellationToken);
        return TypedResults.Created(Location(asked.Id), HelpdeskResponses.From(asked, content, NoNames));
    }

    internal static async Task<Results<Created<HelpdeskQuestionResponse>, ValidationProblem>> Register(
        HelpdeskRegistrationRequest request, ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar, QuestionDesk desk,
        StaffNames names, CancellationToken cancellationToken)
    {
        var content = library.Current;
        var errors = new FieldErrors();
        var channel = HelpdeskChecks.Channel(errors, request.Channel);
        var text = HelpdeskChecks.Text(errors, "text", request.Text, QuestionLimits.MaxText);
        HelpdeskChecks.Subject(errors, content, request.Theme, request.CoreProcess);
        var roles = HelpdeskChecks.Asker(errors, content, request.Roles, request.Centre);
        HelpdeskChecks.Minutes(errors, request.Minutes);
        var askedAt = HelpdeskChecks.AskedAt(errors, request.AskedAt, calendar);
        if (errors.Problem("The question is not valid.") is { } invalid)
            return invalid;
        var editor = user.ToStaffMember().Subject;
        var registered = await desk.RegisterAsync(editor, new RegisteredQuestion(channel!, text, request.Theme!, request.CoreProcess,
            roles, request.Centre, request.Minutes, askedAt), cancellationToken);
        var known = await names.NamesOfAsync([editor], cancellationToken);
        return TypedResults.Created(Location(registered.Id), HelpdeskResponses.From(registered, content, known));
    }

    internal static async Task<Results<Ok<HelpdeskListResponse>, ValidationProblem>> List(
        string? theme, string? month, string? status, int? page, int? pageSize, ContentLibrary library, StaffCalendar calendar,
        QuestionStore store, SimilarQuestions similar, StaffNames names, CancellationToken cancellationToken)
    {
        var content = library.Current;
        var errors = new FieldErrors().Paging(page, pageSize, MaxPageSize);
        if (theme is not null && !content.ThemesById.ContainsKey(theme))
            errors.Add(FieldError.Of("theme", ContentFaults.UnknownTerm(theme, "themes")));
        if (status is not null && !QuestionStatus.All.Contains(status))
        {
            errors.Add(new FieldError("status", ContentErrorCodes.InvalidStatus, $"'{status}' is not a status: open, answered or closed.",
                Value(status)));
        }
        DateOnly first = default;
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out first))
            errors.Add(FieldError.Of("month", ContentFaults.InvalidMonth(month)));
        if (errors.Problem("The list's parameters are not valid.") is { } invalid)
            return invalid;
        var filter = new QuestionFilter(theme, month is null ? null : calendar.StartOf(first),
            month is null ? null : calendar.StartOf(first.AddMonths(1)), status);
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var (total, items) = await store.ListAsync(filter, number, size, cancellationToken);
        var groups = similar.Groups(await store.TextsAsync(filter.AnyStatus, SimilarQuestions.MaxCompared, cancellationToken));
        var times = await store.AnswerTimesAsync(filter.AnyStatus, cancellationToken);
        var known = await names.NamesOfAsync(items.SelectMany(HelpdeskResponses.Editors), cancellationToken);
        return TypedResults.Ok(new HelpdeskListResponse(total, number, size,
            [.. items.Select(q => HelpdeskResponses.From(q, content, known))],
            [.. groups.Select(g => new HelpdeskSimilarGroup([.. g.Select(q => HelpdeskResponses.Similar(q, 1))]))], times));
    }

    internal static async Task<Results<Ok<HelpdeskQuestionDetail>, NotFoundProblem>> Get(
        long id, ContentLibrary library, QuestionStore store, SimilarQuestions similar,
        Helpdesk.Delivery.QueuedMails mails, StaffNames names, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } question)
            return Problems.NotFound("question", id);
        var content = library.Current;
        var sameTheme = await store.TextsAsync(
            new QuestionFilter(question.Theme, null, null, null), SimilarQuestions.MaxCompared, cancellationToken);
        var like = similar.Like(new QuestionText(question.Id, question.Text, question.AskedAt, question.Status), sameTheme);
        var known = await names.NamesOfAsync(HelpdeskResponses.Editors(question), cancellationToken);
        return TypedResults.Ok(new HelpdeskQuestionDetail(HelpdeskResponses.From(question, content, known),
            [.. like.Take(10).Select(HelpdeskResponses.Similar)], await mails.OfQuestionAsync(id, cancellationToken)));
    }

    private static string Location(long id) => string.Create(CultureInfo.InvariantCulture, $"/api/helpdesk/questions/{id}");

    private static Dictionary<string, object> Value(string value) => new(StringComparer.Ordinal) { ["value"] = value };
}
