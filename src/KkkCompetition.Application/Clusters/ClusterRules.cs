using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

/// <summary>
/// Field rules shared by the organisation, cluster and member requests. Each failure carries the stable code of the
/// domain rule it mirrors (the aggregate checks again), so a client and the UI can tell which rule failed.
/// </summary>
internal static class ClusterRules
{
    public const int MaxName = 300;
    public const int MaxWebsite = 300;
    public const int MaxKeyTechnology = 100;
    public const int MaxKeyTechnologies = 30;

    public static IRuleBuilderOptions<T, string> Nip<T>(this IRuleBuilder<T, string> rule, string code) =>
        rule.NotEmpty().Must(PolishIdentifiers.IsValidNip).WithErrorCode(code)
            .WithMessage("The NIP is not valid: it has 10 digits and the last one is a check digit of the others.");

    public static IRuleBuilderOptions<T, string?> Regon<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => string.IsNullOrWhiteSpace(r) || PolishIdentifiers.IsValidRegon(r)).WithErrorCode("organisation.invalid_regon")
            .WithMessage("The REGON is not valid: it has 9 or 14 digits and the last one is a check digit of the others.");

    public static IRuleBuilderOptions<T, string?> Krs<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(k => string.IsNullOrWhiteSpace(k) || PolishIdentifiers.IsValidKrs(k)).WithErrorCode("organisation.invalid_krs")
            .WithMessage("The KRS number is not valid: it has 10 digits.");

    public static IRuleBuilderOptions<T, string> Voivodeship<T>(this IRuleBuilder<T, string> rule, IAppDbContext db) =>
        rule.NotEmpty().MustAsync((teryt, ct) => db.Voivodeships.AnyAsync(v => v.Teryt == teryt, ct)).WithErrorCode("reference.unknown_voivodeship")
            .WithMessage("'{PropertyValue}' is not a voivodeship TERYT code.");

    public static IRuleBuilderOptions<T, string?> Website<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxWebsite)
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithErrorCode("cluster.invalid_website").WithMessage("The website is an address starting with http:// or https://.");

    public static IRuleBuilderOptions<T, DateOnly> NotInFuture<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock, string code) =>
        rule.Must(d => d <= ClusterAccess.Today(clock)).WithErrorCode(code).WithMessage("The date cannot be in the future.");
}
