using FluentValidation;
using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Documents;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Certification;

/// <summary>
/// What the applicant receives through the pipeline: the decision and its delivery (opening in the portal, paper delivery
/// entered by an official), the lists, the certificate and the decision letter. The test clock starts on Friday
/// 2027-01-15 10:30 in Warsaw: a 14-day window from that day ends on Friday 2027-01-29.
/// </summary>
public abstract class DecisionDeliveryTests(DatabaseFixture database) : FunctionalTest(database)
{
    private DecisionArrange Arrange => new(Services, Database.Clock);

    private async Task<(Guid CompetitionId, ArrangedDecision Certified, ArrangedDecision Rejected)> ScenarioAsync()
    {
        var competitionId = await Arrange.CompetitionAsync(cancellationToken: Ct);
        var certified = await Arrange.CertifiedAsync(competitionId, "Klaster Alfa", cancellationToken: Ct);
        var rejected = await Arrange.RejectedAsync(competitionId, "Klaster Beta", cancellationToken: Ct);
        return (competitionId, certified, rejected);
    }

    private Task<long> AuditCountAsync() => Read(async db => await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, Ct) ?? 0);

    [Fact]
    public async Task The_applicants_first_opening_delivers_the_decision_once_and_is_audited()
    {
        var (_, _, rejected) = await ScenarioAsync();
        var auditBefore = await AuditCountAsync();

        var first = await Send(rejected.Application.Owner, new OpenDecision(rejected.DecisionId));
        Database.Clock.Advance(TimeSpan.FromDays(2));
        var second = await Send(rejected.Application.Owner, new OpenDecision(rejected.DecisionId));

        Assert.True(first.DeliveredNow);
        Assert.False(second.DeliveredNow);
        Assert.Equal(DeliveryMethod.Portal, second.DeliveredBy);
        Assert.Equal(first.DeliveredAt!.Value.UtcTicks / 10_000, second.DeliveredAt!.Value.UtcTicks / 10_000);
        var audited = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > auditBefore).ToListAsync(Ct));
        var entry = Assert.Single(audited);
        Assert.Equal((nameof(OpenDecision), nameof(CertificationDecision), rejected.DecisionId.ToString()), (entry.Command, entry.EntityType, entry.EntityId));

        var view = await Send(rejected.Application.Owner, new GetDecision(rejected.DecisionId));
        Assert.Equal(new DateOnly(2027, 1, 29), view.AppealLastDay);
        Assert.True(view.IsAppealable);
        Assert.True(view.CanAppealNow);
        Assert.Null(view.Certificate);
        Assert.Equal((1, 6, 1), (view.VotesFor, view.VotesAgainst, view.VotesAbstained));
        Assert.Equal(DecisionArrange.NegativeJustification, view.Justification);
    }

    [Fact]
    public async Task The_appeal_form_closes_after_the_last_day()
    {
        var (_, _, rejected) = await ScenarioAsync();
        await Send(rejected.Application.Owner, new OpenDecision(rejected.DecisionId));

        // 2027-01-29 23:59 in Warsaw (CET), then 00:00 of the next day.
        Database.Clock.Set(new DateTimeOffset(2027, 1, 29, 22, 59, 0, TimeSpan.Zero));
        Assert.True((await Send(rejected.Application.Owner, new GetDecision(rejected.DecisionId))).CanAppealNow);
        Database.Clock.Set(new DateTimeOffset(2027, 1, 29, 23, 0, 0, TimeSpan.Zero));
        Assert.False((await Send(rejected.Application.Owner, new GetDecision(rejected.DecisionId))).CanAppealNow);
    }

    [Fact]
    public async Task Reading_the_decision_without_opening_it_delivers_nothing_nor_does_an_officials_opening()
    {
        var (_, certified, _) = await ScenarioAsync();

        var read = await Send(certified.Application.Owner, new GetDecision(certified.DecisionId));
        var opened = await Send(TestUsers.Official, new OpenDecision(certified.DecisionId));

        Assert.Null(read.DeliveredAt);
        Assert.False(opened.DeliveredNow);
        Assert.Null(await Read(db => db.CertificationDecisions.Where(d => d.Id == certified.DecisionId).Select(d => d.DeliveredAt).SingleAsync(Ct)));
        Assert.Equal(certified.CertificateNumber, read.Certificate!.CertificateNumber);
        Assert.Equal(new DateOnly(2027, 1, 15), read.Certificate.ValidFrom);
        Assert.Equal(new DateOnly(2030, 1, 14), read.Certificate.ValidTo);
        Assert.False(read.IsAppealable);
    }

    [Fact]
    public async Task Someone_elses_decision_is_not_found()
    {
        var (_, certified, rejected) = await ScenarioAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Send(certified.Application.Owner, new GetDecision(rejected.DecisionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(certified.Application.Owner, new OpenDecision(rejected.DecisionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(certified.Application.Owner, new GetDecisionLetterPdf(rejected.DecisionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(rejected.Application.Owner, new GetCertificatePdf(certified.DecisionId)));
        Assert.Null(await Read(db => db.CertificationDecisions.Where(d => d.Id == rejected.DecisionId).Select(d => d.DeliveredAt).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Paper_delivery_starts_the_window_and_tells_the_applicant_the_last_day()
    {
        var (_, _, rejected) = await ScenarioAsync();
        var version = await Read(db => db.CertificationDecisions.Where(d => d.Id == rejected.DecisionId).Select(d => d.Version).SingleAsync(Ct));

        var newVersion = await Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 15), version));

        Assert.Equal(version + 1, newVersion);
        var view = await Send(TestUsers.Official, new GetDecision(rejected.DecisionId));
        Assert.Equal((DeliveryMethod.Paper, new DateOnly(2027, 1, 29)), (view.DeliveredBy!.Value, view.AppealLastDay!.Value));
        var message = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == DecisionMessages.DeliveredOnPaper).ToListAsync(Ct)));
        Assert.Equal(rejected.Application.Owner.UserId, message.RecipientUserId);
        Assert.Contains("2027-01-29", message.Text, StringComparison.Ordinal);
        Assert.Contains(rejected.Application.Number, message.Subject, StringComparison.Ordinal);
        Assert.Equal(DecisionLinks.Page(rejected.DecisionId), message.Link);
    }

    [Fact]
    public async Task Paper_delivery_is_refused_twice_after_the_portal_out_of_range_without_a_date_or_on_a_stale_version()
    {
        var (_, certified, rejected) = await ScenarioAsync();
        var version = await Read(db => db.CertificationDecisions.Where(d => d.Id == rejected.DecisionId).Select(d => d.Version).SingleAsync(Ct));

        var missing = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, null, version)));
        Assert.Contains(missing.Errors, e => e.PropertyName == nameof(RecordPaperDelivery.DeliveredOn));
        var tomorrow = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 16), version)));
        Assert.Equal("decision.delivery_date_out_of_range", tomorrow.Code);
        var before = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 14), version)));
        Assert.Equal("decision.delivery_date_out_of_range", before.Code);

        var next = await Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 15), version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 15), version)));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RecordPaperDelivery(rejected.DecisionId, new DateOnly(2027, 1, 15), next)));
        Assert.Equal("decision.already_delivered", twice.Code);

        await Send(certified.Application.Owner, new OpenDecision(certified.DecisionId));
        var certifiedVersion = await Read(db => db.CertificationDecisions.Where(d => d.Id == certified.DecisionId).Select(d => d.Version).SingleAsync(Ct));
        var afterPortal = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RecordPaperDelivery(certified.DecisionId, new DateOnly(2027, 1, 15), certifiedVersion)));
        Assert.Equal("decision.already_delivered", afterPortal.Code);
        Assert.Equal(0, await Read(db => db.OutboxMessages.CountAsync(m => m.TemplateKey == DecisionMessages.DeliveredOnPaper && m.RecipientUserId == certified.Application.Owner.UserId, Ct)));
    }

    [Fact]
    public async Task The_official_lists_a_competitions_decisions_filtered_sorted_and_paged()
    {
        var (competitionId, certified, rejected) = await ScenarioAsync();
        var gamma = await Arrange.RejectedAsync(competitionId, "Klaster Gamma", cancellationToken: Ct);
        var otherCompetition = await Arrange.CompetitionAsync(year: 2028, cancellationToken: Ct);
        await Arrange.RejectedAsync(otherCompetition, "Klaster Delta", cancellationToken: Ct);
        await Send(rejected.Application.Owner, new OpenDecision(rejected.DecisionId));

        var all = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, SortBy: DecisionSort.Cluster, Descending: true));
        Assert.Equal(["Klaster Gamma", "Klaster Beta", "Klaster Alfa"], all.Items.Select(r => r.ClusterName));
        Assert.Equal(certified.CertificateNumber, all.Items.Single(r => r.Id == certified.DecisionId).CertificateNumber);
        Assert.Equal(new DateOnly(2027, 1, 29), all.Items.Single(r => r.Id == rejected.DecisionId).AppealLastDay);

        var undelivered = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, Delivery: DeliveryState.NotDelivered));
        Assert.Equal([certified.DecisionId, gamma.DecisionId], undelivered.Items.Select(r => r.Id));
        var negativeInPortal = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, DecisionOutcome.Negative, DeliveryState.Portal));
        Assert.Equal([rejected.DecisionId], negativeInPortal.Items.Select(r => r.Id));
        var searched = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, Search: "GAMMA"));
        Assert.Equal([gamma.DecisionId], searched.Items.Select(r => r.Id));

        var page2 = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, SortBy: DecisionSort.AppealDeadline, Page: 2, PageSize: 2));
        Assert.Equal(3, page2.TotalCount);
        Assert.Single(page2.Items);

        // Delivered first whichever way: what still waits for delivery stays at the end.
        var byDeadline = await Send(TestUsers.Official, new ListCompetitionDecisions(competitionId, SortBy: DecisionSort.AppealDeadline, Descending: true));
        Assert.Equal(rejected.DecisionId, byDeadline.Items[0].Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(rejected.Application.Owner, new ListCompetitionDecisions(competitionId)));
    }

    [Fact]
    public async Task The_applicant_lists_only_his_own_decisions()
    {
        var (_, certified, rejected) = await ScenarioAsync();

        var own = await Send(rejected.Application.Owner, new ListMyDecisions());
        var ofApplication = await Send(certified.Application.Owner, new ListMyDecisions(certified.Application.Id));
        var ofOthers = await Send(certified.Application.Owner, new ListMyDecisions(rejected.Application.Id));

        Assert.Equal([rejected.DecisionId], own.Items.Select(r => r.Id));
        Assert.Equal([certified.DecisionId], ofApplication.Items.Select(r => r.Id));
        Assert.Empty(ofOthers.Items);
    }

    [Fact]
    public async Task The_certificate_names_the_status_the_cluster_its_coordinator_and_the_resolution()
    {
        var (_, certified, rejected) = await ScenarioAsync();

        var file = await Send(certified.Application.Owner, new GetCertificatePdf(certified.DecisionId));

        Assert.Equal("application/pdf", file.ContentType);
        var text = PdfText.Flat(file.Content);
        Assert.Contains("Certyfikat statusu Krajowego Klastra Kluczowego", text, StringComparison.Ordinal);
        Assert.Contains("Certificate of the National Key Cluster status", text, StringComparison.Ordinal);
        Assert.Contains(certified.CertificateNumber!, text, StringComparison.Ordinal);
        Assert.Contains("Klaster Alfa", text, StringComparison.Ordinal);
        Assert.Contains("Stowarzyszenie Klaster Alfa, NIP", text, StringComparison.Ordinal);
        Assert.Contains("2027-01-15", text, StringComparison.Ordinal);
        Assert.Contains("2030-01-14", text, StringComparison.Ordinal);
        Assert.Contains("UCH/2027/1/001", text, StringComparison.Ordinal);
        Assert.Equal(file.Content, (await Send(TestUsers.Official, new GetCertificatePdf(certified.DecisionId))).Content);

        var none = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(rejected.Application.Owner, new GetCertificatePdf(rejected.DecisionId)));
        Assert.Equal("decision.no_certificate", none.Code);
    }

    [Fact]
    public async Task The_decision_letter_has_the_justification_votes_appeal_instruction_and_anonymised_sheets()
    {
        var (_, certified, rejected) = await ScenarioAsync();
        await Send(rejected.Application.Owner, new OpenDecision(rejected.DecisionId));

        var file = await Send(rejected.Application.Owner, new GetDecisionLetterPdf(rejected.DecisionId));

        var text = PdfText.Flat(file.Content);
        Assert.Contains(DecisionArrange.NegativeJustification, text, StringComparison.Ordinal);
        Assert.Contains("za: 1, przeciw: 6, wstrzymujące się: 1", text, StringComparison.Ordinal);
        Assert.Contains("w terminie 14 dni od dnia jej doręczenia", text, StringComparison.Ordinal);
        Assert.Contains("do 2027-01-29 włącznie", text, StringComparison.Ordinal);
        // Each sheet's heading, then its submission (the extractor drops the dash between "Karta oceny" and the expert).
        Assert.Contains("Ekspert 1 Złożono 2027-01-15", text, StringComparison.Ordinal);
        Assert.Contains("Ekspert 2 Złożono 2027-01-15", text, StringComparison.Ordinal);
        Assert.Contains("Opinia ogólna", text, StringComparison.Ordinal);
        Assert.Contains("Karta oceny merytorycznej wniosku", text, StringComparison.Ordinal);
        foreach (var name in DecisionArrange.ExpertNames)
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }

        var none = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(certified.Application.Owner, new GetDecisionLetterPdf(certified.DecisionId)));
        Assert.Equal("decision.no_letter", none.Code);
    }
}

public sealed class DecisionDeliveryTestsOnSqlite(SqliteDatabaseFixture database) : DecisionDeliveryTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DecisionDeliveryTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DecisionDeliveryTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
