using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;

namespace KkkCompetition.Domain.UnitTests.Evaluation;

public sealed class ExpertTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 10, 9, 0, 0, TimeSpan.Zero);
    private const string MemberNip = "5260250274";
    private const string OtherNip = "7740001454";

    private static Expert Invited() => Expert.Invite(" Anna.Nowak@Example.PL ", "Anna Nowak", "abc", Guid.NewGuid(), Now, Now.AddDays(14));

    private static Expert Active()
    {
        var expert = Invited();
        expert.AcceptInvitation("abc", Guid.NewGuid(), Now.AddHours(1));
        return expert;
    }

    private static ExpertProfile Profile(params ExpertAffiliation[] affiliations) =>
        new("Anna Nowak", "14", ["62.01.Z", "72.19.Z", "62.01.Z"], 5, true, affiliations);

    [Fact]
    public void An_invitation_normalises_the_address_and_waits_for_an_account()
    {
        var expert = Invited();

        Assert.Equal("anna.nowak@example.pl", expert.Email);
        Assert.Equal(ExpertStatus.Invited, expert.Status);
        Assert.False(expert.IsAssignable);
    }

    [Fact]
    public void An_invalid_address_is_refused()
    {
        var ex = Assert.Throws<BusinessRuleViolation>(() => Expert.Invite("nobody", "X", "abc", Guid.NewGuid(), Now, Now.AddDays(1)));
        Assert.Equal("expert.email_invalid", ex.Code);
    }

    [Fact]
    public void Accepting_the_invitation_links_the_account_once()
    {
        var expert = Invited();
        var user = Guid.NewGuid();

        expert.AcceptInvitation("ABC", user, Now.AddDays(1));

        Assert.Equal((ExpertStatus.Active, user), (expert.Status, expert.UserId));
        Assert.Null(expert.InvitationTokenHash);
        var again = Assert.Throws<BusinessRuleViolation>(() => expert.AcceptInvitation("abc", Guid.NewGuid(), Now.AddDays(1)));
        Assert.Equal("expert.invitation_invalid", again.Code);
    }

    [Fact]
    public void A_wrong_or_expired_token_is_refused()
    {
        var expert = Invited();

        Assert.Equal("expert.invitation_invalid", Assert.Throws<BusinessRuleViolation>(() => expert.AcceptInvitation("xyz", Guid.NewGuid(), Now)).Code);
        Assert.Equal("expert.invitation_expired", Assert.Throws<BusinessRuleViolation>(() => expert.AcceptInvitation("abc", Guid.NewGuid(), Now.AddDays(14))).Code);
        Assert.Equal(ExpertStatus.Invited, expert.Status);
    }

    [Fact]
    public void A_link_is_checked_without_being_used_up()
    {
        var expert = Invited();

        expert.CheckInvitation("abc", Now.AddDays(13));

        Assert.Equal(ExpertStatus.Invited, expert.Status);
        Assert.Equal("abc", expert.InvitationTokenHash);
        Assert.Equal("expert.invitation_invalid", Assert.Throws<BusinessRuleViolation>(() => expert.CheckInvitation("xyz", Now)).Code);
        Assert.Equal("expert.invitation_expired", Assert.Throws<BusinessRuleViolation>(() => expert.CheckInvitation("abc", Now.AddDays(14))).Code);
    }

    [Fact]
    public void The_link_of_an_expert_taken_out_of_the_pool_does_not_work()
    {
        var expert = Invited();
        expert.Deactivate();

        Assert.Equal("expert.invitation_invalid", Assert.Throws<BusinessRuleViolation>(() => expert.CheckInvitation("abc", Now)).Code);

        expert.Reactivate();
        expert.CheckInvitation("abc", Now);
    }

    [Fact]
    public void An_expert_out_of_the_pool_is_not_reinvited_until_reactivated()
    {
        var expert = Invited();
        expert.Deactivate();

        Assert.Equal("expert.inactive", Assert.Throws<BusinessRuleViolation>(() => expert.Reinvite("def", Now, Now.AddDays(14))).Code);
        Assert.Equal("abc", expert.InvitationTokenHash);

        expert.Reactivate();
        expert.Reinvite("def", Now, Now.AddDays(14));
        Assert.Equal("def", expert.InvitationTokenHash);
    }

    [Fact]
    public void A_reinvitation_replaces_the_token_but_not_after_joining()
    {
        var expert = Invited();
        expert.Reinvite("def", Now.AddDays(2), Now.AddDays(16));
        Assert.Equal("expert.invitation_invalid", Assert.Throws<BusinessRuleViolation>(() => expert.AcceptInvitation("abc", Guid.NewGuid(), Now.AddDays(3))).Code);
        expert.AcceptInvitation("def", Guid.NewGuid(), Now.AddDays(3));

        Assert.Equal("expert.already_joined", Assert.Throws<BusinessRuleViolation>(() => expert.Reinvite("ghi", Now, Now.AddDays(1))).Code);
    }

    [Fact]
    public void A_complete_profile_makes_an_active_expert_assignable()
    {
        var expert = Active();
        Assert.False(expert.IsAssignable);

        expert.UpdateProfile(Profile(new ExpertAffiliation("526-025-02-74", "Klaster A", new DateOnly(2020, 1, 1), null)), Now);

        Assert.True(expert.IsAssignable);
        Assert.Equal(["62.01.Z", "72.19.Z"], expert.KisCodes);
        Assert.Equal(MemberNip, Assert.Single(expert.Affiliations).Nip);
    }

    [Theory]
    [InlineData("no region", "expert.voivodeship_required")]
    [InlineData("no kis", "expert.kis_required")]
    [InlineData("load 0", "expert.max_load_invalid")]
    [InlineData("load 101", "expert.max_load_invalid")]
    [InlineData("bad nip", "expert.affiliation_nip_invalid")]
    [InlineData("no organisation", "expert.affiliation_name_required")]
    [InlineData("ends before start", "expert.affiliation_dates_invalid")]
    public void A_bad_profile_is_refused_and_nothing_changes(string which, string code)
    {
        var expert = Active();
        expert.UpdateProfile(Profile(), Now);
        var good = new ExpertAffiliation(MemberNip, "Klaster A", new DateOnly(2020, 1, 1), null);
        var bad = which switch
        {
            "no region" => Profile() with { VoivodeshipTeryt = " " },
            "no kis" => Profile() with { KisCodes = [" "] },
            "load 0" => Profile() with { MaxLoadPerCompetition = 0 },
            "load 101" => Profile() with { MaxLoadPerCompetition = 101 },
            "bad nip" => Profile(good with { Nip = "5260250275" }),
            "no organisation" => Profile(good with { OrganisationName = "" }),
            _ => Profile(good with { To = new DateOnly(2019, 12, 31) }),
        };

        var ex = Assert.Throws<BusinessRuleViolation>(() => expert.UpdateProfile(bad, Now.AddDays(1)));

        Assert.Equal(code, ex.Code);
        Assert.Equal(5, expert.MaxLoadPerCompetition);
        Assert.Empty(expert.Affiliations);
        Assert.Equal(Now, expert.ProfileUpdatedAt);
    }

    [Fact]
    public void Affiliations_within_three_years_conflict_and_older_ones_do_not()
    {
        var expert = Active();
        var today = new DateOnly(2027, 5, 10);
        expert.UpdateProfile(Profile(
            new ExpertAffiliation(MemberNip, "Klaster A", new DateOnly(2015, 1, 1), today.AddYears(-3)),
            new ExpertAffiliation(OtherNip, "Firma B", new DateOnly(2015, 1, 1), today.AddYears(-3).AddDays(-1))), Now);

        Assert.True(expert.HasConflictWith(new HashSet<string> { MemberNip }, today));
        Assert.False(expert.HasConflictWith(new HashSet<string> { OtherNip }, today));
    }

    [Fact]
    public void An_inactive_expert_is_not_assignable_until_reactivated()
    {
        var expert = Active();
        expert.UpdateProfile(Profile(), Now);

        expert.Deactivate();
        Assert.False(expert.IsAssignable);
        Assert.Equal("expert.already_inactive", Assert.Throws<BusinessRuleViolation>(expert.Deactivate).Code);

        expert.Reactivate();
        Assert.True(expert.IsAssignable);
        Assert.Equal("expert.not_inactive", Assert.Throws<BusinessRuleViolation>(expert.Reactivate).Code);
    }
}
