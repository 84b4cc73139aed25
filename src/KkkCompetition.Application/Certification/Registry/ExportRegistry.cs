using System.ComponentModel;
using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Certification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>
/// The registry as open data (no sign-in; also for integrations with a <c>registry</c> token): the KKKs in force today,
/// or with <see cref="IncludeHistory"/> every status ever granted, optionally one voivodeship or KIS. The shape of
/// <see cref="RegistryRecord"/> is the published schema: fields are only ever added, never renamed or removed.
/// </summary>
[PublicRequest]
public sealed record ExportRegistry(string? Voivodeship = null, string? Kis = null, bool IncludeHistory = false) : IQuery<RegistryDataset>;

/// <summary>The open data set of the KKK registry (schema version 1).</summary>
[Description("The open data set of the KKK registry: the date the data holds for, when it was generated, and one record per KKK status.")]
public sealed record RegistryDataset(
    [property: Description("The version of the record schema; fields are only ever added.")] int SchemaVersion,
    [property: Description("The date (Europe/Warsaw) for which the list of current KKKs holds.")] DateOnly AsOf,
    [property: Description("When the data set was generated (UTC).")] DateTimeOffset GeneratedAt,
    [property: Description("Whether ended statuses (expired, revoked, terminated) are included.")] bool IncludesHistory,
    [property: Description("The number of records.")] int Count,
    [property: Description("One record per KKK status, by cluster name then validity.")] IReadOnlyList<RegistryRecord> Records)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>One KKK status in the open data (schema version 1). The CSV has one column per field, in this order.</summary>
[Description("One KKK status of a cluster, as the public registry shows it.")]
public sealed record RegistryRecord(
    [property: Description("The certificate number, KKK/C/{year}/{0001}; unique.")] string CertificateNumber,
    [property: Description("The cluster's stable identifier (its public card is /registry/clusters/{clusterId}).")] Guid ClusterId,
    [property: Description("The cluster's name when the status was granted.")] string ClusterName,
    [property: Description("The coordinator's (cluster organisation's) name.")] string CoordinatorName,
    [property: Description("The coordinator's NIP (10 digits).")] string CoordinatorNip,
    [property: Description("The voivodeship's TERYT code (two digits).")] string VoivodeshipTeryt,
    [property: Description("The voivodeship's name.")] string VoivodeshipName,
    [property: Description("The cluster's smart specialisations (KIS codes, e.g. KIS1); in CSV separated by '|'.")] IReadOnlyList<string> KisCodes,
    [property: Description("The cluster's website, if any.")] string? Website,
    [property: Description("The first day of validity (the certificate date).")] DateOnly ValidFrom,
    [property: Description("The last day of validity.")] DateOnly ValidTo,
    [property: Description("Active, Expired, Revoked or Terminated, as it holds on asOf.")] string State,
    [property: Description("The day the status ended (expiry: the day after validTo; revocation: its day); empty while active.")] DateOnly? EndedOn,
    [property: Description("The reason of a revocation or termination; empty otherwise.")] string? EndReason);

/// <summary>Writes the open data set as CSV (the infrastructure's table writer).</summary>
public interface IRegistryCsvWriter
{
    byte[] Write(RegistryDataset dataset);
}

public sealed class ExportRegistryValidator : AbstractValidator<ExportRegistry>
{
    public ExportRegistryValidator()
    {
        RuleFor(x => x.Voivodeship).Matches("^[0-9]{2}$").When(x => !string.IsNullOrEmpty(x.Voivodeship));
        RuleFor(x => x.Kis).MaximumLength(10);
    }
}

public sealed class ExportRegistryHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ExportRegistry, RegistryDataset>
{
    public async ValueTask<RegistryDataset> Handle(ExportRegistry query, CancellationToken cancellationToken)
    {
        var generatedAt = clock.GetUtcNow();
        var today = RegistryData.Today(clock);
        var statuses = query.IncludeHistory ? db.KkkStatuses.AsNoTracking() : db.KkkStatuses.AsNoTracking().Current(today);
        var rows = await ListRegistryHandler.Filter(statuses, query.Voivodeship, query.Kis, search: null)
            .OrderBy(s => s.ClusterName).ThenBy(s => s.ValidFrom).ThenBy(s => s.CertificateNumber)
            .Select(s => new
            {
                s.Id,
                s.CertificateNumber,
                s.ClusterId,
                s.ClusterName,
                s.CoordinatorName,
                s.CoordinatorNip,
                s.VoivodeshipTeryt,
                s.KisCodes,
                s.Website,
                s.ValidFrom,
                s.ValidTo,
                s.State,
                s.EndedOn,
                s.EndReason,
            })
            .ToListAsync(cancellationToken);
        var voivodeships = await RegistryData.VoivodeshipNamesAsync(db, cancellationToken);
        var records = rows.Select(r =>
            {
                // What holds today, whether or not the nightly job has stored the expiry yet.
                var lapsed = r.State == KkkStatusState.Active && today > r.ValidTo;
                return new RegistryRecord(
                    r.CertificateNumber,
                    r.ClusterId,
                    r.ClusterName,
                    r.CoordinatorName,
                    r.CoordinatorNip,
                    r.VoivodeshipTeryt,
                    RegistryData.Name(voivodeships, r.VoivodeshipTeryt),
                    RegistryData.Specialisations(r.KisCodes, EmptyKis).Select(k => k.Code).ToList(),
                    r.Website,
                    r.ValidFrom,
                    r.ValidTo,
                    KkkStatus.StateOn(r.State, r.ValidTo, r.EndReason, today).ToString(),
                    lapsed ? r.ValidTo.AddDays(1) : r.EndedOn,
                    r.EndReason);
            })
            .ToList();
        return new RegistryDataset(RegistryDataset.CurrentSchemaVersion, today, generatedAt, query.IncludeHistory, records.Count, records);
    }

    private static readonly IReadOnlyDictionary<string, RegistryKis> EmptyKis = new Dictionary<string, RegistryKis>(StringComparer.Ordinal);
}
