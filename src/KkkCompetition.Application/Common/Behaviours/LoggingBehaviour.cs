using System.Diagnostics;
using KkkCompetition.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace KkkCompetition.Application.Common.Behaviours;

/// <summary>First in the pipeline: every request with who sent it, how long it took and how it ended.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, name, user.UserName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(logger, name, user.UserName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {User} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string request, string user, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} by {User} failed after {ElapsedMs:0.0} ms: {Error}")]
    private static partial void LogFailed(ILogger logger, string request, string user, double elapsedMs, string error);
}
