using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The invitation to the expert pool: the e-mail through the outbox, the one-time link, the account it makes or links.</summary>
public abstract class ExpertInvitationTests(DatabaseFixture database) : ExpertTest(database)
{
    [Fact]
    public async Task An_invitation_creates_the_entry_and_an_email_to_the_address_with_a_link_only_the_email_holds()
    {
        var invited = await InviteAsync(" Anna.Nowak@Example.PL ", "dr Anna Nowak", "en");

        Assert.Equal((ExpertStatus.Invited, "anna.nowak@example.pl", false), (invited.Status, invited.Email, invited.HasAccount));
        Assert.Equal(TestClock.Start + InvitationTokens.Validity, invited.InvitationExpiresAt);
        var message = Assert.Single(await Read(db => db.OutboxMessages.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal((OutboxChannel.Email, "anna.nowak@example.pl", Guid.Empty, "en"), (message.Channel, message.RecipientEmail, message.RecipientUserId, message.Language));
        Assert.Equal("Invitation to the KKK competition expert pool", message.Subject);
        Assert.Contains("Hello dr Anna Nowak,", message.Text, StringComparison.Ordinal);
        Assert.Contains("valid until 2027-01-29 10:30 (Europe/Warsaw)", message.Text, StringComparison.Ordinal);
        var token = await TokenFromOutboxAsync("anna.nowak@example.pl");
        Assert.Contains(token, message.Text, StringComparison.Ordinal);

        var stored = await Read(db => db.Experts.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(InvitationTokens.Hash(token), stored.InvitationTokenHash);
        Assert.DoesNotContain(token, stored.InvitationTokenHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispatcher_mails_the_invitation_and_puts_nothing_in_any_inbox()
    {
        await InviteAsync("jan.kowalski@example.pl", "Jan Kowalski");
        var mail = new RecordingEmailSender();
        await using var services = TestServices.Build(Database.Provider, Database.ConnectionString, Database.Clock, s => s.Replace(ServiceDescriptor.Singleton<IEmailSender>(mail)));

        var result = await services.SendAsAsync(TestUsers.System, new DispatchOutbox(), Ct);

        Assert.Equal(1, result.Sent);
        var sent = Assert.Single(mail.Sent);
        Assert.Equal(("jan.kowalski@example.pl", "Zaproszenie do puli ekspertów konkursu KKK"), (sent.To, sent.Subject));
        Assert.Contains("Dzień dobry Jan Kowalski,", sent.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Read(db => db.Notifications.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_address_already_in_the_pool_is_refused_whatever_its_case()
    {
        var first = await InviteAsync("anna.nowak@example.pl");

        var ex = await Assert.ThrowsAsync<DetailedRuleViolation>(() => InviteAsync("ANNA.NOWAK@example.pl", "Anna N."));

        Assert.Equal(InviteExpertHandler.EmailTakenCode, ex.Code);
        Assert.Equal(first.Id, ex.Details["expertId"]);
        Assert.Equal(1, await Read(db => db.Experts.CountAsync(Ct)));
    }

    [Fact]
    public async Task Two_saves_of_one_address_racing_past_the_check_end_in_the_rules_conflict()
    {
        var now = Database.Clock.GetUtcNow();
        await using (var scope = Database.CreateScope(out var db))
        {
            db.Experts.Add(Expert.Invite("anna.nowak@example.pl", "Anna Nowak", "a", Guid.NewGuid(), now, now.AddDays(14)));
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = Database.CreateScope(out var db))
        {
            db.Experts.Add(Expert.Invite("anna.nowak@example.pl", "Anna Nowak", "b", Guid.NewGuid(), now, now.AddDays(14)));
            var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => db.SaveChangesAsync(Ct));
            Assert.Equal(InviteExpertHandler.EmailTakenCode, ex.Code);
        }
    }

    [Fact]
    public async Task Two_accounts_of_one_address_racing_past_the_check_end_in_the_accounts_conflict()
    {
        static AppUser Account() => new() { UserName = "anna.nowak@example.pl", NormalizedUserName = "ANNA.NOWAK@EXAMPLE.PL", Email = "anna.nowak@example.pl", DisplayName = "Anna" };
        await using (var scope = Database.CreateScope(out var db))
        {
            db.Users.Add(Account());
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = Database.CreateScope(out var db))
        {
            db.Users.Add(Account());
            var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => db.SaveChangesAsync(Ct));
            Assert.Equal("account.email_taken", ex.Code);
        }
    }

    [Fact]
    public async Task A_bad_address_or_language_is_refused_naming_the_field()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new InviteExpert("not-an-address", "Anna", "de")));

        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(InviteExpert.Email) && e.ErrorCode == "expert.email_invalid");
        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(InviteExpert.Language));
        Assert.Equal(0, await Read(db => db.Experts.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_person_without_an_account_creates_one_with_the_expert_role_and_the_link_then_stops_working()
    {
        var invited = await InviteAsync("anna.nowak@example.pl");
        var token = await TokenFromOutboxAsync("anna.nowak@example.pl");
        var shown = await Send(TestUsers.Anonymous, new GetExpertInvitation(token));
        Assert.Equal(("anna.nowak@example.pl", "dr Anna Nowak", false), (shown.Email, shown.FullName, shown.AccountExists));

        var accepted = await Send(TestUsers.Anonymous, new AcceptExpertInvitation(token, Password, "en"));

        Assert.True(accepted.AccountCreated);
        Assert.Equal(invited.Id, accepted.ExpertId);
        Assert.Equal([Roles.Expert], await RolesOfAsync(accepted.UserId));
        var account = await Read(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == accepted.UserId, Ct));
        Assert.Equal(("anna.nowak@example.pl", "dr Anna Nowak", "en", true), (account.Email, account.DisplayName, account.PreferredLanguage, account.EmailConfirmed));
        var expert = await Read(db => db.Experts.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((ExpertStatus.Active, accepted.UserId, (string?)null), (expert.Status, expert.UserId, expert.InvitationTokenHash));

        var again = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(token, Password)));
        Assert.Equal("expert.invitation_invalid", again.Code);
        Assert.Equal("expert.invitation_invalid", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new GetExpertInvitation(token)))).Code);
    }

    [Fact]
    public async Task The_audit_log_records_the_new_account_without_its_password_hash()
    {
        await InviteAsync("anna.nowak@example.pl");
        await Send(TestUsers.Anonymous, new AcceptExpertInvitation(await TokenFromOutboxAsync("anna.nowak@example.pl"), Password));

        var entries = await Read(db => db.AuditEntries.AsNoTracking().Where(e => e.Command == nameof(AcceptExpertInvitation)).ToListAsync(Ct));

        Assert.Contains(entries, e => e.EntityType == nameof(AppUser) && e.Operation == "Added");
        Assert.Contains(entries, e => e.EntityType == nameof(Expert) && e.Operation == "Modified");
        Assert.All(entries, e => Assert.DoesNotContain("PasswordHash", e.After ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_nothing_is_created()
    {
        await InviteAsync("anna.nowak@example.pl");
        var token = await TokenFromOutboxAsync("anna.nowak@example.pl");
        Database.Clock.Advance(InvitationTokens.Validity);

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(token, Password)));

        Assert.Equal("expert.invitation_expired", ex.Code);
        Assert.Equal(0, await Read(db => db.Users.CountAsync(Ct)));
        Assert.Equal(ExpertStatus.Invited, (await Read(db => db.Experts.AsNoTracking().SingleAsync(Ct))).Status);
    }

    [Fact]
    public async Task A_made_up_link_is_refused_like_a_used_one()
    {
        await InviteAsync("anna.nowak@example.pl");

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation("made-up", Password)));

        Assert.Equal("expert.invitation_invalid", ex.Code);
    }

    [Fact]
    public async Task A_weak_or_missing_password_is_refused_naming_the_field_and_nothing_is_created()
    {
        await InviteAsync("anna.nowak@example.pl");
        var token = await TokenFromOutboxAsync("anna.nowak@example.pl");

        var weak = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(token, "short")));
        var missing = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(token)));

        Assert.All(weak.Errors, e => Assert.Equal(nameof(AcceptExpertInvitation.Password), e.PropertyName));
        Assert.Contains(weak.Errors, e => e.ErrorCode == "account.PasswordTooShort");
        Assert.Contains(missing.Errors, e => e.ErrorCode == "account.password_required");
        Assert.Equal(0, await Read(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_address_with_an_account_must_sign_in_and_then_the_signed_in_account_joins()
    {
        var userId = await CreateAccountAsync("anna.nowak@example.pl", Roles.Applicant);
        await InviteAsync("anna.nowak@example.pl");
        var token = await TokenFromOutboxAsync("anna.nowak@example.pl");
        Assert.True((await Send(TestUsers.Anonymous, new GetExpertInvitation(token))).AccountExists);

        var anonymous = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(token, Password)));
        Assert.Equal("expert.account_exists", anonymous.Code);

        var signedIn = new Common.Security.FixedUser(userId, "anna.nowak@example.pl", [Roles.Applicant]);
        var accepted = await Send(signedIn, new AcceptExpertInvitation(token));

        Assert.False(accepted.AccountCreated);
        Assert.Equal(userId, accepted.UserId);
        Assert.Equal([Roles.Applicant, Roles.Expert], (await RolesOfAsync(userId)).Order(StringComparer.Ordinal));
        Assert.Equal(1, await Read(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_account_already_in_the_pool_cannot_take_a_second_entry()
    {
        var (_, user) = await JoinAsync("anna.nowak@example.pl");
        await InviteAsync("a.nowak@uczelnia.example.pl", "Anna Nowak (uczelnia)");
        var token = await TokenFromOutboxAsync("a.nowak@uczelnia.example.pl");

        var ex = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(user, new AcceptExpertInvitation(token)));

        Assert.Equal("expert.account_already_expert", ex.Code);
    }

    [Fact]
    public async Task A_new_link_replaces_the_old_one_and_a_stale_version_is_refused()
    {
        var invited = await InviteAsync("anna.nowak@example.pl");
        var oldToken = await TokenFromOutboxAsync("anna.nowak@example.pl");
        Database.Clock.Advance(TimeSpan.FromDays(20));

        var reinvited = await Send(TestUsers.Official, new ReinviteExpert(invited.Id, invited.Version, "en"));
        var newToken = await TokenFromOutboxAsync("anna.nowak@example.pl");

        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(invited.Version + 1, reinvited.Version);
        Assert.Equal(Database.Clock.GetUtcNow() + InvitationTokens.Validity, reinvited.InvitationExpiresAt);
        Assert.Equal(2, await Read(db => db.OutboxMessages.CountAsync(Ct)));
        Assert.Equal("expert.invitation_invalid", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Anonymous, new AcceptExpertInvitation(oldToken, Password)))).Code);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Send(TestUsers.Official, new ReinviteExpert(invited.Id, invited.Version)));
        Assert.Equal(ConcurrencyConflictException.StaleVersionCode, stale.Code);

        await Send(TestUsers.Anonymous, new AcceptExpertInvitation(newToken, Password));
        var joined = await Send(TestUsers.Official, new GetExpert(invited.Id));
        Assert.Equal("expert.already_joined", (await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Official, new ReinviteExpert(invited.Id, joined.Version)))).Code);
    }
}

public sealed class ExpertInvitationTestsOnSqlite(SqliteDatabaseFixture database) : ExpertInvitationTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ExpertInvitationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ExpertInvitationTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
