using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using PocMaterials.Web.Endpoints;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// Any endpoint that needs the database while it is away (down, restarting, out of connections)
/// answers 503 with Retry-After, a problem that says so, instead of a 500. Search and materials do
/// not need it and go on.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(
    IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (!IsDatabaseUnavailable(exception))
            return false;
        LogDatabaseUnavailable(logger, exception, http.Request.Method, http.Request.Path.Value);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = Problems.DatabaseUnavailable(RetryAfterSeconds),
        });
    }

    /// <summary>Only failures of the database itself: a socket error of the SMTP client is no database outage.</summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException)
                return DatabaseFailures.IsUnavailable(e);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} not answered: the database is unavailable")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception? exception, string method, string? path);
}
