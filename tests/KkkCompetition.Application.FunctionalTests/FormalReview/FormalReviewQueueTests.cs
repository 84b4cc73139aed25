using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.FormalReview;

public abstract class FormalReviewQueueTests(DatabaseFixture database) : FormalReviewTest(database)
{
    private static readonly string[] Names =
        ["Klaster Alfa", "Bałtycki Klaster Morski", "Klaster Beta", "Śląski Klaster Wodorowy", "Klaster Gamma", "Klaster Delta", "Mazowiecki Klaster ICT"];

    [Fact]
    public async Task The_queue_pages_sorts_and_searches_on_the_server()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var submitted = await Applications.SubmitManyAsync(competitionId, Names, cancellationToken: Ct);

        var first = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, PageSize: 3));
        var third = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, Page: 3, PageSize: 3));
        Assert.Equal(7, first.TotalCount);
        Assert.Equal(submitted.Take(3).Select(a => a.Number), first.Items.Select(i => i.Number));
        Assert.Equal([submitted[6].Number], third.Items.Select(i => i.Number));
        Assert.All(first.Items, i => Assert.Equal(ApplicationStatus.Submitted, i.Status));
        Assert.Equal("Stowarzyszenie Klaster Alfa", first.Items[0].OrganisationName);

        var byClusterDescending = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, SortBy: FormalReviewQueueSort.Cluster, Descending: true, PageSize: 2));
        Assert.Equal(["Śląski Klaster Wodorowy", "Mazowiecki Klaster ICT"], byClusterDescending.Items.Select(i => i.ClusterName));

        var byNumber = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, Search: submitted[4].Number[^4..]));
        Assert.Equal([submitted[4].Id], byNumber.Items.Select(i => i.ApplicationId));

        var byName = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, Search: "  klaster B"));
        Assert.Equal(["Klaster Beta"], byName.Items.Select(i => i.ClusterName));
        Assert.Equal(1, byName.TotalCount);
    }

    [Fact]
    public async Task The_queue_filters_by_status_or_what_is_still_to_decide_and_shows_the_correction_deadline()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var submitted = await Applications.SubmitManyAsync(competitionId, Names.Take(4).ToList(), cancellationToken: Ct);
        await CheckAsync(submitted[0].Id, EligibilityPreCheck.MemberCount, FormalCheckOutcome.Pass);
        var correction = await RequestCorrectionAsync(submitted[1].Id);
        await PassAllAsync(submitted[2].Id);
        await Send(TestUsers.Official, new AcceptFormally(submitted[2].Id, null, (await ReviewAsync(submitted[2].Id)).Version));

        var inReview = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, Status: ApplicationStatus.FormalReview));
        var open = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, OnlyOpen: true, SortBy: FormalReviewQueueSort.Status));
        var all = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId));

        Assert.Equal([submitted[0].Id], inReview.Items.Select(i => i.ApplicationId));
        Assert.Equal(1, inReview.Items[0].ChecksRecorded);

        // The lifecycle order: submitted, in review, corrected, awaiting the applicant.
        Assert.Equal([submitted[3].Id, submitted[0].Id, submitted[1].Id], open.Items.Select(i => i.ApplicationId));
        var awaiting = all.Items.Single(i => i.ApplicationId == submitted[1].Id);
        Assert.Equal(correction.DeadlineAt, awaiting.CorrectionDeadlineAt);
        Assert.Equal(4, awaiting.ChecksRecorded);
        Assert.Null(all.Items.Single(i => i.ApplicationId == submitted[0].Id).CorrectionDeadlineAt);
        Assert.NotNull(all.Items.Single(i => i.ApplicationId == submitted[2].Id).FormalDecisionAt);
    }

    [Fact]
    public async Task Drafts_and_other_competitions_stay_out_of_the_queue()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        var other = await Applications.CompetitionAsync("Drugi nabór", cancellationToken: Ct);
        var mine = await Applications.SubmitAsync(competitionId, "Klaster Alfa", cancellationToken: Ct);
        await Applications.SubmitAsync(other, "Klaster Beta", cancellationToken: Ct);
        await using (var scope = Database.CreateScope(out var db))
        {
            // A draft of the other competition's cluster in this one: not submitted, so not the official's business yet.
            var competition = await db.Competitions.SingleAsync(c => c.Id == competitionId, Ct);
            var beta = await db.Clusters.Where(c => c.Name == "Klaster Beta").Select(c => c.Id).SingleAsync(Ct);
            db.Applications.Add(KkkApplication.StartDraft(competition, beta, Guid.CreateVersion7(), Database.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        var queue = await Send(TestUsers.Official, new ListFormalReviewQueue(competitionId));

        Assert.Equal([mine.Id], queue.Items.Select(i => i.ApplicationId));
    }

    [Fact]
    public async Task Only_officials_see_the_queue_and_a_bad_page_names_the_field()
    {
        var competitionId = await Applications.CompetitionAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new ListFormalReviewQueue(competitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new ListFormalReviewQueue(competitionId)));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new ListFormalReviewQueue(competitionId, PageSize: 0)));
        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(ListFormalReviewQueue.PageSize));
    }
}

public sealed class FormalReviewQueueTestsOnSqlite(SqliteDatabaseFixture database) : FormalReviewQueueTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class FormalReviewQueueTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : FormalReviewQueueTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
