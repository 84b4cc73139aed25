using System.Globalization;
using System.Text;
using FluentValidation;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>
/// The ranking of a competition through the pipeline. Seven applications, submitted a minute apart as 0001–0007, with
/// results that exercise every rule (the template's 13 criteria, 150 points, threshold 100, tie-break C.1, C.2, B.1;
/// C.1 given a minimum of 5):
/// Beta 110 — first; Gamma, Delta, Alfa, Epsilon and the Gdańsk cluster all 104, split by C.1 (10), then C.2 (9), then
/// submission (Alfa before Epsilon), the Gdańsk cluster last of them on C.1 = 4, which is also below its minimum; Fi 96,
/// below the threshold.
/// </summary>
public abstract class RankingTests(DatabaseFixture database) : FunctionalTest(database)
{
    private static readonly string[] Clusters = ["Klaster Alfa", "Klaster Beta", "Klaster Gamma", "Klaster Delta", "Klaster Epsilon", "Klaster Fi", "Gdański Klaster Wodorowy"];

    private RankingArrange Arrange => new(Services, Database.Clock);

    private sealed record Scenario(Guid CompetitionId, IReadOnlyDictionary<string, SubmittedApplication> Apps)
    {
        public SubmittedApplication this[string cluster] => Apps["Klaster " + cluster];
    }

