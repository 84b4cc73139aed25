using FluentValidation;
using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The official's pool list: filtered, sorted and paged by the database.</summary>
public abstract class ExpertPoolListTests(DatabaseFixture database) : ExpertTest(database)
{
    /// <summary>Six entries: four with profiles (two regions, several KIS codes, one unavailable), one invited only, one taken out.</summary>
    private async Task SeedAsync()
    {
        var now = Database.Clock.GetUtcNow();
        (string Email, string Name, string? Region, string[] Kis, bool Available, ExpertStatus Status)[] rows =
        [
            ("b.zielinska@example.pl", "Barbara Zielińska", "12", ["KIS1", "KIS5"], true, ExpertStatus.Active),
            ("a.nowak@uczelnia.example.pl", "Anna Nowak", "14", ["KIS5"], true, ExpertStatus.Active),
            ("c.wojcik@example.pl", "Cezary Wójcik", "14", ["KIS2"], false, ExpertStatus.Active),
            ("d.kaminska@example.pl", "Dorota Kamińska", "02", ["KIS7", "KIS5"], true, ExpertStatus.Active),
            ("e.lewandowski@example.pl", "Edward Lewandowski", null, [], true, ExpertStatus.Invited),
            ("f.dabrowski@example.pl", "Filip Dąbrowski", "12", ["KIS1"], true, ExpertStatus.Inactive),
        ];
        await using var scope = Database.CreateScope(out var db);
        foreach (var (email, name, region, kis, available, status) in rows)
        {
            var expert = Expert.Invite(email, name, email, Guid.NewGuid(), now, now.AddDays(14));
            if (status != ExpertStatus.Invited)
            {
                expert.AcceptInvitation(email, Guid.NewGuid(), now);
            }

            if (region is not null)
            {
                expert.UpdateProfile(new ExpertProfile(name, region, kis, 3, available, []), now);
            }

            if (status == ExpertStatus.Inactive)
            {
                expert.Deactivate();
            }

            db.Experts.Add(expert);
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<string>> NamesAsync(ListExperts query) =>
        (await Send(TestUsers.Official, query)).Items.Select(i => i.FullName).ToList();

    [Fact]
    public async Task The_pool_is_sorted_by_name_unless_asked_otherwise()
    {
        await SeedAsync();

        Assert.Equal(["Anna Nowak", "Barbara Zielińska", "Cezary Wójcik", "Dorota Kamińska", "Edward Lewandowski", "Filip Dąbrowski"], await NamesAsync(new ListExperts()));
        Assert.Equal("Filip Dąbrowski", (await NamesAsync(new ListExperts(Descending: true)))[0]);
        Assert.Equal(["Anna Nowak", "Barbara Zielińska", "Cezary Wójcik", "Dorota Kamińska", "Edward Lewandowski", "Filip Dąbrowski"],
            await NamesAsync(new ListExperts(SortBy: ExpertSort.Email)));
        Assert.Equal("Dorota Kamińska", (await NamesAsync(new ListExperts(SortBy: ExpertSort.Voivodeship)))[1]);
    }

    [Fact]
    public async Task Search_matches_a_part_of_the_name_or_the_address_ignoring_case()
    {
        await SeedAsync();

        Assert.Equal(["Anna Nowak"], await NamesAsync(new ListExperts(Search: "NOWAK")));
        Assert.Equal(["Anna Nowak"], await NamesAsync(new ListExperts(Search: "uczelnia")));
        Assert.Equal(["Barbara Zielińska"], await NamesAsync(new ListExperts(Search: "zielińs")));
        Assert.Empty(await NamesAsync(new ListExperts(Search: "%")));
    }

    [Fact]
    public async Task Filters_by_status_specialisation_region_and_availability_combine()
    {
        await SeedAsync();

        Assert.Equal(["Edward Lewandowski"], await NamesAsync(new ListExperts(Status: ExpertStatus.Invited)));
        Assert.Equal(["Filip Dąbrowski"], await NamesAsync(new ListExperts(Status: ExpertStatus.Inactive)));
        Assert.Equal(["Anna Nowak", "Barbara Zielińska", "Dorota Kamińska"], await NamesAsync(new ListExperts(KisCode: "KIS5")));
        Assert.Equal(["Anna Nowak", "Cezary Wójcik"], await NamesAsync(new ListExperts(VoivodeshipTeryt: "14")));
        Assert.Equal(["Cezary Wójcik"], await NamesAsync(new ListExperts(Available: false)));
        Assert.Equal(["Anna Nowak"], await NamesAsync(new ListExperts(KisCode: "KIS5", VoivodeshipTeryt: "14", Available: true, Status: ExpertStatus.Active)));
    }

    [Fact]
    public async Task Pages_neither_overlap_nor_skip_and_count_the_whole_filter()
    {
        await SeedAsync();

        var first = await Send(TestUsers.Official, new ListExperts(Page: 1, PageSize: 4));
        var second = await Send(TestUsers.Official, new ListExperts(Page: 2, PageSize: 4));

        Assert.Equal((6, 6), (first.TotalCount, second.TotalCount));
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(6, first.Items.Concat(second.Items).Select(i => i.Id).Distinct().Count());
        Assert.True(first.Items.Single(i => i.FullName == "Anna Nowak").IsProfileComplete);
        Assert.False(second.Items.Single(i => i.FullName == "Edward Lewandowski").IsProfileComplete);
    }

    [Fact]
    public async Task A_page_size_over_the_limit_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Official, new ListExperts(PageSize: 500)));

        Assert.Contains(ex.Errors, e => e.PropertyName == nameof(ListExperts.PageSize));
    }
}

public sealed class ExpertPoolListTestsOnSqlite(SqliteDatabaseFixture database) : ExpertPoolListTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ExpertPoolListTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ExpertPoolListTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
