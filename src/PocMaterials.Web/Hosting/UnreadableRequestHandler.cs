using Microsoft.AspNetCore.Diagnostics;
using PocMaterials.Web.Api;
using PocMaterials.Web.Endpoints;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// A request the server could not read (a body arriving slower than Kestrel's minimum data rate: 408; malformed
/// or over a limit: 400, 413) is the client's doing, not a failure of ours: answered with its own status and
/// logged as information, where it would otherwise be a 500 logged as an unhandled error.
/// </summary>
public sealed partial class UnreadableRequestHandler(
    IProblemDetailsService problems, ILogger<UnreadableRequestHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException unreadable)
            return false;
        var http = httpContext;
        LogUnreadableRequest(logger, http.Request.Method, http.Request.Path.Value, unreadable.StatusCode, unreadable.Message);
        http.Response.StatusCode = unreadable.StatusCode;
        // The status is set: a client that takes no problem details still gets it, with an empty body.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = Problems.Unreadable(unreadable.StatusCode, unreadable.Message),
        });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Method} {Path} not answered: the request could not be read ({Status}: {Reason})")]
    private static partial void LogUnreadableRequest(ILogger logger, string method, string? path, int status, string reason);
}
