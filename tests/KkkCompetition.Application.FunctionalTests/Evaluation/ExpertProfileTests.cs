using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The expert's own profile, the official's edits and status changes, and who may see whose profile.</summary>
public abstract class ExpertProfileTests(DatabaseFixture database) : ExpertTest(database)
{
    [Fact]
    public async Task The_expert_completes_his_profile_and_the_official_sees_it_complete_in_the_pool()
    {
        var (joined, user) = await JoinAsync("anna.nowak@example.pl");
        Assert.False(joined.IsProfileComplete);

        var saved = await Send(user, MyProfile(joined.Version, new ExpertAffiliation("526-025-02-74", " Klaster Przykładowy ", new DateOnly(2023, 5, 1), new DateOnly(2025, 4, 30))));

        Assert.Equal(joined.Version + 1, saved.Version);
        Assert.True(saved.IsAssignable);
        var mine = await Send(user, new GetMyExpertProfile());
        Assert.Equal(saved.Version, mine.Version);
        Assert.Equal(("12", 4, true), (mine.VoivodeshipTeryt, mine.MaxLoadPerCompetition, mine.Available));
        Assert.Equal(["KIS1", "KIS5"], mine.KisCodes);
        Assert.Equal(new ExpertAffiliation(MemberNip, "Klaster Przykładowy", new DateOnly(2023, 5, 1), new DateOnly(2025, 4, 30)), Assert.Single(mine.Affiliations));
        // PostgreSQL keeps microseconds, the test clock has ticks.
        Assert.Equal(TestClock.Start, mine.ProfileUpdatedAt!.Value, TimeSpan.FromMilliseconds(1));

        var pool = await Send(TestUsers.Official, new ListExperts());
        var row = Assert.Single(pool.Items);
        Assert.Equal((joined.Id, ExpertStatus.Active, true, "12"), (row.Id, row.Status, row.IsProfileComplete, row.VoivodeshipTeryt));
        var detail = await Send(TestUsers.Official, new GetExpert(joined.Id));
        Assert.Equal(mine, detail with { KisCodes = mine.KisCodes, Affiliations = mine.Affiliations });
    }

    [Fact]
    public async Task A_wrong_affiliation_nip_is_refused_naming_the_row_and_field_and_nothing_changes()
    {
        var (joined, user) = await JoinAsync("anna.nowak@example.pl");

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(user, MyProfile(joined.Version, Affiliation(), Affiliation("5260250275"))));

