using System.Globalization;
using FluentValidation;
using KkkCompetition.Application.Clusters;
using KkkCompetition.Application.ReferenceData;
using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Web.Components.Pages.Clusters;

/// <summary>
/// The forms of the cluster pages: a refused field shows its message under the field, in the user's language (by the
/// rule's code where the resources know it, else the validator's own text), and focus is not lost.
/// </summary>
public abstract class ClusterFormBase : KkkComponentBase
{
    protected Dictionary<string, string> FieldErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected IReadOnlyList<VoivodeshipDto> Voivodeships { get; private set; } = [];

    protected static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "pl";

    protected bool HasError(string field) => FieldErrors.ContainsKey(field);

    protected string? ErrorOf(string field) => FieldErrors.GetValueOrDefault(field);

    protected async Task LoadVoivodeshipsAsync()
    {
        var (succeeded, result) = await Run(() => Sender.Send(new ListVoivodeships()));
        Voivodeships = succeeded ? result! : [];
    }

    /// <summary>Sends a form's request: field errors go under the fields, anything else to the snackbar (as <see cref="KkkComponentBase.Run{TResult}"/>).</summary>
    protected async Task<(bool Succeeded, TResult? Result)> Submit<TResult>(Func<Task<TResult>> useCase)
    {
        FieldErrors.Clear();
        try
        {
            return (true, await useCase());
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                var key = failure.PropertyName.Split('[')[0];
                var localized = string.IsNullOrEmpty(failure.ErrorCode) ? null : T[$"Clusters.Error.{failure.ErrorCode}"];
                var message = localized is { ResourceNotFound: false } ? localized.Value : failure.ErrorMessage;
                FieldErrors[key] = FieldErrors.TryGetValue(key, out var earlier) ? $"{earlier} {message}" : message;
            }

            return (false, default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await Run<TResult>(() => throw ex);
        }
    }

    protected string TypeName(MemberType type) => T[$"Clusters.MemberType.{type}"];

    protected string SizeName(EnterpriseSize? size) => size is { } s ? T[$"Clusters.Size.{s}"] : "—";

    protected string VoivodeshipName(string teryt) => Voivodeships.FirstOrDefault(v => v.Teryt == teryt)?.Name is { } name ? $"{name} ({teryt})" : teryt;

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static DateOnly? ParseIso(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The message of an import problem in the user's language (the same text the API gives).</summary>
    protected string Describe(MemberImportError error) => Api.ClusterEndpoints.Describe(T, error);
}
