using System.Reflection;
using PdfSharp.Fonts;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>
/// DejaVu Sans, embedded in the assembly, for every PDF the product writes: it covers Polish letters and needs no
/// fonts on the machine (containers have none). PDFsharp takes one resolver per process, so it is set once.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                // PDFsharp 6.5 (the only version the package registry serves) writes nothing until a licence is chosen. The
                // AGPL one is chosen here; a commercial key would be loaded with PdfSharpLicense.LoadLicense instead. The
                // product owner decides which (see the README's dependency table).
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"KkkCompetition.Infrastructure.Documents.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
