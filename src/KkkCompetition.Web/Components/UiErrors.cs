using FluentValidation;
using KkkCompetition.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KkkCompetition.Web.Components;

/// <summary>
/// Pages send use cases through <see cref="Run{T}"/>: a refusal (validation, rule, not found, forbidden) becomes a
/// message in the user's language, the same text the API puts in its problem details.
/// </summary>
public abstract class KkkComponentBase : ComponentBase
{
    [Inject]
    protected UiSender Sender { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> T { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<KkkComponentBase> Logger { get; set; } = default!;

    /// <summary>Runs a use case; on a failure shows its message and returns <c>default</c>.</summary>
    protected async Task<(bool Succeeded, TResult? Result)> Run<TResult>(Func<Task<TResult>> useCase)
    {
        try
        {
            return (true, await useCase());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = UiErrors.Describe(ex, T);
            if (message is null)
            {
                Logger.LogError(ex, "A use case failed unexpectedly in {Page}", GetType().Name);
                message = T["error.unexpected"];
            }

            Snackbar.Add(message, MudBlazor.Severity.Error, o => o.RequireInteraction = true);
            return (false, default);
        }
    }
}

public static class UiErrors
{
    /// <summary>The user-facing message of a known failure, or <c>null</c> for an unexpected one.</summary>
    public static string? Describe(Exception exception, IStringLocalizer text)
    {
        if (exception is ValidationException validation)
        {
            var fields = validation.Errors.Select(e => ProblemDetailsExceptionHandler.Message(e, text)).Distinct().ToList();
            return fields.Count == 0 ? text["error.validation"] : $"{text["error.validation"]} {string.Join(" ", fields)}";
        }

        var problem = ProblemDetailsExceptionHandler.ToProblem(exception, text);
        return problem?.Detail ?? problem?.Title;
    }
}
