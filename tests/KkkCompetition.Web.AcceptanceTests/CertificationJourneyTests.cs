using System.Text.RegularExpressions;
using KkkCompetition.Application.Certification.Commission;
using KkkCompetition.Application.Certification.Decisions;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Evaluation.Scoring;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Certification;
using KkkCompetition.Testing.Evaluation;
using KkkCompetition.Testing.Scoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The certification of issue 6 from end to end, every user's step in the browser: the official puts the list to a
/// commission of three, two members vote (the quorum), the official closes and the resolution issues a certificate and a
/// refusal; the certified applicant downloads his certificate; the refused one (in English) opens his decision, appeals
/// within the deadline shown; the official upholds, the solver gives the re-evaluation to an expert who never saw the
/// application, who scores it over the threshold (through the use cases: the scoring pages have their own journey); a new
/// list, a new vote and a new positive decision replace the refusal; the public registry, card and map show both clusters.
/// axe on every page and state visited.
/// </summary>
public sealed class CertificationJourneyTests(UiFixture ui)
{
    private const string Password = "Certyfikacja-Sciezka-2026!";

    // The refused cluster's only specialisation, and the re-evaluation expert's. The solver prefers an expert who shares one;
    // in the demo pool only one other expert has it, and she is forbidden on this application in the arrangement, so the
    // solver's optimal choice is the fresh expert alone (whatever other tests add to the shared pool: none uses this code).
    private const string Specialisation = "KIS13";

    private const string Ground = "Ekspert pominął wskaźniki umiędzynarodowienia za drugi rok podane w załączniku nr 3, co zaniżyło ocenę.";
    private const string Ruling = "Zarzut jest zasadny: ocena pominęła dane z załącznika nr 3, wniosek wymaga ponownej oceny.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DecisionLinks.Day(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow));

    private IServiceProvider Services => ui.Host.Services;