        var failure = Assert.Single(ex.Errors);
        Assert.Equal(("Affiliations[1].Nip", "expert.affiliation_nip_invalid"), (failure.PropertyName, failure.ErrorCode));
        Assert.Null((await Send(user, new GetMyExpertProfile())).VoivodeshipTeryt);
    }

    [Theory]
    [InlineData("voivodeship", "VoivodeshipTeryt", "reference.unknown_voivodeship")]
    [InlineData("no voivodeship", "VoivodeshipTeryt", "expert.voivodeship_required")]
    [InlineData("kis", "KisCodes[1]", "reference.unknown_kis")]
    [InlineData("no kis", "KisCodes", "expert.kis_required")]
    [InlineData("load", "MaxLoadPerCompetition", "expert.max_load_invalid")]
    [InlineData("dates", "Affiliations[0].To", "expert.affiliation_dates_invalid")]
    [InlineData("organisation", "Affiliations[0].OrganisationName", "expert.affiliation_name_required")]
    [InlineData("name", "FullName", "expert.name_required")]
    public async Task A_bad_profile_field_is_refused_with_its_name_and_code(string which, string field, string code)
    {
        var (joined, user) = await JoinAsync("anna.nowak@example.pl");
        var good = MyProfile(joined.Version, Affiliation());
        var bad = which switch
        {
            "voivodeship" => good with { VoivodeshipTeryt = "99" },
            "no voivodeship" => good with { VoivodeshipTeryt = "" },
            "kis" => good with { KisCodes = ["KIS1", "KIS99"] },
            "no kis" => good with { KisCodes = [] },
            "load" => good with { MaxLoadPerCompetition = Expert.MaxLoadLimit + 1 },
            "dates" => good with { Affiliations = [Affiliation() with { To = new DateOnly(2023, 12, 31) }] },
            "organisation" => good with { Affiliations = [Affiliation() with { OrganisationName = " " }] },
            _ => good with { FullName = "" },
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(user, bad));

        Assert.Contains(ex.Errors, e => e.PropertyName == field && e.ErrorCode == code);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_newer_profile_stays()
    {
        var (joined, user) = await JoinAsync("anna.nowak@example.pl");
        await Send(user, MyProfile(joined.Version));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(user, MyProfile(joined.Version) with { MaxLoadPerCompetition = 9 }));

        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, ex.Code);
        Assert.Equal(4, (await Send(user, new GetMyExpertProfile())).MaxLoadPerCompetition);
    }

    [Fact]
    public async Task An_expert_reads_and_edits_his_own_entry_but_another_experts_is_not_found()
    {
        var (anna, annaUser) = await JoinAsync("anna.nowak@example.pl");
        var (jan, _) = await JoinAsync("jan.kowalski@example.pl", "Jan Kowalski");

        Assert.Equal(anna.Id, (await Send(annaUser, new GetExpert(anna.Id))).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(annaUser, new GetExpert(jan.Id)));
        var update = new UpdateExpertProfile(jan.Id, "Jan Kowalski", "14", ["KIS1"], 3, true, [], jan.Version);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(annaUser, update));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(annaUser, new ListExperts()));

        Assert.Null((await Send(TestUsers.Official, new GetExpert(jan.Id))).VoivodeshipTeryt);
        var own = await Send(annaUser, new UpdateExpertProfile(anna.Id, "dr Anna Nowak", "02", ["KIS3"], 2, false, [], anna.Version));
        Assert.Equal(("02", false), (own.VoivodeshipTeryt, own.Available));
    }

    [Fact]
    public async Task An_account_outside_the_pool_has_no_profile()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Expert, new GetMyExpertProfile()));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Expert, MyProfile(0)));
    }

    [Fact]
    public async Task The_official_fills_in_an_invited_experts_profile_and_takes_him_out_of_the_pool_and_back()
    {
        var invited = await InviteAsync("anna.nowak@example.pl");

        var filled = await Send(TestUsers.Official, new UpdateExpertProfile(invited.Id, "dr hab. Anna Nowak", "30", ["KIS7"], 6, true, [Affiliation(OtherNip)], invited.Version));
        Assert.Equal(("dr hab. Anna Nowak", ExpertStatus.Invited, true, false), (filled.FullName, filled.Status, filled.IsProfileComplete, filled.IsAssignable));

        var out1 = await Send(TestUsers.Official, new DeactivateExpert(invited.Id, filled.Version));
        Assert.Equal(ExpertStatus.Inactive, out1.Status);
        Assert.Equal("expert.already_inactive", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new DeactivateExpert(invited.Id, out1.Version)))).Code);
        Assert.Equal("expert.inactive", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new ReinviteExpert(invited.Id, out1.Version)))).Code);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new ReactivateExpert(invited.Id, filled.Version)));

        var back = await Send(TestUsers.Official, new ReactivateExpert(invited.Id, out1.Version));
        Assert.Equal((ExpertStatus.Invited, out1.Version + 1), (back.Status, back.Version));
        Assert.Equal("expert.not_inactive", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new ReactivateExpert(invited.Id, back.Version)))).Code);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(TestUsers.Official, new DeactivateExpert(Guid.CreateVersion7(), 0)));
    }

    [Fact]
    public async Task A_retired_specialisation_stays_on_a_profile_that_had_it_but_cannot_be_chosen_anew()
    {
        var (joined, user) = await JoinAsync("anna.nowak@example.pl");
        var saved = await Send(user, MyProfile(joined.Version) with { KisCodes = ["KIS1", "KIS5"] });
        await using (var scope = Database.CreateScope(out var db))
        {
            await db.KisSpecialisations.Where(k => k.Code == "KIS5" || k.Code == "KIS6").ExecuteUpdateAsync(s => s.SetProperty(k => k.IsActive, false), Ct);
        }

        var kept = await Send(user, MyProfile(saved.Version) with { KisCodes = ["KIS1", "KIS5"], MaxLoadPerCompetition = 7 });
        Assert.Equal(7, kept.MaxLoadPerCompetition);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(user, MyProfile(kept.Version) with { KisCodes = ["KIS1", "KIS6"] }));
        Assert.Contains(ex.Errors, e => e.PropertyName == "KisCodes[1]" && e.ErrorCode == "reference.unknown_kis");
    }
}

public sealed class ExpertProfileTestsOnSqlite(SqliteDatabaseFixture database) : ExpertProfileTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ExpertProfileTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ExpertProfileTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
