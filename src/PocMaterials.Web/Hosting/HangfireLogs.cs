using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace PocMaterials.Web.Hosting;

/// <summary>
/// Hangfire's logging goes through one process-wide provider. This one writes to a host's logger
/// factory and goes quiet once that host is disposed, instead of throwing in every other host of the
/// process (as Hangfire's own provider does when tests start and stop hosts).
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(loggers, name);

    private sealed class HostLog(ILoggerFactory loggers, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= loggers.CreateLogger(name);
                var level = (Microsoft.Extensions.Logging.LogLevel)(int)logLevel;
                if (messageFunc is null)
                    return _logger.IsEnabled(level);
#pragma warning disable CA2254, CA1848 // Hangfire hands over finished messages at a level of its choosing: no template, no LoggerMessage.
                _logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254, CA1848
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