    private async Task<Scenario> ScenarioAsync(bool results = true)
    {
        var competitionId = await Arrange.CompetitionAsync(minimums: new Dictionary<string, decimal> { ["C.1"] = 5m }, cancellationToken: Ct);
        var submitter = new SubmittedApplications(Services, Database.Clock);
        var apps = new Dictionary<string, SubmittedApplication>();
        foreach (var cluster in Clusters)
        {
            apps[cluster.StartsWith("Gdański", StringComparison.Ordinal) ? "Klaster Gdańsk" : cluster] =
                await submitter.SubmitAsync(competitionId, cluster, new ApplicationShape { Members = 2 }, Ct);
            Database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var scenario = new Scenario(competitionId, apps);
        if (results)
        {
            await Arrange.ResultAsync(scenario["Alfa"].Id, RankingArrange.Points(8), Ct);
            await Arrange.ResultAsync(scenario["Beta"].Id, RankingArrange.Points(8, ("E.1", 14)), Ct);
            await Arrange.ResultAsync(scenario["Gamma"].Id, RankingArrange.Points(8, ("C.1", 10), ("E.2", 6)), Ct);
            await Arrange.ResultAsync(scenario["Delta"].Id, RankingArrange.Points(8, ("C.2", 9), ("E.2", 7)), Ct);
            await Arrange.ResultAsync(scenario["Epsilon"].Id, RankingArrange.Points(8, ("A.1", 9), ("A.2", 7)), Ct);
            await Arrange.ResultAsync(scenario["Fi"].Id, RankingArrange.Points(8, ("E.1", 0)), Ct);
            await Arrange.ResultAsync(scenario["Gdańsk"].Id, RankingArrange.Points(8, ("C.1", 4), ("E.1", 12)), Ct);
        }

        return scenario;
    }

    private Task<RankingView> RankingAsync(Guid competitionId, bool passedOnly = false, string? search = null, RankingSort sort = RankingSort.Position, bool descending = false, int page = 1, int pageSize = 25) =>
        Send(TestUsers.Official, new GetRanking(competitionId, passedOnly, search, sort, descending, page, pageSize));

    private static List<string> Suffixes(IEnumerable<RankingRow> rows) => rows.Select(r => r.Number[^4..]).ToList();

    [Fact]
    public async Task The_ranking_goes_by_total_then_the_tie_break_criteria_in_order_then_earlier_submission()
    {
        var s = await ScenarioAsync();

        var view = await RankingAsync(s.CompetitionId);

        var rows = view.Rows.Items;
        Assert.Equal(["0002", "0003", "0004", "0001", "0005", "0007", "0006"], Suffixes(rows));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r.Position));
        Assert.Equal([110m, 104m, 104m, 104m, 104m, 104m, 96m], rows.Select(r => r.Total));
        Assert.Equal(
            [
                (RankingDecidedBy.First, null),
                (RankingDecidedBy.Total, null),
                (RankingDecidedBy.TieBreakCriterion, "C.1"),
                (RankingDecidedBy.TieBreakCriterion, "C.2"),
                (RankingDecidedBy.Submission, null),
                (RankingDecidedBy.TieBreakCriterion, "C.1"),
                (RankingDecidedBy.Total, (string?)null),
            ],
            rows.Select(r => (r.DecidedBy, r.DecidingCriterion)));
        Assert.Equal(["C.1", "C.2", "B.1"], view.TieBreakOrder);
        Assert.Equal((7, 5, 100m, 150m), (view.RankedCount, view.PassedCount, view.PassThreshold, view.MaxTotal));
        Assert.Equal(RankingArrange.TemplateCodes, view.Criteria.Select(c => c.Code));
        Assert.Equal(5m, view.Criteria.Single(c => c.Code == "C.1").MinimumPoints);
        var beta = rows[0];
        Assert.Equal(("Klaster Beta", "Stowarzyszenie Klaster Beta"), (beta.ClusterName, beta.CoordinatorName));
        Assert.Equal(14m, beta.Criteria.Single(c => c.Code == "E.1").Points);
        Assert.Equal(RankingArrange.TemplateCodes, beta.Criteria.Select(c => c.Code));
    }

    [Fact]
    public async Task Another_tie_break_order_reorders_equal_totals()
    {
        var competitionId = await Arrange.CompetitionAsync(tieBreak: ["C.2"], cancellationToken: Ct);
        var apps = await new SubmittedApplications(Services, Database.Clock).SubmitManyAsync(competitionId, ["Klaster Alfa", "Klaster Beta"], new ApplicationShape { Members = 2 }, Ct);
        await Arrange.ResultAsync(apps[0].Id, RankingArrange.Points(8, ("C.1", 12), ("E.2", 4)), Ct);
        await Arrange.ResultAsync(apps[1].Id, RankingArrange.Points(8, ("C.2", 9), ("E.2", 7)), Ct);

        var rows = (await RankingAsync(competitionId)).Rows.Items;

        Assert.Equal(["Klaster Beta", "Klaster Alfa"], rows.Select(r => r.ClusterName));
        Assert.Equal((RankingDecidedBy.TieBreakCriterion, "C.2"), (rows[1].DecidedBy, rows[1].DecidingCriterion));
    }

    [Fact]
    public async Task Each_row_says_whether_it_passes_and_why_not()
    {
        var s = await ScenarioAsync();

        var rows = (await RankingAsync(s.CompetitionId)).Rows.Items.ToDictionary(r => r.ClusterName);

        Assert.True(rows["Klaster Beta"].Passed);
        Assert.Empty(rows["Klaster Beta"].FailReasons);
        Assert.True(rows["Klaster Epsilon"].Passed);
        Assert.False(rows["Klaster Fi"].Passed);
        Assert.Equal([new FailReason(null, 96m, 100m)], rows["Klaster Fi"].FailReasons);
        var gdansk = rows["Gdański Klaster Wodorowy"];
        Assert.False(gdansk.Passed);
        Assert.Equal([new FailReason("C.1", 4m, 5m)], gdansk.FailReasons);
        Assert.All(rows.Values, r => Assert.False(r.ChangedByPanel));
    }

    [Fact]
    public async Task The_panels_points_count_and_the_row_says_the_panel_changed_it()
    {
        var s = await ScenarioAsync();

        await Arrange.PanelChangeAsync(s["Fi"].Id, "E.1", 4m, "Panel uznał ofertę usług po prezentacji koordynatora.", Ct);

        var view = await RankingAsync(s.CompetitionId);
        var fi = view.Rows.Items.Single(r => r.ClusterName == "Klaster Fi");
        Assert.Equal((7, 100m, true, true), (fi.Position, fi.Total, fi.Passed, fi.ChangedByPanel));
        Assert.Empty(fi.FailReasons);
        Assert.Equal(new RankingCriterionPoints("E.1", 4m, true), fi.Criteria.Single(c => c.Code == "E.1"));
        Assert.False(fi.Criteria.Single(c => c.Code == "E.2").ChangedByPanel);
        Assert.Equal(6, view.PassedCount);
    }

    [Fact]
    public async Task Positions_stay_the_ranking_positions_on_every_page_filter_and_sort()
    {
        var s = await ScenarioAsync();

        var second = await RankingAsync(s.CompetitionId, page: 2, pageSize: 3);
        Assert.Equal([4, 5, 6], second.Rows.Items.Select(r => r.Position));
        Assert.Equal((7, 2, 3), (second.Rows.TotalCount, second.Rows.Page, second.Rows.PageSize));

        var passed = await RankingAsync(s.CompetitionId, passedOnly: true, page: 2, pageSize: 2);
        Assert.Equal([3, 4], passed.Rows.Items.Select(r => r.Position));
        Assert.Equal(5, passed.Rows.TotalCount);

        var hydrogen = await RankingAsync(s.CompetitionId, search: "WODOR");
        Assert.Equal(6, Assert.Single(hydrogen.Rows.Items).Position);
        var byNumber = await RankingAsync(s.CompetitionId, search: "/0004");
        Assert.Equal(("Klaster Delta", 3), (Assert.Single(byNumber.Rows.Items).ClusterName, byNumber.Rows.Items[0].Position));
        Assert.Equal(7, hydrogen.RankedCount);

        var byCluster = await RankingAsync(s.CompetitionId, sort: RankingSort.Cluster);
        Assert.Equal(["Gdański Klaster Wodorowy", "Klaster Alfa", "Klaster Beta", "Klaster Delta", "Klaster Epsilon", "Klaster Fi", "Klaster Gamma"], byCluster.Rows.Items.Select(r => r.ClusterName));
        Assert.Equal([6, 4, 1, 3, 5, 7, 2], byCluster.Rows.Items.Select(r => r.Position));

        var reversed = await RankingAsync(s.CompetitionId, descending: true, pageSize: 2);
        Assert.Equal([7, 6], reversed.Rows.Items.Select(r => r.Position));

        var byNumbers = await RankingAsync(s.CompetitionId, sort: RankingSort.Number, descending: true, pageSize: 3);
        Assert.Equal(["0007", "0006", "0005"], Suffixes(byNumbers.Rows.Items));

        // Equal totals keep their ranking order when sorted by total.
        var byTotal = await RankingAsync(s.CompetitionId, sort: RankingSort.Total);
        Assert.Equal([7, 2, 3, 4, 5, 6, 1], byTotal.Rows.Items.Select(r => r.Position));

        var beyond = await RankingAsync(s.CompetitionId, page: 5, pageSize: 3);
        Assert.Empty(beyond.Rows.Items);
    }

    [Fact]
    public async Task A_withdrawn_application_leaves_the_ranking()
    {
        var s = await ScenarioAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var beta = await db.Applications.SingleAsync(a => a.Id == s["Beta"].Id, Ct);
            beta.Withdraw("Klaster rezygnuje z udziału w konkursie.", Database.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var view = await RankingAsync(s.CompetitionId);

        Assert.Equal(6, view.RankedCount);
        Assert.DoesNotContain(view.Rows.Items, r => r.ClusterName == "Klaster Beta");
        Assert.Equal(("Klaster Gamma", 1, RankingDecidedBy.First), (view.Rows.Items[0].ClusterName, view.Rows.Items[0].Position, view.Rows.Items[0].DecidedBy));
    }

    [Fact]
    public async Task Applications_without_a_result_are_not_ranked_and_an_empty_ranking_is_an_empty_page()
    {
        var s = await ScenarioAsync(results: false);

        var empty = await RankingAsync(s.CompetitionId);
        Assert.Empty(empty.Rows.Items);
        Assert.Equal((0, 0, 0), (empty.Rows.TotalCount, empty.RankedCount, empty.PassedCount));

        await Arrange.ResultAsync(s["Delta"].Id, RankingArrange.Points(9), Ct);
        var one = await RankingAsync(s.CompetitionId);
        Assert.Equal(("Klaster Delta", 1, 117m), (Assert.Single(one.Rows.Items).ClusterName, one.Rows.Items[0].Position, one.Rows.Items[0].Total));
    }

    [Fact]
    public async Task Only_officials_read_the_ranking_of_a_competition_that_exists()
    {
        var s = await ScenarioAsync(results: false);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new GetRanking(s.CompetitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new GetRanking(s.CompetitionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.CommissionMember, new ExportRanking(s.CompetitionId)));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Send(TestUsers.Anonymous, new GetRanking(s.CompetitionId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetRanking(Guid.CreateVersion7())));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new ExportRanking(Guid.CreateVersion7())));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new GetRanking(s.CompetitionId, PageSize: 0)));
        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(GetRanking.PageSize));
    }

    [Fact]
    public async Task The_ranking_exports_to_xlsx_in_ranking_order_with_numbers_as_numbers_and_reasons_in_words()
    {
        var s = await ScenarioAsync();

        var file = await Send(TestUsers.Official, new ExportRanking(s.CompetitionId, ListExportFormat.Xlsx));

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        Assert.Equal("ranking-2027-1.xlsx", file.FileName);
        var rows = MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal(
            ["Pozycja", "Numer", "Klaster", "Koordynator", "Suma punktów", .. RankingArrange.TemplateCodes, "Wynik", "Przyczyny wyniku negatywnego", "Zmiana przez panel", "Data złożenia (czas warszawski)"],
            rows[0].Keys.Select(k => k.Split(' ')[0] is var first && RankingArrange.TemplateCodes.Contains(first) ? first : k));
        Assert.Equal([1d, 2, 3, 4, 5, 6, 7], rows.Select(r => Convert.ToDouble(r["Pozycja"], CultureInfo.InvariantCulture)));
        Assert.Equal(["Klaster Beta", "Klaster Gamma", "Klaster Delta", "Klaster Alfa", "Klaster Epsilon", "Gdański Klaster Wodorowy", "Klaster Fi"], rows.Select(r => r["Klaster"]?.ToString()));
        Assert.Equal(110d, Convert.ToDouble(rows[0]["Suma punktów"], CultureInfo.InvariantCulture));
        Assert.Equal(4d, Convert.ToDouble(rows[5]["C.1 Wspólne projekty B+R członków"], CultureInfo.InvariantCulture));
        Assert.Equal(["pozytywny", "pozytywny", "pozytywny", "pozytywny", "pozytywny", "negatywny", "negatywny"], rows.Select(r => r["Wynik"]?.ToString()));
        Assert.Equal("kryterium C.1 (Wspólne projekty B+R członków): 4 pkt poniżej minimum 5 pkt", rows[5]["Przyczyny wyniku negatywnego"]?.ToString());
        Assert.Equal("suma 96 pkt poniżej progu 100 pkt", rows[6]["Przyczyny wyniku negatywnego"]?.ToString());
        Assert.Equal("nie", rows[0]["Zmiana przez panel"]?.ToString());
        Assert.Equal("2027-01-15 10:31:00", rows[0]["Data złożenia (czas warszawski)"]?.ToString());
    }

    [Fact]
    public async Task The_ranking_exports_to_csv_for_polish_excel_and_follows_the_filters()
    {
        var s = await ScenarioAsync();
        await Arrange.PanelChangeAsync(s["Beta"].Id, "A.1", 7.5m, "Panel obniżył ocenę zespołu po prezentacji.", Ct);

        var file = await Send(TestUsers.Official, new ExportRanking(s.CompetitionId, ListExportFormat.Csv));
        var passed = await Send(TestUsers.Official, new ExportRanking(s.CompetitionId, ListExportFormat.Csv, PassedOnly: true));

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal("ranking-2027-1.csv", file.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content.Take(3));
        var text = Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("Pozycja;Numer;Klaster;Koordynator;Suma punktów;A.1 Zespół koordynatora i jego kompetencje;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"1;{s["Beta"].Number};Klaster Beta;Stowarzyszenie Klaster Beta;109,5;7,5;8;", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(";pozytywny;;tak;2027-01-15 10:31:00", lines[1], StringComparison.Ordinal);
        Assert.Contains(";negatywny;suma 96 pkt poniżej progu 100 pkt;nie;", lines[7], StringComparison.Ordinal);

        var passedLines = Encoding.UTF8.GetString(passed.Content, 3, passed.Content.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, passedLines.Length);
        Assert.DoesNotContain(passedLines, l => l.Contains("negatywny", StringComparison.Ordinal));
    }

    [Fact]
    public async Task English_exports_have_english_headings_and_words()
    {
        var s = await ScenarioAsync();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var file = await Send(TestUsers.Official, new ExportRanking(s.CompetitionId, ListExportFormat.Csv));
            var lines = Encoding.UTF8.GetString(file.Content, 3, file.Content.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Position;Number;Cluster;Coordinator;Total;A.1 Coordinator's team and competences;", lines[0], StringComparison.Ordinal);
            Assert.Contains(";failed;criterion C.1 (Members' joint R&D projects): 4 points below the minimum of 5;no;", lines[6], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_score_sheet_prints_points_justifications_opinion_expert_and_dates_the_same_bytes_every_time()
    {
        var s = await ScenarioAsync(results: false);
        var scored = await Arrange.ScoreAsync(s["Alfa"].Id, [
            new ArrangedSheet("Anna Żółkiewska", RankingArrange.Points(8, ("C.1", 12.5m)), "Opinia ogólna: klaster dojrzały, polecam.", TestUsers.Expert.UserId),
            new ArrangedSheet("Jan Kowalski", RankingArrange.Points(8)),
        ], cancellationToken: Ct);

        var first = await Send(TestUsers.Official, new GetScoreSheetPdf(scored.AssignmentIds[0]));
        Database.Clock.Advance(TimeSpan.FromDays(3));
        var again = await Send(TestUsers.Official, new GetScoreSheetPdf(scored.AssignmentIds[0]));
        var own = await Send(TestUsers.Expert, new GetScoreSheetPdf(scored.AssignmentIds[0]));

        Assert.Equal("application/pdf", first.ContentType);
        Assert.Equal($"karta-eksperta-{s["Alfa"].Number.Replace('/', '-')}-{scored.AssignmentIds[0].ToString("N")[^8..]}.pdf", first.FileName);
        Assert.Equal(first.Content, again.Content);
        Assert.Equal(first.Content, own.Content);
        var text = PdfTextOf(first.Content);
        Assert.Contains("Karta oceny merytorycznej eksperta", text, StringComparison.Ordinal);
        Assert.Contains("Anna Żółkiewska", text, StringComparison.Ordinal);
        Assert.Contains(s["Alfa"].Number, text, StringComparison.Ordinal);
        Assert.Contains("Klaster Alfa", text, StringComparison.Ordinal);
        Assert.Contains("C.1 Wspólne projekty B+R członków: 12,5 pkt", text, StringComparison.Ordinal);
        Assert.Contains(RankingArrange.Justification, PdfFlat(first.Content), StringComparison.Ordinal);
        Assert.Contains("Opinia ogólna: klaster dojrzały, polecam.", text, StringComparison.Ordinal);
        Assert.Contains("108,5 / 150", text, StringComparison.Ordinal);
        Assert.Contains("2027-01-15 10:37", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jan Kowalski", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sheet_is_printed_for_officials_and_its_own_expert_only_and_only_once_submitted()
    {
        var s = await ScenarioAsync(results: false);
        var scored = await Arrange.ScoreAsync(s["Alfa"].Id, [new ArrangedSheet("Anna Nowak", RankingArrange.Points(8)), new ArrangedSheet("Jan Kowalski", RankingArrange.Points(8))], cancellationToken: Ct);
        Guid draftId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var now = Database.Clock.GetUtcNow();
            var expert = RankingArrange.NewExpert("Ewa Szkic", now, TestUsers.Expert.UserId);
            var draft = ExpertAssignment.Create(s.CompetitionId, s["Beta"].Id, expert.Id, AssignmentOrigin.Manual, AssignmentReasons.Manual(1), now, now.AddDays(14));
            draft.SignDeclaration(now);
            db.AddRange(expert, draft);
            await db.SaveChangesAsync(Ct);
            draftId = draft.Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Expert, new GetScoreSheetPdf(scored.AssignmentIds[0])));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Applicant, new GetScoreSheetPdf(scored.AssignmentIds[0])));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetScoreSheetPdf(Guid.CreateVersion7())));
        var own = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Expert, new GetScoreSheetPdf(draftId)));
        var official = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new GetScoreSheetPdf(draftId)));
        Assert.Equal(["evaluation.sheet_not_submitted", "evaluation.sheet_not_submitted"], new[] { own.Code, official.Code });
    }

    [Fact]
    public async Task The_card_shows_each_sheet_the_result_the_panels_change_and_the_outcome_and_its_anonymised_version_names_no_expert()
    {
        var s = await ScenarioAsync(results: false);
        string[] names = ["Anna Żółkiewska", "Jan Kowalski", "Piotr Wiśniewski"];
        await Arrange.ScoreAsync(s["Fi"].Id, [
            new ArrangedSheet(names[0], RankingArrange.Points(8, ("C.1", 4))),
            new ArrangedSheet(names[1], RankingArrange.Points(3, ("C.1", 3))),
            new ArrangedSheet(names[2], RankingArrange.Points(7, ("C.1", 5))),
        ], extraExpert: true, cancellationToken: Ct);
        Database.Clock.Advance(TimeSpan.FromDays(1));
        await Arrange.PanelChangeAsync(s["Fi"].Id, "E.2", 9m, "Panel potwierdził zaangażowanie członków po prezentacji.", Ct);

        var card = await Send(TestUsers.Official, new GetEvaluationCardPdf(s["Fi"].Id));
        var anonymised = await Send(TestUsers.Official, new GetEvaluationCardPdf(s["Fi"].Id, Anonymised: true));
        Database.Clock.Advance(TimeSpan.FromDays(1));
        var again = await Send(TestUsers.Official, new GetEvaluationCardPdf(s["Fi"].Id, Anonymised: true));

        Assert.Equal($"karta-oceny-{s["Fi"].Number.Replace('/', '-')}.pdf", card.FileName);
        Assert.Equal($"karta-oceny-{s["Fi"].Number.Replace('/', '-')}-anonimizowana.pdf", anonymised.FileName);
        Assert.Equal(anonymised.Content, again.Content);
        var text = PdfTextOf(card.Content);
        Assert.Contains("Karta oceny merytorycznej wniosku", text, StringComparison.Ordinal);
        Assert.Contains("Ekspert 1: Anna Żółkiewska", text, StringComparison.Ordinal);
        Assert.Contains("Ekspert 3: Piotr Wiśniewski", text, StringComparison.Ordinal);
        Assert.Contains("średnia dwóch kart o najbliższych sumach", text, StringComparison.Ordinal);
        Assert.Contains("Panel potwierdził zaangażowanie członków po prezentacji.", text, StringComparison.Ordinal);
        Assert.Contains("E.2 Zaangażowanie i satysfakcja członków: 7,5 → 9 pkt", text, StringComparison.Ordinal);
        Assert.Contains("negatywny", text, StringComparison.Ordinal);

        // Sheets 1 and 3 (totals 100 and 89) are the closest pair: per criterion their mean (7.5, and C.1 = 4.5), so the
        // experts' total is 94.5; the panel's E.2 makes it 96, still below 100, and C.1 stays below its minimum of 5.
        Assert.Contains("94,5 / 150", text, StringComparison.Ordinal);
        Assert.Contains("96 / 150", text, StringComparison.Ordinal);
        Assert.Contains("suma 96 pkt poniżej progu 100 pkt; kryterium C.1 (Wspólne projekty B+R członków): 4,5 pkt poniżej minimum 5 pkt", PdfFlat(card.Content), StringComparison.Ordinal);

        var anonymous = PdfTextOf(anonymised.Content);
        Assert.Contains("Ekspert 1", anonymous, StringComparison.Ordinal);
        Assert.Contains("Ekspert 3", anonymous, StringComparison.Ordinal);
        Assert.Contains("Wersja anonimizowana", anonymous, StringComparison.Ordinal);
        Assert.Contains("Panel potwierdził zaangażowanie członków po prezentacji.", anonymous, StringComparison.Ordinal);
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, anonymous, StringComparison.Ordinal);
            Assert.DoesNotContain(name.Split(' ')[1], anonymous, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_card_needs_a_result_and_an_official()
    {
        var s = await ScenarioAsync(results: false);

        var pending = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new GetEvaluationCardPdf(s["Alfa"].Id)));
        Assert.Equal("evaluation.result_pending", pending.Code);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new GetEvaluationCardPdf(Guid.CreateVersion7())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(s["Alfa"].Owner, new GetEvaluationCardPdf(s["Alfa"].Id, Anonymised: true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Expert, new GetEvaluationCardPdf(s["Alfa"].Id)));
    }

    [Fact]
    public async Task Rows_list_their_submitted_sheets_with_experts_in_submission_order()
    {
        var s = await ScenarioAsync(results: false);
        var scored = await Arrange.ScoreAsync(s["Alfa"].Id, [new ArrangedSheet("Anna Nowak", RankingArrange.Points(8)), new ArrangedSheet("Jan Kowalski", RankingArrange.Points(9))], cancellationToken: Ct);

        var row = Assert.Single((await RankingAsync(s.CompetitionId)).Rows.Items);

        Assert.Equal(["Anna Nowak", "Jan Kowalski"], row.Sheets.Select(x => x.ExpertName));
        Assert.Equal(scored.AssignmentIds, row.Sheets.Select(x => x.AssignmentId));
        Assert.All(row.Sheets, x => Assert.True(x.UsedInResult));
        Assert.Equal(110.5m, row.Total);
    }

    private static string PdfFlat(byte[] pdf) => Testing.Documents.PdfText.Flat(pdf);

    private static string PdfTextOf(byte[] pdf)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf.Take(5));
        return Testing.Documents.PdfText.Extract(pdf);
    }
}

public sealed class RankingTestsOnSqlite(SqliteDatabaseFixture database) : RankingTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class RankingTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : RankingTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
