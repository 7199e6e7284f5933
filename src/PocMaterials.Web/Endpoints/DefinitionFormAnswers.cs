// The answers of the definitions' entry edits, each listing only the statuses its operation can give (the OpenAPI document
// is their sum): an entry added is never a 200, one changed never a 201 or 409, a calendar month never a 201, 404 or 409.
global using AddedEntry = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<PocMaterials.Web.Endpoints.FileVersion>,
    PocMaterials.Web.Api.ConflictProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
global using ChangedEntry = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<PocMaterials.Web.Endpoints.FileVersion>,
    PocMaterials.Web.Api.NotFoundProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
global using PlannedMonth = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<PocMaterials.Web.Endpoints.FileVersion>,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
global using SavedTheme = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<PocMaterials.Web.Endpoints.FileVersion>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<PocMaterials.Web.Endpoints.FileVersion>,
    PocMaterials.Web.Api.ConflictProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Publishing.Files;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// A definition edit's <see cref="WriteResult"/> as its operation's answer. An edit is made to the version it read, so an
/// outcome its operation cannot name (a file made or removed by someone else in between) means that version is gone: 412.
/// </summary>
internal static class DefinitionFormAnswers
{
    /// <summary>A term or contact added: the file was replaced, but the entry is new.</summary>
    public static AddedEntry Added(HttpContext http, WriteResult result, string what, string location) => result.Outcome switch
    {
        WriteOutcome.Created or WriteOutcome.Replaced => TypedResults.Created(location, Version(http, result)),
        WriteOutcome.Exists => Problems.Exists($"The {what} exists.", $"Its id is taken; change it with PUT {location}."),
        WriteOutcome.Invalid => Problems.InvalidContent(what, result.Errors!),
        _ => PublishingAnswers.Stale(what),
    };

    public static ChangedEntry Changed(HttpContext http, WriteResult result, string what, string location) => result.Outcome switch
    {
        WriteOutcome.Created or WriteOutcome.Replaced => TypedResults.Ok(Version(http, result)),
        WriteOutcome.NotFound => Problems.NotFound(what, location),
        WriteOutcome.Invalid => Problems.InvalidContent(what, result.Errors!),
        _ => PublishingAnswers.Stale(what),
    };

    /// <summary>A month planned: 200 whether or not the calendar's file had to be made for it.</summary>
    public static PlannedMonth Planned(HttpContext http, WriteResult result) => result.Outcome switch
    {
        WriteOutcome.Created or WriteOutcome.Replaced => TypedResults.Ok(Version(http, result)),
        WriteOutcome.Invalid => Problems.InvalidContent("newsletter calendar", result.Errors!),
        _ => PublishingAnswers.Stale("newsletter calendar"),
    };

    /// <summary>A theme made (no If-Match) or changed.</summary>
    public static SavedTheme Theme(HttpContext http, WriteResult result, string location) => result.Outcome switch
    {
        WriteOutcome.Created => TypedResults.Created(location, Version(http, result)),
        WriteOutcome.Replaced => TypedResults.Ok(Version(http, result)),
        WriteOutcome.Exists => PublishingAnswers.Exists("theme"),
        WriteOutcome.Invalid => Problems.InvalidContent("theme", result.Errors!),
        _ => PublishingAnswers.Stale("theme"),
    };

    private static FileVersion Version(HttpContext http, WriteResult result)
    {
        if (result.ETag is not null)
            http.Response.Headers.ETag = result.ETag;
        return new FileVersion(result.Version);
    }
}
