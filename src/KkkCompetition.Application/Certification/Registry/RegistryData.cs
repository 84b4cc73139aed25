using System.ComponentModel;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>A smart specialisation (KIS) by its code, with its names in both languages.</summary>
[Description("A national smart specialisation (KIS): its code and its names in Polish and English.")]
public sealed record RegistryKis(
    [property: Description("The KIS code, e.g. KIS1.")] string Code,
    [property: Description("The Polish name.")] string NamePl,
    [property: Description("The English name.")] string NameEn);

/// <summary>One current KKK as the public registry lists it.</summary>
public sealed record RegistryEntry(
    Guid StatusId,
    Guid ClusterId,
    string CertificateNumber,
    string ClusterName,
    string CoordinatorName,
    string VoivodeshipTeryt,
    string VoivodeshipName,
    IReadOnlyList<RegistryKis> Specialisations,
    string? Website,
    DateOnly ValidFrom,
    DateOnly ValidTo);

/// <summary>One page of the registry with the Warsaw date the list holds for and the instant it was read.</summary>
public sealed record RegistryPage(IReadOnlyList<RegistryEntry> Items, int TotalCount, int Page, int PageSize, DateOnly AsOf, DateTimeOffset GeneratedAt);

/// <summary>The reads the registry's queries share: "today" in Warsaw, the names of voivodeships and KIS.</summary>
public static class RegistryData
{
    /// <summary>The public page of a cluster's card.</summary>
    public static string CardLink(Guid clusterId) => $"/registry/clusters/{clusterId}";

    public const string OfficialStatusesLink = "/certification/statuses";

    public static DateOnly Today(TimeProvider clock) => WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());

    /// <summary>The statuses in force on <paramref name="today"/>: active, and the day within their validity.</summary>
    public static IQueryable<KkkStatus> Current(this IQueryable<KkkStatus> statuses, DateOnly today) =>
        statuses.Where(s => s.State == KkkStatusState.Active && s.ValidFrom <= today && s.ValidTo >= today);

    public static async Task<IReadOnlyDictionary<string, string>> VoivodeshipNamesAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.Voivodeships.AsNoTracking().ToDictionaryAsync(v => v.Teryt, v => v.Name, StringComparer.Ordinal, cancellationToken);

    public static async Task<IReadOnlyDictionary<string, RegistryKis>> KisAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.KisSpecialisations.AsNoTracking().ToDictionaryAsync(k => k.Code, k => new RegistryKis(k.Code, k.NamePl, k.NameEn), StringComparer.Ordinal, cancellationToken);

    /// <summary>The codes in KIS order (KIS10 after KIS9), unknown codes kept with the code as the name.</summary>
    public static IReadOnlyList<RegistryKis> Specialisations(IEnumerable<string> codes, IReadOnlyDictionary<string, RegistryKis> kis) =>
        codes.OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => kis.TryGetValue(c, out var k) ? k : new RegistryKis(c, c, c))
            .ToList();

    public static string Name(IReadOnlyDictionary<string, string> voivodeships, string teryt) =>
        voivodeships.TryGetValue(teryt, out var name) ? name : teryt;
}
