using System.Globalization;
using System.Text;
using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Commission;

/// <summary>
/// The official closes a voting (domain guide, section 4). Every application needs a quorum (more than half of the
/// commission voted on it), otherwise 409 <c>commission.no_quorum</c> naming the missing votes, and nothing changes.
/// The close records a resolution (<c>{n}/{year}/KKK</c>) and, per application, a decision — positive when more members
/// voted for than against and the result passed — the application's new status, a KKK status with its certificate for
/// each positive one, and a notice to the applicant that the decision is in the portal.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record CloseVoting(Guid VotingId, int Version) : ICommand<ResolutionDto>;

public sealed class CloseVotingValidator : AbstractValidator<CloseVoting>
{
    public CloseVotingValidator()
    {
        RuleFor(x => x.VotingId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class CloseVotingHandler(IAppDbContext db, IOutbox outbox, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseVoting, ResolutionDto>
{
    public async ValueTask<ResolutionDto> Handle(CloseVoting command, CancellationToken cancellationToken)
    {
        var voting = await CommissionData.LockVotingAsync(db, command.VotingId, cancellationToken);
        db.ExpectVersion(voting, command.Version);
        var now = clock.GetUtcNow();
        var officialId = user.UserId ?? Guid.Empty;
        var votes = await db.CommissionVotes.AsNoTracking().Where(v => v.VotingId == voting.Id).OrderBy(v => v.CastAt).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        var outcomes = voting.Close(votes, officialId, now);

        var resolution = CommissionResolution.Record(voting, await LastResolutionSequenceAsync(Domain.Calendar.WorkingDayCalendar.ToWarsawDate(now).Year, cancellationToken), officialId, now);
        voting.AttachResolution(resolution.Id);
        db.CommissionResolutions.Add(resolution);

        var ranking = await RankingData.LoadAsync(db, voting.CompetitionId, cancellationToken);
        var rows = ranking.Rows.ToDictionary(r => r.ApplicationId);
        var competition = ranking.Competition;
        var ids = voting.Items.Select(i => i.ApplicationId).ToList();
        var applications = await db.Applications.IgnoreAutoIncludes().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var parties = await CommissionData.PartiesAsync(db, ids, cancellationToken);
        var earlierDecisions = await db.CertificationDecisions
            .Where(d => ids.Contains(d.ApplicationId) && d.Outcome == DecisionOutcome.Negative && d.SupersededBy == null)
            .ToListAsync(cancellationToken);
        var phaseEndsOn = await PhaseEndsOnAsync(competition, cancellationToken);
        var certificates = new CertificateNumbers(await CertificateNumbersOfYearAsync(resolution.ResolvedOn.Year, cancellationToken), resolution.ResolvedOn.Year);

        var notices = new List<OutboxEnvelope>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            var application = applications[outcome.Item.ApplicationId];
            var row = rows.GetValueOrDefault(application.Id);
            var comments = votes.Where(v => v.ApplicationId == application.Id && v.Comment is not null).Select(v => v.Comment!).ToList();
            var justification = Justifications.For(outcome, row, ranking.Columns, competition, resolution, comments);
            var decision = CertificationDecision.Record(
                competition.Id,
                application.Id,
                application.ClusterId,
                resolution.Id,
                resolution.Number,
                outcome.Positive ? DecisionOutcome.Positive : DecisionOutcome.Negative,
                justification,
                (outcome.Votes.For, outcome.Votes.Against, outcome.Votes.Abstained),
                competition.AppealWindowDays,
                now);
            db.CertificationDecisions.Add(decision);
            application.RecordDecision(outcome.Positive, now);

            // An upheld appeal sent the application back to evaluation: its earlier negative decision is replaced by this one.
            foreach (var earlier in earlierDecisions.Where(d => d.ApplicationId == application.Id))
            {
                earlier.Supersede(decision.Id);
            }

            string? certificateNumber = null;
            if (outcome.Positive)
            {
                var party = parties[application.Id];
                var status = KkkStatus.Grant(decision, certificates.Next(), party.ToCertified(), resolution.ResolvedOn, competition.StatusValidityYears, phaseEndsOn, now);
                db.KkkStatuses.Add(status);
                certificateNumber = status.CertificateNumber;
            }

            resolution.AddOutcome(new ResolutionOutcome(
                application.Id,
                application.Number ?? "",
                parties.TryGetValue(application.Id, out var p) ? p.ClusterName : row?.ClusterName ?? "",
                outcome.Item.RankingPosition,
                outcome.Item.Total,
                outcome.Item.Passed,
                decision.Outcome,
                outcome.Votes.For,
                outcome.Votes.Against,
                outcome.Votes.Abstained,
                decision.Id,
                certificateNumber));
            notices.Add(new OutboxEnvelope(
                CommissionMessages.DecisionAvailable,
                [application.OwnerUserId],
                new Dictionary<string, string>
                {
                    ["competitionName"] = competition.Name,
                    ["applicationNumber"] = application.Number ?? "",
                    ["clusterName"] = parties.TryGetValue(application.Id, out var named) ? named.ClusterName : "",
                },
                CommissionLinks.Decision(decision.Id)));
        }

        await outbox.EnqueueAsync(notices, cancellationToken);
        return ResolutionDto.From(resolution, competition.Name);
    }

    /// <summary>
    /// The end of the programme phase the competition is tied to, when it is: the status then lasts to that day instead of
    /// the competition's validity in years.
    /// </summary>
    private async Task<DateOnly?> PhaseEndsOnAsync(Competition competition, CancellationToken cancellationToken) =>
        competition.ProgrammePhaseId is { } phaseId
            ? await db.ProgrammePhases.Where(p => p.Id == phaseId).Select(p => (DateOnly?)p.EndsOn).SingleAsync(cancellationToken)
            : null;

    private async Task<int> LastResolutionSequenceAsync(int year, CancellationToken cancellationToken) =>
        await db.CommissionResolutions.Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;

    private async Task<List<string>> CertificateNumbersOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = KkkStatus.FormatCertificateNumber(year, 0)[..^4];
        return await db.KkkStatuses.Where(s => s.CertificateNumber.StartsWith(prefix)).Select(s => s.CertificateNumber).ToListAsync(cancellationToken);
    }

    /// <summary>The next certificate numbers of a year, after the highest already given.</summary>
    private sealed class CertificateNumbers(IEnumerable<string> existing, int year)
    {
        private int _last = existing
            .Select(n => int.TryParse(n.AsSpan(n.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0)
            .DefaultIfEmpty(0)
            .Max();

        public string Next() => KkkStatus.FormatCertificateNumber(year, ++_last);
    }
}

/// <summary>
/// The justification of each decision, in Polish (the language of the administrative decision): the resolution, the votes,
/// and for a negative one the reasons — the threshold the result did not reach, or the commission's vote — with the
/// members' comments where given (without their names: the individual votes are not published).
/// </summary>
internal static class Justifications
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static string For(
        VotingItemOutcome outcome,
        RankingRow? row,
        IReadOnlyList<RankingCriterionColumn> columns,
        Competition competition,
        CommissionResolution resolution,
        IReadOnlyList<string> comments)
    {
        var text = new StringBuilder();
        var votes = outcome.Votes;
        var date = resolution.ResolvedOn.ToString("dd.MM.yyyy", Polish);
        var tally = $"Wynik głosowania: za — {votes.For}, przeciw — {votes.Against}, wstrzymało się — {votes.Abstained} (członków komisji: {resolution.MemberCount}).";
        var total = RankingText.Points(outcome.Item.Total, "pl");
        var threshold = RankingText.Points(competition.PassThreshold, "pl");
        if (outcome.Positive)
        {
            text.Append(CultureInfo.InvariantCulture, $"Komisja uchwałą nr {resolution.Number} z dnia {date} r. przyznała klastrowi status Krajowego Klastra Kluczowego. ");
            text.Append(tally).Append(' ');
            text.Append(CultureInfo.InvariantCulture, $"Wniosek uzyskał w ocenie merytorycznej {total} pkt (próg: {threshold} pkt) i zajął {outcome.Item.RankingPosition}. miejsce na liście rankingowej.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Komisja uchwałą nr {resolution.Number} z dnia {date} r. odmówiła przyznania klastrowi statusu Krajowego Klastra Kluczowego. ");
            if (!outcome.Item.Passed)
            {
                var reasons = row is { FailReasons.Count: > 0 } ? RankingText.Reasons(row.FailReasons, columns, "pl") : $"suma {total} pkt poniżej progu {threshold} pkt";
                text.Append(CultureInfo.InvariantCulture, $"Wniosek nie osiągnął progu oceny merytorycznej: {reasons}. ");
                if (outcome.MajorityFor)
                {
                    text.Append("Większość głosów za nie może prowadzić do przyznania statusu wnioskowi, który nie osiągnął progu. ");
                }
            }
            else
            {
                text.Append("Wniosek nie uzyskał większości głosów członków komisji oddanych za lub przeciw. ");
            }

            text.Append(tally);
        }

        if (comments.Count > 0)
        {
            text.Append("\n\nUwagi członków komisji:");
            foreach (var comment in comments)
            {
                text.Append("\n— ").Append(comment);
            }
        }

        // Comments are the only unbounded part: a long discussion is cut, never the reasons before it.
        return text.Length <= CertificationDecision.MaxJustificationLength
            ? text.ToString()
            : text.ToString(0, CertificationDecision.MaxJustificationLength - 1) + "…";
    }
}
