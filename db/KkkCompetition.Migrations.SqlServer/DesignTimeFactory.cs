using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace KkkCompetition.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the host (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KkkDbContext>
{
    public KkkDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.OptionsFor(DatabaseProvider.SqlServer, "Server=localhost;Database=kkk;Integrated Security=true;TrustServerCertificate=true"));
}
