using System.Text.Json;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KkkCompetition.Web.Api;

/// <summary>
/// Every failure as RFC 9457 problem details with a stable <c>code</c> and a message in the caller's language:
/// 400 validation (fields named), 401, 403, 404 (also for other people's resources), 409 rule or stale version.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<SharedResource> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A body over an upload endpoint's limit is answered with that upload's own code (e.g. attachment.too_large).
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            && (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata.GetMetadata<UploadLimit>() is { } upload)
        {
            exception = upload.TooLarge();
        }

        var problem = ToProblem(exception, text);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? ToProblem(Exception exception, IStringLocalizer text) => exception switch
    {
        ValidationException validation => Validation(validation, text),
        ContentTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, tooLarge.Code, Localize(text, tooLarge)),
        DetailedRuleViolation detailed => WithDetails(Problem(StatusCodes.Status409Conflict, detailed.Code, Localize(text, detailed)), detailed.Details),
        BusinessRuleViolation rule => Problem(StatusCodes.Status409Conflict, rule.Code, Localize(text, rule)),
        NotFoundException => Problem(StatusCodes.Status404NotFound, "not_found", text["error.not_found"]),
        UnauthenticatedException => Problem(StatusCodes.Status401Unauthorized, "unauthenticated", text["error.unauthenticated"]),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, "forbidden", text["error.forbidden"]),
        BadHttpRequestException bad => BadRequest(bad, text),
        _ => null,
    };

    private static ProblemDetails WithDetails(ProblemDetails problem, IReadOnlyDictionary<string, object?> details)
    {
        foreach (var (name, value) in details)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private static ProblemDetails Validation(ValidationException validation, IStringLocalizer text)
    {
        var errors = validation.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => Message(e, text)).ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["error.validation"],
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Extensions = { ["code"] = "validation_failed" },
        };
    }

    /// <summary>
    /// A validation failure in the caller's language: a rule with a custom error code (<c>.WithErrorCode("x.y")</c>) has its
    /// text under <c>validation.x.y</c> in the resources; FluentValidation's own messages follow the UI culture already.
    /// </summary>
    public static string Message(FluentValidation.Results.ValidationFailure failure, IStringLocalizer text)
    {
        var localized = text[$"validation.{failure.ErrorCode}"];
        return localized.ResourceNotFound ? failure.ErrorMessage : localized.Value;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad, IStringLocalizer text)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status400BadRequest, "request.body_too_large", text["error.body_too_large"]);
        }

        // Malformed JSON or a value of the wrong type: name the field the parser stopped at.
        var field = bad.InnerException is JsonException { Path: { Length: > 2 } path } ? path.TrimStart('$', '.') : "body";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [text["error.unreadable_body"]] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["error.validation"],
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Extensions = { ["code"] = "request.unreadable" },
        };
    }

    private static string Localize(IStringLocalizer text, BusinessRuleViolation rule)
    {
        var localized = text[$"error.{rule.MessageKey}"];
        return localized.ResourceNotFound ? rule.Message : string.Format(System.Globalization.CultureInfo.CurrentCulture, localized.Value, [.. rule.Arguments]);
    }

    private static ProblemDetails Problem(int status, string code, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases(status),
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
