using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Certification;

public abstract class RegistryTests(DatabaseFixture database) : FunctionalTest(database)
{
    // The test clock's Warsaw day.
    private static readonly DateOnly Today = new(2027, 1, 15);

    private CertifiedClusters Clusters => new(Services, Database.Clock);

    [Fact]
    public async Task The_registry_lists_only_the_statuses_in_force_today_with_names_of_voivodeships_and_specialisations()
    {
        var clusters = Clusters;
        var granted = await clusters.GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "Klaster Alfa", Voivodeship = "14", KisCodes = ["KIS10", "KIS2"] },
            new CertifiedShape { ClusterName = "Klaster Beta", Voivodeship = "12", KisCodes = ["KIS2"] },

            // Its last day was yesterday: no longer in force, even before the nightly job stores it.
            new CertifiedShape { ClusterName = "Klaster Gamma", Voivodeship = "14", CertificateDate = Today.AddYears(-3) },

            // Its last day is today: still in force.
            new CertifiedShape { ClusterName = "Klaster Delta", Voivodeship = "02", CertificateDate = Today.AddYears(-3).AddDays(1) },
            new CertifiedShape { ClusterName = "Klaster Epsilon", Voivodeship = "14" },
        ], Ct);
        await Send(TestUsers.Official, new RevokeKkkStatus(granted[4].StatusId, "Klaster utracił warunki statusu.", 0));

        var page = await Send(TestUsers.Anonymous, new ListRegistry());

        Assert.Equal(["Klaster Alfa", "Klaster Beta", "Klaster Delta"], page.Items.Select(i => i.ClusterName));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(Today, page.AsOf);
        var alfa = page.Items[0];
        Assert.Equal("mazowieckie", alfa.VoivodeshipName);
        Assert.Equal(["KIS2", "KIS10"], alfa.Specialisations.Select(k => k.Code));
        Assert.All(alfa.Specialisations, k => Assert.NotEqual(k.Code, k.NamePl));
        Assert.Equal("Stowarzyszenie Klaster Alfa", alfa.CoordinatorName);
        Assert.Equal(Today.AddYears(-1), alfa.ValidFrom);
        Assert.Equal(Today.AddYears(2).AddDays(-1), alfa.ValidTo);
        Assert.Equal(Today, page.Items[2].ValidTo);
    }

    [Fact]
    public async Task The_registry_filters_by_voivodeship_specialisation_and_name_and_pages_on_the_server()
    {
        await Clusters.GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "Klaster Morski", Voivodeship = "22", KisCodes = ["KIS5"] },
            new CertifiedShape { ClusterName = "Klaster Górski", Voivodeship = "12", KisCodes = ["KIS5", "KIS7"] },
            new CertifiedShape { ClusterName = "Klaster Miejski", Voivodeship = "14", KisCodes = ["KIS7"] },
            new CertifiedShape { ClusterName = "Klaster Rolny", Voivodeship = "06", KisCodes = ["KIS1"] },
            new CertifiedShape { ClusterName = "Klaster Leśny", Voivodeship = "12", KisCodes = ["KIS1"] },
        ], Ct);

        Assert.Equal(["Klaster Górski", "Klaster Leśny"], (await Send(TestUsers.Anonymous, new ListRegistry(Voivodeship: "12"))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Górski", "Klaster Morski"], (await Send(TestUsers.Anonymous, new ListRegistry(Kis: "kis5"))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Miejski", "Klaster Morski"], (await Send(TestUsers.Anonymous, new ListRegistry(Search: "KLASTER M"))).Items.Select(i => i.ClusterName));
        Assert.Equal(["Klaster Górski"], (await Send(TestUsers.Anonymous, new ListRegistry(Voivodeship: "12", Kis: "KIS7"))).Items.Select(i => i.ClusterName));

        var second = await Send(TestUsers.Anonymous, new ListRegistry(SortBy: RegistrySort.ClusterName, Descending: true, Page: 2, PageSize: 2));
        Assert.Equal(5, second.TotalCount);
        Assert.Equal(["Klaster Miejski", "Klaster Leśny"], second.Items.Select(i => i.ClusterName));
        var byVoivodeship = await Send(TestUsers.Anonymous, new ListRegistry(SortBy: RegistrySort.Voivodeship, PageSize: 2));
        Assert.Equal(["06", "12"], byVoivodeship.Items.Select(i => i.VoivodeshipTeryt));

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Send(TestUsers.Anonymous, new ListRegistry(PageSize: 0)));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Send(TestUsers.Anonymous, new ListRegistry(Voivodeship: "mazowieckie")));
    }

    [Fact]
    public async Task The_map_counts_every_voivodeship_also_those_without_a_kkk()
    {
        await Clusters.GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "A", Voivodeship = "14" },
            new CertifiedShape { ClusterName = "B", Voivodeship = "14" },
            new CertifiedShape { ClusterName = "C", Voivodeship = "30" },
            new CertifiedShape { ClusterName = "D", Voivodeship = "30", CertificateDate = Today.AddYears(-4) },
        ], Ct);

        var map = await Send(TestUsers.Anonymous, new GetRegistryMap());

        Assert.Equal(16, map.Voivodeships.Count);
        Assert.Equal(3, map.Total);
        Assert.Equal(2, map.Voivodeships.Single(v => v.Teryt == "14").Count);
        Assert.Equal(1, map.Voivodeships.Single(v => v.Teryt == "30").Count);
        Assert.Equal(0, map.Voivodeships.Single(v => v.Teryt == "02").Count);
    }

    [Fact]
    public async Task The_cluster_card_shows_the_facts_the_members_and_the_history_with_the_revocation_and_its_date()
    {
        var clusters = Clusters;
        var first = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Historyczny", Members = 6, CertificateDate = Today.AddYears(-4) }, Ct);
        var second = await clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Historyczny", ExistingClusterId = first.ClusterId, CertificateDate = Today.AddDays(-10) }, Ct);

        var card = await Send(TestUsers.Anonymous, new GetClusterCard(first.ClusterId));
        Assert.Equal("Klaster Historyczny", card.ClusterName);
        Assert.Equal(6, card.MembersCount);
        Assert.Equal([new MemberTypeCount(MemberType.Enterprise, 5), new MemberTypeCount(MemberType.ResearchOrUniversity, 1)], card.MembersByType);
        Assert.Equal(second.StatusId, card.CurrentStatus!.StatusId);
        Assert.Equal([second.StatusId, first.StatusId], card.History.Select(h => h.StatusId));
        Assert.Equal(KkkStatusState.Expired, card.History[1].State);
        Assert.Equal(Today.AddYears(-1), card.History[1].EndedOn);

        Database.Clock.Advance(TimeSpan.FromDays(2));
        await Send(TestUsers.Official, new RevokeKkkStatus(second.StatusId, "Rażące naruszenie warunków.", 0));
        card = await Send(TestUsers.Anonymous, new GetClusterCard(first.ClusterId));
        Assert.Null(card.CurrentStatus);
        Assert.Equal(KkkStatusState.Revoked, card.History[0].State);
        Assert.Equal(Today.AddDays(2), card.History[0].EndedOn);
        Assert.Equal("Rażące naruszenie warunków.", card.History[0].EndReason);

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Anonymous, new GetClusterCard(Guid.CreateVersion7())));
    }

    [Fact]
    public async Task The_nightly_scan_expires_the_statuses_past_their_last_day_notifies_the_coordinator_and_is_audited()
    {
        var granted = await Clusters.GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "Klaster Wczorajszy", CertificateDate = Today.AddYears(-3) },
            new CertifiedShape { ClusterName = "Klaster Dzisiejszy", CertificateDate = Today.AddYears(-3).AddDays(1) },
        ], Ct);

        var expired = await Send(TestUsers.System, new ExpireKkkStatuses());

        Assert.Equal([granted[0].StatusId], expired.StatusIds);
        var statuses = await Read(db => db.KkkStatuses.AsNoTracking().OrderBy(s => s.ClusterName).ToListAsync(Ct));
        Assert.Equal(KkkStatusState.Active, statuses[0].State);
        Assert.Equal(KkkStatusState.Expired, statuses[1].State);
        Assert.Equal(Today, statuses[1].EndedOn);
        var notice = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == RegistryMessages.Expired).ToListAsync(Ct)));
        Assert.Equal(granted[0].CoordinatorUserId, notice.RecipientUserId);
        Assert.Contains("Klaster Wczorajszy", notice.Text, StringComparison.Ordinal);
        Assert.Contains(await Read(db => db.AuditEntries.AsNoTracking().ToListAsync(Ct)), e => e.Command == nameof(ExpireKkkStatuses) && e.EntityId == granted[0].StatusId.ToString() && e.Role == "System");

        // The next night the other one, whose last day was the day before.
        Assert.Equal(0, (await Send(TestUsers.System, new ExpireKkkStatuses())).Count);
        Database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([granted[1].StatusId], (await Send(TestUsers.System, new ExpireKkkStatuses())).StatusIds);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new ExpireKkkStatuses()));
    }

    [Fact]
    public async Task An_official_revokes_with_a_reason_once_and_a_stale_version_or_no_reason_is_refused()
    {
        var granted = await Clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Cofnięty" }, Ct);

        var noReason = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RevokeKkkStatus(granted.StatusId, "  ", 0)));
        Assert.Equal("kkk_status.revocation_reason_required", noReason.Code);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new RevokeKkkStatus(granted.StatusId, "Powód.", 7)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new RevokeKkkStatus(granted.StatusId, "Powód.", 0)));

        var version = await Send(TestUsers.Official, new RevokeKkkStatus(granted.StatusId, "Klaster nie spełnia warunków.", 0));

        var status = await Read(db => db.KkkStatuses.AsNoTracking().SingleAsync(s => s.Id == granted.StatusId, Ct));
        Assert.Equal(version, status.Version);
        Assert.Equal(KkkStatusState.Revoked, status.State);
        Assert.Equal(Today, status.EndedOn);
        Assert.Equal(TestUsers.Official.UserId, status.EndedBy);
        var notice = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == RegistryMessages.Revoked).ToListAsync(Ct)));
        Assert.Equal(granted.CoordinatorUserId, notice.RecipientUserId);
        Assert.Contains("Klaster nie spełnia warunków.", notice.Text, StringComparison.Ordinal);
        Assert.Contains(await Read(db => db.AuditEntries.AsNoTracking().ToListAsync(Ct)), e => e.Command == nameof(RevokeKkkStatus) && e.EntityId == granted.StatusId.ToString());

        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new RevokeKkkStatus(granted.StatusId, "Jeszcze raz.", version)));
        Assert.Equal("kkk_status.not_active", again.Code);

        var list = await Send(TestUsers.Official, new ListKkkStatuses(State: KkkStatusState.Revoked));
        Assert.Equal("Klaster nie spełnia warunków.", Assert.Single(list.Items).EndReason);
        Assert.Empty((await Send(TestUsers.Official, new ListKkkStatuses(State: KkkStatusState.Active))).Items);
    }

    [Fact]
    public async Task The_open_data_holds_the_current_statuses_or_with_history_every_status_as_it_holds_today()
    {
        var granted = await Clusters.GrantManyAsync(
        [
            new CertifiedShape { ClusterName = "Klaster Obecny", Voivodeship = "24", KisCodes = ["KIS3"] },
            new CertifiedShape { ClusterName = "Klaster Dawny", Voivodeship = "24", CertificateDate = Today.AddYears(-5) },
            new CertifiedShape { ClusterName = "Klaster Inny", Voivodeship = "02" },
        ], Ct);

        var current = await Send(TestUsers.Anonymous, new ExportRegistry(Voivodeship: "24"));
        var record = Assert.Single(current.Records);
        Assert.Equal(RegistryDataset.CurrentSchemaVersion, current.SchemaVersion);
        Assert.Equal(Today, current.AsOf);
        Assert.Equal(granted[0].CertificateNumber, record.CertificateNumber);
        Assert.Equal("śląskie", record.VoivodeshipName);
        Assert.Equal(["KIS3"], record.KisCodes);
        Assert.Equal("Active", record.State);

        var history = await Send(TestUsers.IntegrationClient, new ExportRegistry(Voivodeship: "24", IncludeHistory: true));
        Assert.Equal(2, history.Count);
        var old = history.Records.Single(r => r.ClusterName == "Klaster Dawny");
        Assert.Equal("Expired", old.State);
        Assert.Equal(Today.AddYears(-2), old.EndedOn);
    }

    [Fact]
    public async Task The_expiry_reminders_reach_the_coordinator_ninety_and_thirty_days_before_the_last_day()
    {
        // Last day 90 days from today: the scan today is the 90-day reminder; 60 days later the 30-day one.
        var granted = await Clusters.GrantAsync(new CertifiedShape { ClusterName = "Klaster Przypominany", CertificateDate = Today.AddDays(91).AddYears(-3) }, Ct);
        var validTo = await Read(db => db.KkkStatuses.AsNoTracking().Where(s => s.Id == granted.StatusId).Select(s => s.ValidTo).SingleAsync(Ct));
        Assert.Equal(Today.AddDays(90), validTo);

        await Send(TestUsers.System, new RunReminderScan());
        Database.Clock.Advance(TimeSpan.FromDays(30));
        await Send(TestUsers.System, new RunReminderScan());
        Database.Clock.Advance(TimeSpan.FromDays(30));
        await Send(TestUsers.System, new RunReminderScan());
        await Send(TestUsers.System, new RunReminderScan());

        var dispatches = await Read(db => db.ReminderDispatches.AsNoTracking().Where(d => d.RuleKey == ReminderCatalogue.KkkStatusExpiring).OrderBy(d => d.DispatchedAt).ToListAsync(Ct));
        Assert.Equal([-90, -30], dispatches.Select(d => d.OffsetDays));
        Assert.All(dispatches, d => Assert.Equal(KkkStatusExpiryReminderSource.SubjectKey(granted.StatusId), d.SubjectKey));
        var messages = await Read(db => db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == ReminderCatalogue.KkkStatusExpiring).ToListAsync(Ct));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(granted.CoordinatorUserId, m.RecipientUserId));
        Assert.All(messages, m => Assert.Contains("Klaster Przypominany", m.Text, StringComparison.Ordinal));
    }
}

public sealed class RegistryTestsOnSqlite(SqliteDatabaseFixture database) : RegistryTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class RegistryTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : RegistryTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
