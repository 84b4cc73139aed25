using System.Globalization;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Applications;

/// <summary>
/// What the application tests start from: an applicant's account, organisation and cluster with members, an open
/// competition, and a draft filled in section by section through the use cases.
/// </summary>
public static class ApplicationArrange
{
    /// <summary>A complete year of indicators.</summary>
    public static readonly IndicatorValues Indicators = new(480, 125_000_000.50m, 3_400_000m, 4, 12, 7, 9, 18_500_000m, 3, 64, 37.25m);

    /// <summary>An account with this id in the identity store, so that notices to it are written.</summary>
    public static async Task EnsureUserAsync(IServiceProvider services, Guid userId, string email, string language = "pl", CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        if (await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return;
        }

        db.Users.Add(new AppUser
        {
            Id = userId,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Anna Koordynator",
            PreferredLanguage = language,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The applicant's organisation and its cluster with <paramref name="members"/> members, written straight through the
    /// domain; <paramref name="seed"/> keeps the NIPs of different applicants apart.
    /// </summary>
    public static async Task<Guid> CreateClusterAsync(IServiceProvider services, Guid ownerUserId, int seed = 1, int members = 60, CancellationToken cancellationToken = default)
    {
        var organisation = Organisation.Register(
            ownerUserId,
            $"Fundacja Klastra Testowego {seed}",
            PolishIdentifiers.CompleteNip((525_000_000 + seed).ToString(CultureInfo.InvariantCulture)),
            null,
            null,
            "fundacja",
            "ul. Testowa 1, 00-001 Warszawa",
            "14");
        var cluster = Cluster.Found(organisation.Id, $"Klaster Testowy {seed}", new DateOnly(2018, 3, 1), "14", ["KIS1", "KIS5"], "https://klaster.example.pl");
        for (var i = 0; i < members; i++)
        {
            var enterprise = i % 4 != 3;
            cluster.AddMember(
                $"Członek {seed}-{i + 1:D3}",
                PolishIdentifiers.CompleteNip((600_000_000 + (seed * 10_000) + (i * 7)).ToString(CultureInfo.InvariantCulture)),
                enterprise ? MemberType.Enterprise : MemberType.ResearchOrUniversity,
                enterprise ? (EnterpriseSize)(i % 3) : null,
                "14",
                new DateOnly(2018 + (i % 6), 1 + (i % 12), 1),
                10 + i);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        db.Organisations.Add(organisation);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(cancellationToken);
        return cluster.Id;
    }

    /// <summary>An announced competition (the default criteria) that opened a day before <paramref name="now"/> and closes at <paramref name="closesAt"/> (30 days on).</summary>
    public static async Task<Guid> CreateOpenCompetitionAsync(IServiceProvider services, DateTimeOffset now, int year = 2027, DateTimeOffset? closesAt = null, CancellationToken cancellationToken = default)
    {
        var closes = closesAt ?? now.AddDays(30);
        var created = await services.SendAsAsync(TestUsers.System, new CreateCompetition(
            $"Konkurs o status KKK — nabór {year}",
            year,
            now.AddDays(-2),
            now.AddDays(-1),
            closes,
            closes.AddDays(30),
            closes.AddDays(90),
            closes.AddDays(100),
            closes.AddDays(120)), cancellationToken);
        await services.SendAsAsync(TestUsers.System, new AnnounceCompetition(created.Id, created.Version), cancellationToken);
        return created.Id;
    }

    /// <summary>Stages a file in the product's store and attaches it as <paramref name="owner"/>; the staged copy is dropped afterwards.</summary>
    public static async Task<AttachmentUploaded> UploadAsync(IServiceProvider services, ICurrentUser owner, Guid applicationId, AttachmentKind kind, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var staged = await services.GetRequiredService<IAttachmentStore>().StageAsync(new MemoryStream(content), cancellationToken);
        return await services.SendAsAsync(owner, new UploadApplicationAttachment(applicationId, kind, fileName, staged), cancellationToken);
    }

    /// <summary>Fills every section of the draft through the use cases, as the editor does; answers the last version.</summary>
    public static async Task<int> FillAsync(IServiceProvider services, ICurrentUser owner, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var application = await services.SendAsAsync(owner, new GetApplication(applicationId), cancellationToken);
        var version = application.Version;
        foreach (var year in application.Indicators)
        {
            version = await services.SendAsAsync(owner, new SaveApplicationIndicators(applicationId, year.Year, Indicators, version), cancellationToken);
        }

        foreach (var narrative in application.Narratives)
        {
            version = await services.SendAsAsync(owner, new SaveApplicationNarrative(applicationId, narrative.AreaCode, $"Opis obszaru {narrative.AreaCode}: działania, wyniki i plany klastra.", version), cancellationToken);
        }

        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            version = (await UploadAsync(services, owner, applicationId, kind, $"{kind}.pdf", SampleFiles.Pdf(kind.ToString()), cancellationToken)).Version;
        }

        return version;
    }

    /// <summary>Starts the owner's draft in the competition.</summary>
    public static Task<DraftStarted> StartAsync(IServiceProvider services, ICurrentUser owner, Guid competitionId, CancellationToken cancellationToken = default) =>
        services.SendAsAsync(owner, new StartApplicationDraft(competitionId), cancellationToken);
}
