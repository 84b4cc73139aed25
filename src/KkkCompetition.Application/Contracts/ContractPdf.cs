using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Programme;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Contracts;

/// <summary>
/// A contract as printed, with one version of its plan: number, the parties (the State, the region, the coordinator with
/// NIP), phase, dates, status, signatures, the KPIs with baselines and targets per year, the budget per year, and the
/// version's number and effective date. <see cref="ChangedAt"/> fixes the document's dates, so the same data gives the
/// same bytes.
/// </summary>
public sealed record ContractDocument(
    Guid ContractId,
    string Number,
    string StatePartyPl,
    string StatePartyEn,
    string RegionPartyPl,
    string RegionPartyEn,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    int PhaseNumber,
    DateOnly PhaseStartsOn,
    DateOnly PhaseEndsOn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    ContractStatus Status,
    string? StatusReason,
    DateTimeOffset? CoordinatorSignedAt,
    DateOnly? SignedOn,
    ReportingTerms Terms,
    IReadOnlyList<int> Years,
    PlanView Plan,
    int LatestVersion,
    DateTimeOffset ChangedAt,
    int ContractRowVersion);

/// <summary>Writes the contract's PDF; the same bytes for the same data.</summary>
public interface IContractDocumentWriter
{
    /// <summary>In "pl" or "en", the reader's language.</summary>
    byte[] Contract(ContractDocument contract, string language);
}

/// <summary>
/// The contract as PDF with its current plan, or with the plan of <see cref="PlanVersion"/> (every version stays readable;
/// an unknown one is 404). The coordinator his or her own; officials any.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetContractPdf(Guid ContractId, int? PlanVersion = null) : IQuery<ExportedFile>, IContractRequest;

public sealed class GetContractPdfAuthorizer(IAppDbContext db) : ContractAuthorizer<GetContractPdf>(db);

public sealed class GetContractPdfValidator : AbstractValidator<GetContractPdf>
{
    public GetContractPdfValidator()
    {
        RuleFor(x => x.ContractId).NotEmpty();
        RuleFor(x => x.PlanVersion).GreaterThanOrEqualTo(1);
    }
}

public sealed class GetContractPdfHandler(IAppDbContext db, IContractDocumentWriter writer) : IQueryHandler<GetContractPdf, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(GetContractPdf query, CancellationToken cancellationToken)
    {
        var contract = await db.ProgrammeContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("ProgrammeContract", query.ContractId);
        var version = query.PlanVersion is { } number
            ? contract.Versions.SingleOrDefault(v => v.Number == number) ?? throw new NotFoundException("ContractVersion", number)
            : contract.CurrentVersion;
        var phase = await ContractViews.PhaseAsync(db, contract.PhaseId, cancellationToken);
        var voivodeship = await ContractViews.VoivodeshipNameAsync(db, contract.VoivodeshipTeryt, cancellationToken);
        var numbers = await db.ContractAmendments.AsNoTracking().Where(a => a.ContractId == contract.Id).ToDictionaryAsync(a => a.Id, a => a.Number, cancellationToken);
        var document = new ContractDocument(
            contract.Id,
            contract.Number,
            ContractParties.StatePl,
            ContractParties.StateEn,
            contract.RegionParty,
            ContractParties.RegionEn(voivodeship),
            contract.ClusterName,
            contract.CoordinatorName,
            contract.CoordinatorNip,
            phase.Number,
            phase.StartsOn,
            phase.EndsOn,
            contract.StartsOn,
            contract.EndsOn,
            contract.Status,
            contract.StatusReason,
            contract.CoordinatorSignedAt,
            contract.SignedOn,
            contract.Terms,
            contract.Years,
            ContractViews.Plan(contract, version, numbers),
            contract.CurrentVersion.Number,
            contract.UpdatedAt,
            contract.Version);
        var language = FormalReviewRules.CurrentLanguage;
        var name = $"{(language == "en" ? "contract" : "kontrakt")}-{contract.Number.Replace('/', '-')}-v{version.Number}.pdf";
        return new ExportedFile(name, GetApplicationPdfHandler.PdfContentType, writer.Contract(document, language));
    }
}
