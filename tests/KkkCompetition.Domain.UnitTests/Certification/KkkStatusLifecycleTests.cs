using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.UnitTests.Certification;

public sealed class KkkStatusLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly CertificateDate = new(2027, 3, 15);

    private static CertificationDecision Decision(DecisionOutcome outcome = DecisionOutcome.Positive) =>
        CertificationDecision.Record(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "UK/1/2027", outcome, "Uzasadnienie.", (5, 1, 0), 14, Now);

    private static KkkStatus Grant(int years = 3, DateOnly? phaseEndsOn = null) =>
        KkkStatus.Grant(Decision(), KkkStatus.FormatCertificateNumber(2027, 1), new CertifiedCluster("Klaster", "Koordynator", "5260250274", "14", ["KIS1"], null), CertificateDate, years, phaseEndsOn, Now);

    [Fact]
    public void Three_years_of_validity_end_the_day_before_the_third_anniversary()
    {
        var status = Grant();
        Assert.Equal(CertificateDate, status.ValidFrom);
        Assert.Equal(new DateOnly(2030, 3, 14), status.ValidTo);
        Assert.Equal(KkkStatusState.Active, status.State);
        Assert.Equal("KKK/C/2027/0001", status.CertificateNumber);
    }

    [Fact]
    public void A_status_tied_to_a_programme_phase_ends_with_the_phase()
    {
        var status = Grant(phaseEndsOn: new DateOnly(2028, 12, 31));
        Assert.Equal(new DateOnly(2028, 12, 31), status.ValidTo);
    }

    [Fact]
    public void A_phase_that_ended_before_the_certificate_date_is_refused()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() => Grant(phaseEndsOn: CertificateDate.AddDays(-1)));
        Assert.Equal("certification.phase_ended", violation.Code);
    }

    [Fact]
    public void A_negative_decision_grants_no_status()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() =>
            KkkStatus.Grant(Decision(DecisionOutcome.Negative), "KKK/C/2027/0002", new CertifiedCluster("K", "C", "5260250274", "14", [], null), CertificateDate, 3, null, Now));
        Assert.Equal("certification.not_passed", violation.Code);
    }

    [Fact]
    public void The_status_is_current_through_its_last_day_and_expires_only_the_day_after()
    {
        var status = Grant();
        Assert.True(status.IsCurrentOn(status.ValidTo));
        Assert.False(status.ExpireIfDue(status.ValidTo, Now.AddYears(3)));
        Assert.Equal(KkkStatusState.Active, status.State);

        Assert.True(status.ExpireIfDue(status.ValidTo.AddDays(1), Now.AddYears(3)));
        Assert.Equal(KkkStatusState.Expired, status.State);
        Assert.Equal(new DateOnly(2030, 3, 15), status.EndedOn);
        Assert.False(status.IsCurrentOn(status.ValidTo));

        // The next night's run leaves it alone.
        Assert.False(status.ExpireIfDue(status.ValidTo.AddDays(2), Now.AddYears(3)));
    }

    [Fact]
    public void Revocation_with_a_reason_ends_the_status_that_day_and_keeps_the_reason()
    {
        var status = Grant();
        var official = Guid.CreateVersion7();
        status.Revoke("  Utrata warunków statusu.  ", official, new DateOnly(2028, 5, 6), Now.AddYears(1));
        Assert.Equal(KkkStatusState.Revoked, status.State);
        Assert.Equal(new DateOnly(2028, 5, 6), status.EndedOn);
        Assert.Equal("Utrata warunków statusu.", status.EndReason);
        Assert.Equal(official, status.EndedBy);
        Assert.False(status.IsCurrentOn(new DateOnly(2028, 5, 7)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Revocation_without_a_reason_is_refused_and_leaves_the_status_active(string reason)
    {
        var status = Grant();
        var violation = Assert.Throws<BusinessRuleViolation>(() => status.Revoke(reason, Guid.CreateVersion7(), new DateOnly(2028, 5, 6), Now));
        Assert.Equal("kkk_status.revocation_reason_required", violation.Code);
        Assert.Equal(KkkStatusState.Active, status.State);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var status = Grant();
        var violation = Assert.Throws<BusinessRuleViolation>(() => status.Revoke(new string('x', KkkStatus.MaxReasonLength + 1), Guid.CreateVersion7(), new DateOnly(2028, 5, 6), Now));
        Assert.Equal("kkk_status.reason_too_long", violation.Code);
    }

    [Fact]
    public void A_revoked_status_cannot_be_revoked_again_nor_expire()
    {
        var status = Grant();
        status.Revoke("Powód.", Guid.CreateVersion7(), new DateOnly(2028, 5, 6), Now);
        var violation = Assert.Throws<BusinessRuleViolation>(() => status.Revoke("Jeszcze raz.", Guid.CreateVersion7(), new DateOnly(2028, 5, 7), Now));
        Assert.Equal("kkk_status.not_active", violation.Code);
        Assert.False(status.ExpireIfDue(status.ValidTo.AddDays(1), Now.AddYears(3)));
        Assert.Equal(KkkStatusState.Revoked, status.State);
    }

    [Fact]
    public void An_expired_status_cannot_be_revoked()
    {
        var status = Grant();
        status.ExpireIfDue(status.ValidTo.AddDays(1), Now.AddYears(3));
        var violation = Assert.Throws<BusinessRuleViolation>(() => status.Revoke("Powód.", Guid.CreateVersion7(), status.ValidTo.AddDays(2), Now.AddYears(3)));
        Assert.Equal("kkk_status.not_active", violation.Code);
    }

    [Fact]
    public void Termination_needs_a_reason_and_ends_the_status_after_the_given_day_with_the_reason()
    {
        var status = Grant();
        var lastDay = status.ValidTo.AddDays(-30);
        var violation = Assert.Throws<BusinessRuleViolation>(() => status.Terminate(" ", Guid.CreateVersion7(), lastDay, Now));
        Assert.Equal("kkk_status.termination_reason_required", violation.Code);
        Assert.False(status.IsTerminationScheduled);

        status.Terminate("Ocena etapu: zakończyć.", Guid.CreateVersion7(), lastDay, Now);
        Assert.True(status.IsTerminationScheduled);
        Assert.True(status.IsCurrentOn(lastDay));
        Assert.Equal(lastDay, status.ValidTo);
        Assert.Equal(KkkStatusState.Active, status.StateOn(lastDay));
        Assert.Equal(KkkStatusState.Terminated, status.StateOn(lastDay.AddDays(1)));
        Assert.Equal("kkk_status.termination_scheduled", Assert.Throws<BusinessRuleViolation>(() => status.Terminate("Znowu.", Guid.CreateVersion7(), lastDay, Now)).Code);
        Assert.Equal("kkk_status.not_active", Assert.Throws<BusinessRuleViolation>(() => status.ProlongTo(lastDay.AddYears(4), Now)).Code);

        Assert.False(status.ExpireIfDue(lastDay, Now));
        Assert.True(status.ExpireIfDue(lastDay.AddDays(1), Now));
        Assert.Equal(KkkStatusState.Terminated, status.State);
        Assert.Equal(lastDay.AddDays(1), status.EndedOn);
        Assert.Equal("Ocena etapu: zakończyć.", status.EndReason);
    }

    [Fact]
    public void Prolonging_extends_an_active_status_and_never_shortens_it()
    {
        var status = Grant();
        var validTo = status.ValidTo;
        status.ProlongTo(validTo.AddYears(-1), Now);
        Assert.Equal(validTo, status.ValidTo);
        status.ProlongTo(validTo.AddYears(4), Now);
        Assert.Equal(validTo.AddYears(4), status.ValidTo);

        status.Revoke("Powód.", Guid.CreateVersion7(), validTo, Now);
        Assert.Equal("kkk_status.not_active", Assert.Throws<BusinessRuleViolation>(() => status.ProlongTo(validTo.AddYears(5), Now)).Code);
    }
}
