using KkkCompetition.Application.Certification.Registry;
using KkkCompetition.Application.Contracts;
using KkkCompetition.Application.Contracts.Achievement;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;

namespace KkkCompetition.Application.FunctionalTests.Persistence;

/// <summary>
/// Searches ignore the case of Polish letters too, on every provider: the lists search with
/// <c>name.ToLower().Contains(text)</c>, which on SQLite once lowered ASCII letters only, so "łódzki" missed "Łódzki …".
/// </summary>
public abstract class SearchCaseTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task A_search_finds_names_with_polish_capitals_whatever_the_case_typed()
    {
        await new ContractArrange(Services, Database.Clock).CreateManyAsync(
        [
            new ContractShape { ClusterName = "Łódzki Klaster Ścieżki Żółtej" },
            new ContractShape { ClusterName = "Klaster Zielony" },
        ], Ct);

        async Task<string[]> Dashboard(string search) =>
            [.. (await Send(TestUsers.Official, new GetProgrammeDashboard(Search: search))).Contracts.Items.Select(c => c.ClusterName)];

        Assert.Equal(["Łódzki Klaster Ścieżki Żółtej"], await Dashboard("łódzki"));
        Assert.Equal(["Łódzki Klaster Ścieżki Żółtej"], await Dashboard("ŚCIEŻKI ŻÓŁTEJ"));
        Assert.Equal(["Klaster Zielony", "Łódzki Klaster Ścieżki Żółtej"], (await Dashboard("klaster")).Order(StringComparer.Ordinal));
        Assert.Empty(await Dashboard("łódzka"));

        var registry = await Send(TestUsers.Anonymous, new ListRegistry(Search: "ścieżki"));
        Assert.Equal(["Łódzki Klaster Ścieżki Żółtej"], registry.Items.Select(i => i.ClusterName));

        var contracts = await Send(TestUsers.Official, new ListContracts(Search: "żółtej"));
        Assert.Equal(["Łódzki Klaster Ścieżki Żółtej"], contracts.Items.Select(c => c.ClusterName));
    }
}

public sealed class SearchCaseTestsOnSqlite(SqliteDatabaseFixture database) : SearchCaseTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class SearchCaseTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : SearchCaseTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