    private async Task<(Guid Id, string Email)> AccountAsync(string prefix, string name, string role)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@sciezka.example.pl";
        await using var scope = Services.CreateAsyncScope();
        var user = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, name, Password, role);
        return (user.Id, email);
    }

    private async Task<IPage> SignedInAsync(string email, string returnUrl, string locale = "pl-PL")
    {
        var page = await ui.NewPageAsync(locale);
        await ApplicantSteps.SignInAsync(page, email, returnUrl, Password);
        return page;
    }

    private async Task<T> ReadAsync<T>(Func<KkkDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KkkDbContext>());
    }

    /// <summary>A member votes on the open voting's card of one application in /my-votes (already open in <paramref name="page"/>).</summary>
    private static async Task VoteAsync(IPage page, Guid applicationId, VoteChoice choice)
    {
        var card = page.Locator($"[data-testid=mv-card][data-application='{applicationId}']");
        await card.Locator($"[data-testid=mv-vote-{choice}]").ClickAsync();
        await Expect(card.Locator("[data-testid=mv-my-vote]")).ToHaveAttributeAsync("data-choice", choice.ToString());
    }

    [Fact]
    public async Task A_commission_certifies_one_cluster_refuses_another_and_after_an_upheld_appeal_and_re_evaluation_certifies_it_too()
    {
        // ---- Arrangement (not the journey): a competition, two evaluated applications, a commission of three, a fresh expert.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var alfaName = $"Klaster Ścieżki Alfa {suffix}";
        var betaName = $"Klaster Ścieżki Beta {suffix}";
        var arrange = new CommissionArrange(Services, TimeProvider.System);
        var competitionId = await arrange.CompetitionAsync(TestYears.Next(), Ct);
        var (alfaOwnerId, alfaEmail) = await AccountAsync("alfa", "Koordynator Alfa", Roles.Applicant);
        var (betaOwnerId, betaEmail) = await AccountAsync("beta", "Coordinator Beta", Roles.Applicant);
        var alfa = await arrange.Assignment.AcceptedAsync(competitionId, alfaName, new ApplicationShape { Members = 2, OwnerUserId = alfaOwnerId }, Ct);
        var beta = await arrange.Assignment.AcceptedAsync(competitionId, betaName, new ApplicationShape { Members = 2, OwnerUserId = betaOwnerId, KisCodes = [Specialisation] }, Ct);

        // Alfa passes (104 points); Beta is really scored by two experts at 7 on every criterion (91 < 100), so the upheld
        // appeal has a first round to put aside and experts to keep away from the re-evaluation.
        await arrange.Ranking.ResultAsync(alfa.Id, RankingArrange.Points(8), Ct);
        var firstRound = await arrange.Ranking.ScoreAsync(
            beta.Id, [new ArrangedSheet("Ekspert Pierwszy Ścieżki", RankingArrange.Points(7)), new ArrangedSheet("Ekspert Drugi Ścieżki", RankingArrange.Points(7))], cancellationToken: Ct);
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var now = DateTimeOffset.UtcNow;
            foreach (var application in await db.Applications.Where(a => a.Id == alfa.Id || a.Id == beta.Id).ToListAsync(Ct))
            {
                application.StartEvaluation(now);
                application.CompleteEvaluation(now);
            }

            await db.SaveChangesAsync(Ct);
        }

        var fresh = await arrange.Assignment.ExpertAsync("Ekspert Odwoławczy Ścieżki", new ExpertShape { KisCodes = [Specialisation], Voivodeship = "02" }, Ct);
        var rivals = (await ReadAsync(db => db.Experts.AsNoTracking().ToListAsync(Ct)))
            .Where(e => e.Id != fresh.Id && e.KisCodes.Contains(Specialisation))
            .ToList();
        foreach (var rival in rivals)
        {
            await Services.SendAsAsync(TestUsers.Official, new ForbidPair(competitionId, beta.Id, rival.Id, "Test: tylko ekspert ścieżki dzieli specjalizację."), Ct);
        }

        var members = new List<string>();
        foreach (var name in new[] { "Anna Komisyjna", "Jan Komisyjny", "Ewa Komisyjna" })
        {
            var (_, email) = await AccountAsync("komisja", name, Roles.CommissionMember);
            await Services.SendAsAsync(TestUsers.Official, new AddCommissionMember(competitionId, email, name, CommissionSide.Ministry, null, []), Ct);
            members.Add(email);
        }

        // ---- 1. The official puts the list to the commission.
        var official = await ui.NewPageAsync();
        await Ui.SignInAsync(official, Roles.Official, CommissionLinks.Members(competitionId));
        await Expect(official.Locator("[data-testid=cm-member]")).ToHaveCountAsync(3);
        await Ui.AssertAccessibleAsync(official, "commission page");
        await official.ClickAsync("[data-testid=cm-submit-list]");
        await Expect(official.Locator("[data-testid=cm-voting-link]")).ToHaveCountAsync(1);
        await Expect(official.Locator("[data-testid=cm-voting-open]")).ToBeVisibleAsync();
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "commission page, voting open");

        // ---- 2. Two of the three members vote: the quorum.
        var memberPages = new List<IPage>();
        foreach (var email in members.Take(2))
        {
            var page = await SignedInAsync(email, CommissionLinks.MyVotes);
            await Expect(page.Locator("[data-testid=mv-card]")).ToHaveCountAsync(2);
            if (memberPages.Count == 0)
            {
                await Ui.AssertAccessibleAsync(page, "my votes");
            }

            await VoteAsync(page, alfa.Id, VoteChoice.For);
            await VoteAsync(page, beta.Id, VoteChoice.Against);
            memberPages.Add(page);
        }

        await Ui.AssertAccessibleAsync(memberPages[0], "my votes, voted");

        // ---- 3. The official closes the voting: a certificate for Alfa, a refusal for Beta.
        await official.ClickAsync("[data-testid=cm-voting-link]");
        await official.WaitForURLAsync(url => url.Contains("/votings/", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=vp-row][data-quorum=yes]")).ToHaveCountAsync(2);
        await Ui.AssertAccessibleAsync(official, "vote progress");
        await official.ClickAsync("[data-testid=vp-close]");
        var resolution = official.Locator("[data-testid=vp-resolution]");
        await Expect(resolution.Locator("h2")).ToContainTextAsync("/KKK");
        var positive = resolution.Locator("[data-testid=vp-outcome][data-outcome=Positive]");
        var negative = resolution.Locator("[data-testid=vp-outcome][data-outcome=Negative]");
        await Expect(positive).ToHaveCountAsync(1);
        await Expect(negative).ToHaveCountAsync(1);
        await Expect(positive).ToContainTextAsync(alfaName);
        await Expect(negative).ToContainTextAsync(betaName);
        var alfaCertificate = await ReadAsync(db => db.KkkStatuses.Where(s => s.ApplicationId == alfa.Id).Select(s => s.CertificateNumber).SingleAsync(Ct));
        Assert.Matches(@"^KKK/C/\d{4}/\d{4}$", alfaCertificate);
        await Expect(positive).ToContainTextAsync(alfaCertificate);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "vote progress, resolution");

        // ---- 4. Alfa's applicant opens his decision from his list and downloads the certificate.
        var alfaPage = await SignedInAsync(alfaEmail, DecisionLinks.MyDecisions);
        await Expect(alfaPage.Locator("[data-testid=my-decision-link]")).ToHaveTextAsync([$"{alfa.Number} — {alfaName}"]);
        await Ui.AssertAccessibleAsync(alfaPage, "my decisions");
        await alfaPage.ClickAsync("[data-testid=my-decision-link]");
        await alfaPage.WaitForURLAsync(new Regex("/decisions/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(alfaPage);
        await Expect(alfaPage.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("Nadanie statusu KKK");
        await Expect(alfaPage.Locator("[data-testid=certificate-number]")).ToHaveTextAsync(alfaCertificate);
        await Expect(alfaPage.Locator("[data-testid=certificate-validity]")).ToContainTextAsync(Today);
        await Expect(alfaPage.Locator("[data-testid=certificate-state]")).ToHaveTextAsync("aktywny");
        await Ui.AssertAccessibleAsync(alfaPage, "decision (positive)");
        var download = await alfaPage.RunAndWaitForDownloadAsync(() => alfaPage.ClickAsync("[data-testid=certificate-pdf]"));
        Assert.Equal($"certyfikat-{alfaCertificate.Replace('/', '-')}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!, Ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        // ---- 5. Beta's applicant (in English) opens his refusal, which delivers it and starts the appeal window, and appeals.
        var betaPage = await SignedInAsync(betaEmail, DecisionLinks.MyDecisions, "en-GB");
        await betaPage.ClickAsync("[data-testid=my-decision-link]");
        await betaPage.WaitForURLAsync(new Regex("/decisions/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(betaPage);
        var refusalUrl = new Uri(betaPage.Url).AbsolutePath;
        var lastDay = DecisionLinks.Day(WorkingDayCalendar.DeadlineDay(WorkingDayCalendar.ToWarsawDate(DateTimeOffset.UtcNow), 14));
        await Expect(betaPage.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("KKK status refused");
        await Expect(betaPage.Locator("[data-testid=decision-delivery]")).ToHaveTextAsync($"opened in the portal on {Today}");
        await Expect(betaPage.Locator("[data-testid=appeal-deadline]")).ToHaveTextAsync($"You may appeal within 14 days of delivery: until {lastDay} inclusive.");
        await Ui.AssertAccessibleAsync(betaPage, "decision (negative, en)");

        await betaPage.ClickAsync("[data-testid=appeal-link]");
        await betaPage.WaitForURLAsync(url => url.EndsWith("/appeal", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(betaPage);
        await Expect(betaPage.Locator("h1")).ToHaveTextAsync("Appeal against the decision");
        await Expect(betaPage.Locator("[data-testid=appeal-deadline]")).ToContainTextAsync("You may appeal until");
        await Ui.AssertAccessibleAsync(betaPage, "appeal form (en)");
        var criteria = await new ScoringArrange(Services, TimeProvider.System).CriteriaAsync(competitionId, Ct);
        var disputed = betaPage.Locator($"[data-testid=appeal-criterion][data-code='{criteria[^2].Code}']");
        await disputed.Locator("[data-testid=appeal-criterion-pick]").CheckAsync();
        await disputed.Locator("textarea").FillAsync(Ground);
        await betaPage.Locator("#appeal-statement").FillAsync("I request a new evaluation of the application.");
        await Ui.AssertAccessibleAsync(betaPage, "appeal form, filled (en)");
        await betaPage.ClickAsync("[data-testid=appeal-submit]");
        await betaPage.WaitForURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(betaPage);
        await Expect(betaPage.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Lodged");
        await Expect(betaPage.Locator("[data-testid=appeal-ground]")).ToContainTextAsync(Ground);
        await Ui.CloseSnackbarsAsync(betaPage);
        await Ui.AssertAccessibleAsync(betaPage, "appeal (applicant, en)");

        // ---- 6. The official finds the appeal in the queue and upholds it: the solver staffs the re-evaluation.
        await official.GotoAsync("/appeals");
        await Ui.WaitForInteractiveAsync(official);
        var queued = official.Locator("[data-testid=appeals-row-link]", new() { HasText = beta.Number });
        await Expect(queued).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "appeals queue");
        await queued.ClickAsync();
        await official.WaitForURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Lodged");
        await Ui.AssertAccessibleAsync(official, "appeal (official)");
        await official.Locator("#appeal-ruling").FillAsync(Ruling);
        await official.ClickAsync("[data-testid=appeal-uphold]");
        await Expect(official.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "Upheld");
        await Expect(official.Locator("[data-testid=appeal-ruling-reasons]")).ToHaveTextAsync(Ruling);
        await Expect(official.Locator("[data-testid=appeal-uphold]")).ToHaveCountAsync(0);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "appeal upheld (official)");
        var appealUrl = new Uri(official.Url).AbsolutePath;

        var reEvaluation = await ReadAsync(db => db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == beta.Id && a.Round == 2).ToListAsync(Ct));
        var assigned = Assert.Single(reEvaluation);
        Assert.Equal((fresh.Id, AssignmentOrigin.Appeal), (assigned.ExpertId, assigned.Origin));
        Assert.DoesNotContain(assigned.ExpertId, firstRound.ExpertIds);

        // ---- 7. The fresh expert scores it over the threshold (through the use cases).
        var work = await Services.SendAsAsync(fresh.Caller, new GetAssignedApplication(assigned.Id), Ct);
        await Services.SendAsAsync(fresh.Caller, new SignDeclaration(assigned.Id, work.Version), Ct);
        var sheet = await Services.SendAsAsync(fresh.Caller, new GetScoreSheet(assigned.Id), Ct);
        var saved = await Services.SendAsAsync(fresh.Caller, new SaveScoreSheetDraft(assigned.Id, ScoringArrange.Sheet(criteria, 8m), ScoringArrange.Opinion, sheet.Version), Ct);
        await Services.SendAsAsync(fresh.Caller, new SubmitScoreSheet(assigned.Id, saved.Version), Ct);

        await official.GotoAsync(appealUrl);
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=appeal-state]")).ToHaveAttributeAsync("data-state", "ReEvaluated");
        await Expect(official.Locator("[data-testid=appeal-earlier-total]")).ToBeVisibleAsync();
        await Expect(official.Locator("[data-testid=appeal-new-total]")).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(official, "appeal re-evaluated (official)");

        // ---- 8. A new list with the re-evaluated application only, the members vote for, the official closes.
        await official.GotoAsync(CommissionLinks.Members(competitionId));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=cm-voting-link]")).ToHaveCountAsync(1);
        await official.ClickAsync("[data-testid=cm-submit-list]");
        await Expect(official.Locator("[data-testid=cm-voting-link]")).ToHaveCountAsync(2);
        await Ui.CloseSnackbarsAsync(official);
        var secondVotingId = await ReadAsync(db => db.CommissionVotings.AsNoTracking()
            .Where(v => v.CompetitionId == competitionId && v.Status == VotingStatus.Open).Select(v => v.Id).SingleAsync(Ct));

        foreach (var page in memberPages)
        {
            await page.ReloadAsync();
            await Ui.WaitForInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=mv-card]")).ToHaveCountAsync(1);
            await VoteAsync(page, beta.Id, VoteChoice.For);
        }

        await official.GotoAsync(CommissionLinks.Voting(secondVotingId));
        await Ui.WaitForInteractiveAsync(official);
        await Expect(official.Locator("[data-testid=vp-row]")).ToHaveCountAsync(1);
        await Expect(official.Locator("[data-testid=vp-row][data-quorum=yes]")).ToHaveCountAsync(1);
        await official.ClickAsync("[data-testid=vp-close]");
        var newOutcome = official.Locator("[data-testid=vp-resolution] [data-testid=vp-outcome]");
        await Expect(newOutcome).ToHaveCountAsync(1);
        await Expect(newOutcome).ToHaveAttributeAsync("data-outcome", "Positive");
        var betaCertificate = await ReadAsync(db => db.KkkStatuses.Where(s => s.ApplicationId == beta.Id).Select(s => s.CertificateNumber).SingleAsync(Ct));
        await Expect(newOutcome).ToContainTextAsync(betaCertificate);
        await Ui.CloseSnackbarsAsync(official);
        await Ui.AssertAccessibleAsync(official, "second resolution");

        // ---- 9. Beta's applicant sees his refusal replaced and opens the new decision with its certificate.
        await betaPage.GotoAsync(refusalUrl);
        await Ui.WaitForInteractiveAsync(betaPage);
        var superseded = betaPage.Locator("[data-testid=decision-superseded]");
        await Expect(superseded).ToContainTextAsync("This decision was replaced by a new one after an upheld appeal.");
        await Ui.AssertAccessibleAsync(betaPage, "decision superseded (en)");
        await superseded.Locator("a").ClickAsync();
        await betaPage.WaitForURLAsync(url => !url.EndsWith(refusalUrl, StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(betaPage);
        await Expect(betaPage.Locator("[data-testid=decision-outcome]")).ToHaveTextAsync("KKK status granted");
        await Expect(betaPage.Locator("[data-testid=certificate-number]")).ToHaveTextAsync(betaCertificate);
        await Expect(betaPage.Locator("[data-testid=decision-superseded]")).ToHaveCountAsync(0);
        await Ui.AssertAccessibleAsync(betaPage, "decision (positive after appeal, en)");

        // ---- 10. Anyone, without signing in: the registry lists both, the card shows the status, the map counts them.
        var betaClusterId = await ReadAsync(db => db.Applications.Where(a => a.Id == beta.Id).Select(a => a.ClusterId).SingleAsync(Ct));
        var visitor = await ui.NewPageAsync();
        await visitor.GotoAsync("/registry");
        await Ui.WaitForInteractiveAsync(visitor);
        await visitor.FillAsync("#registry-search", suffix);
        await visitor.ClickAsync("[data-testid=registry-search-submit]");
        await Expect(visitor.Locator("[data-testid=registry-row-cluster]")).ToHaveTextAsync([alfaName, betaName]);
        await Ui.AssertAccessibleAsync(visitor, "registry");

        await visitor.Locator("[data-testid=registry-row-cluster]", new() { HasText = betaName }).ClickAsync();
        await visitor.WaitForURLAsync(url => url.Contains($"/registry/clusters/{betaClusterId}", StringComparison.Ordinal));
        await Ui.WaitForInteractiveAsync(visitor);
        await Expect(visitor.Locator("[data-testid=card-name]")).ToHaveTextAsync(betaName);
        await Expect(visitor.Locator("[data-testid=card-history-row]")).ToHaveCountAsync(1);
        await Expect(visitor.Locator("[data-testid=card-history-row]")).ToContainTextAsync(betaCertificate);
        await Expect(visitor.Locator("[data-testid=card-history-state]")).ToHaveTextAsync("aktywny");
        await Ui.AssertAccessibleAsync(visitor, "cluster card");

        // Both clusters are in mazowieckie (14): at least they two are counted, and the table tells what the map does.
        await visitor.GotoAsync("/registry/map");
        await Ui.WaitForInteractiveAsync(visitor);
        var region = visitor.Locator("[data-testid=map-region][data-teryt='14']");
        var count = int.Parse((await region.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 2, $"mazowieckie counts {count} KKK, fewer than the journey's two.");
        await Expect(visitor.Locator("[data-testid=map-table-row][data-teryt='14'] [data-testid=map-table-count]"))
            .ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Ui.AssertAccessibleAsync(visitor, "registry map");
    }
}
