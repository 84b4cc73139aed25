using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 3 budget: the daily reminder scan over 12,500 contracts × 10 KPI report deadlines (125,000) takes under
/// 2 s, and at most 1.3× that when the data doubles (the extra 125,000 deadlines lie in earlier years, already
/// reminded) while the reminders due today stay the same (~50 deadlines a day around the scan date; each day's
/// offsets send about 300 reminders plus the officials' copies). History is seeded: every offset due before the
/// scan date is recorded as dispatched. Each iteration removes what the previous one dispatched.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class ReminderScanBenchmark
{
    public static readonly DateOnly ScanDay = new(2027, 6, 15);
    public static readonly DateTimeOffset ScanAt = WorkingDayCalendar.FromWarsaw(ScanDay.ToDateTime(new TimeOnly(7, 0)));

    private ServiceProvider _services = null!;

    [Params(125_000, 250_000)]
    public int Deadlines { get; set; }

    [GlobalSetup]
    public async Task SetUp()
    {
        var clock = new TestClock();
        clock.Set(ScanAt);
        _services = await BenchmarkDatabase.OpenAsync($"reminders-{Deadlines}", services => ReminderData.GenerateAsync(services, Deadlines), services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.AddScoped<IReminderSource, BenchmarkDeadlineSource>();
        });
    }

    [IterationSetup]
    public void ForgetToday() => ReminderData.ForgetSinceAsync(_services, ScanAt).GetAwaiter().GetResult();

    [GlobalCleanup]
    public Task CleanUp() => _services.DisposeAsync().AsTask();

    [Benchmark]
    public async Task<ReminderScanResult> DailyScan()
    {
        await using var scope = _services.ScopeAs(FixedUser.System);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunReminderScan());
        if (result.Dispatched == 0)
        {
            throw new InvalidOperationException("The scan dispatched nothing: the data or the iteration reset is wrong.");
        }

        return result;
    }
}

/// <summary>
/// The generated deadlines: a table of its own (benchmark only, created with SQL), indexed by due instant, as a
/// feature's table would be; 10 deadlines per contract, ~50 due per day from 1,250 days before the scan date.
/// </summary>
public static class ReminderData
{
    public const int PerDay = 50;
    public const int Users = 2_000;

    public static async Task GenerateAsync(IServiceProvider services, int deadlines)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var users = Enumerable.Range(0, Users)
            .Select(i => new AppUser { UserName = $"bench{i}@kkk.example.pl", NormalizedUserName = $"BENCH{i}@KKK.EXAMPLE.PL", Email = $"bench{i}@kkk.example.pl", DisplayName = $"Użytkownik {i}", PreferredLanguage = i % 5 == 0 ? "en" : "pl" })
            .ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS BenchDeadlines (SubjectKey TEXT PRIMARY KEY, DueAt INTEGER NOT NULL, UserId TEXT NOT NULL, OfficialId TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS IX_BenchDeadlines_DueAt ON BenchDeadlines (DueAt);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var rule = ReminderCatalogue.CreateDefaults().Single(r => r.Key == ReminderCatalogue.KpiReportDue);
        var firstDay = ReminderScanBenchmark.ScanDay.AddDays(-(125_000 / PerDay / 2));
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO BenchDeadlines VALUES ($key, $due, $user, $official)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var due = insert.Parameters.Add("$due", SqliteType.Integer);
        var user = insert.Parameters.Add("$user", SqliteType.Text);
        var official = insert.Parameters.Add("$official", SqliteType.Text);
        await using var dispatch = connection.CreateCommand();
        dispatch.Transaction = transaction;
        dispatch.CommandText = """
            INSERT INTO ReminderDispatches (Id, RuleKey, SubjectKey, OffsetDays, DueAt, DispatchedAt, Recipients, OfficialsCopied, Version)
            VALUES ($id, $rule, $key, $offset, $due, $at, 1, 0, 0)
            """;
        var dispatchId = dispatch.Parameters.Add("$id", SqliteType.Text);
        dispatch.Parameters.AddWithValue("$rule", rule.Key);
        var dispatchKey = dispatch.Parameters.Add("$key", SqliteType.Text);
        var dispatchOffset = dispatch.Parameters.Add("$offset", SqliteType.Integer);
        var dispatchDue = dispatch.Parameters.Add("$due", SqliteType.Integer);
        var dispatchAt = dispatch.Parameters.Add("$at", SqliteType.Integer);
        for (var i = 0; i < deadlines; i++)
        {
            // The first 125,000 around the scan date; any more lie in the years before, long reminded.
            var day = i < 125_000 ? firstDay.AddDays(i / PerDay) : firstDay.AddDays(-1 - ((i - 125_000) / PerDay));
            var dueAt = WorkingDayCalendar.FromWarsaw(day.ToDateTime(new TimeOnly(16, 0)));
            var contract = i / 10;
            key.Value = $"kpi-report:{contract}:{i % 10}";
            due.Value = ToStored(dueAt);
            user.Value = users[contract % Users].Id.ToString().ToUpperInvariant();
            official.Value = users[(contract + 7) % Users].Id.ToString().ToUpperInvariant();
            await insert.ExecuteNonQueryAsync();

            // History: the latest offset due before the scan date went out on its day.
            if (rule.LatestDueOffset(day, ReminderScanBenchmark.ScanDay.AddDays(-1)) is { } offset)
            {
                dispatchId.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                dispatchKey.Value = key.Value;
                dispatchOffset.Value = offset;
                dispatchDue.Value = ToStored(dueAt);
                dispatchAt.Value = ToStored(WorkingDayCalendar.FromWarsaw(day.AddDays(offset).ToDateTime(new TimeOnly(7, 0))));
                await dispatch.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Removes what scans at or after <paramref name="since"/> wrote, so the next iteration has the same work.</summary>
    public static async Task ForgetSinceAsync(IServiceProvider services, DateTimeOffset since)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        await db.ReminderDispatches.Where(d => d.DispatchedAt >= since).ExecuteDeleteAsync();
        await db.OutboxMessages.Where(m => m.CreatedAt >= since).ExecuteDeleteAsync();
    }

    /// <summary>As the SQLite model stores a DateTimeOffset (DateTimeOffsetToBinaryConverter).</summary>
    public static long ToStored(DateTimeOffset value) =>
        new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(value) is long stored ? stored : throw new InvalidOperationException();
}

/// <summary>A reminder source over the generated deadlines: the window filter runs in the database, on the index.</summary>
public sealed class BenchmarkDeadlineSource(KkkDbContext db) : IReminderSource
{
    public string RuleKey => ReminderCatalogue.KpiReportDue;

    public async Task<IReadOnlyList<ReminderSubject>> GetSubjectsDueAsync(DateTimeOffset dueFrom, DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT SubjectKey, DueAt, UserId, OfficialId FROM BenchDeadlines WHERE DueAt >= $from AND DueAt < $before";
        command.Parameters.AddWithValue("$from", ReminderData.ToStored(dueFrom));
        command.Parameters.AddWithValue("$before", ReminderData.ToStored(dueBefore));
        var subjects = new List<ReminderSubject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            subjects.Add(new ReminderSubject(
                key,
                (DateTimeOffset)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertFromProvider(reader.GetInt64(1))!,
                [Guid.Parse(reader.GetString(2))],
                [Guid.Parse(reader.GetString(3))],
                $"/contracts/reports/{key}",
                new Dictionary<string, string> { ["subjectTitle"] = $"Raport KPI {key}" }));
        }

        return subjects;
    }
}
