using KkkCompetition.Application.Applications;
using KkkCompetition.Infrastructure.Documents;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KkkCompetition.Infrastructure.Files;

/// <summary>The virus-scanner hook's default: accepts every file. Replace the registration with a real scanner.</summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken) => Task.FromResult(VirusScanResult.Clean);
}

public static class ApplicationFilesSetup
{
    /// <summary>
    /// What applications need beside the database: the attachment store (<c>KKK:Files:Root</c>, by default
    /// <c>App_Data/files</c> under the content root, or under <paramref name="dataFolder"/> without a host), the virus-scanner
    /// hook, the submission numbers and the receipt PDF.
    /// </summary>
    public static IServiceCollection AddApplicationFiles(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<FileStoreOptions>()
            .Bind(configuration.GetSection(FileStoreOptions.Section))
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (string.IsNullOrWhiteSpace(options.Root))
                {
                    var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? dataFolder;
                    options.Root = Path.Combine(contentRoot, "App_Data", "files");
                }
            });
        services.AddSingleton<AttachmentContentInspector>();
        services.AddSingleton<IVirusScanner, NoVirusScanner>();
        services.AddSingleton<IAttachmentStore, AttachmentStore>();
        services.AddScoped<ISubmissionNumbers, SubmissionNumbers>();
        services.AddSingleton<ISubmissionReceiptRenderer, ReceiptPdf>();
        return services;
    }
}
