using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KkkCompetition.Infrastructure.Documents;

/// <summary>One row of <see cref="PdfWriter.BarChart"/>: its label and, per series, the value (null: no bar) and the figure shown.</summary>
public sealed record PdfChartRow(string Label, IReadOnlyList<(double? Value, string Text)> Values);

/// <summary>
/// Writes simple A4 documents top to bottom: headings, wrapped paragraphs and label–value rows, with page
/// breaks as needed. Every PDF of the product (receipts, application copies, letters) is written with it.
/// </summary>
public sealed partial class PdfWriter : IDisposable
{
    private const double Margin = 50;
    private readonly PdfDocument document;
    private readonly XFont body;
    private readonly XFont bold;
    private readonly XFont heading;
    private readonly XFont small;
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;
    private Guid? stableId;

    public PdfWriter(string title)
    {
        // Before the document: PDFsharp checks its licence (set with the fonts) when a document is created.
        PdfFonts.EnsureRegistered();
        document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "KKK Competition";
        body = new XFont(PdfFonts.Family, 10);
        bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold);
        heading = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold);
        small = new XFont(PdfFonts.Family, 8);
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;

    /// <summary>
    /// Makes the bytes depend on the content alone: the creation and modification dates are <paramref name="createdAt"/> (not
    /// the moment of writing) and the document's file identifier is derived from <paramref name="identity"/> (not random).
    /// Written twice, such a document is the same byte for byte.
    /// </summary>
    public PdfWriter Reproducible(DateTimeOffset createdAt, string identity)
    {
        var utc = createdAt.UtcDateTime;
        document.Info.CreationDate = utc;
        document.Info.ModificationDate = utc;
        var id = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity))[..16];
        var raw = new string(id.Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;
        stableId = new Guid(id);
        return this;
    }

    public PdfWriter Heading(string text)
    {
        Space(6);
        WriteWrapped(text, heading, Margin, Width);
        Space(4);
        return this;
    }

    public PdfWriter Paragraph(string text, bool isBold = false)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WriteWrapped(line, isBold ? bold : body, Margin, Width);
        }

        Space(4);
        return this;
    }

    public PdfWriter Small(string text)
    {
        WriteWrapped(text, small, Margin, Width);
        return this;
    }

    /// <summary>A label on the left third, its value wrapped on the right.</summary>
    public PdfWriter Row(string label, string value)
    {
        var labelWidth = Width / 3;
        var top = y;
        WriteWrapped(label, bold, Margin, labelWidth - 6);
        var labelBottom = y;
        y = top;
        WriteWrapped(value, body, Margin + labelWidth, Width - labelWidth);
        y = Math.Max(y, labelBottom);
        return this;
    }

    /// <summary>
    /// A table in the small font: columns share the width by <paramref name="relativeWidths"/>, cells wrap, a row never
    /// splits across pages, and the header row is repeated on every page the table runs onto.
    /// </summary>
    public PdfWriter Table(IReadOnlyList<string> headers, IReadOnlyList<double> relativeWidths, IEnumerable<IReadOnlyList<string>> rows)
    {
        var total = relativeWidths.Sum();
        var widths = relativeWidths.Select(w => Width * w / total).ToList();
        var smallBold = new XFont(PdfFonts.Family, 8, XFontStyleEx.Bold);
        TableRow(headers, widths, smallBold, header: null);
        foreach (var row in rows)
        {
            TableRow(row, widths, small, header: headers);
        }

        Space(6);
        return this;

        void TableRow(IReadOnlyList<string> cells, List<double> columnWidths, XFont font, IReadOnlyList<string>? header)
        {
            const double padding = 2;
            var lineHeight = font.GetHeight() * 1.2;
            var lines = cells.Select((cell, i) => Wrap(cell, font, columnWidths[i] - 2 * padding).ToList()).ToList();
            var height = (lines.Max(l => l.Count) * lineHeight) + (2 * padding);
            if (y + height > page.Height.Point - Margin)
            {
                NewPage();
                if (header is not null)
                {
                    TableRow(header, columnWidths, smallBold, header: null);
                }
            }

            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                graphics.DrawRectangle(XPens.Gray, x, y, columnWidths[i], height);
                for (var l = 0; l < lines[i].Count; l++)
                {
                    graphics.DrawString(lines[i][l], font, XBrushes.Black, new XRect(x + padding, y + padding + (l * lineHeight), columnWidths[i] - (2 * padding), lineHeight), XStringFormats.TopLeft);
                }

                x += columnWidths[i];
            }

            y += height;
        }
    }

    /// <summary>
    /// A horizontal bar chart: per row its label, one bar per series (shaded apart, named in the legend below) and each bar's
    /// figure as text beside it. Bars are scaled to the largest absolute value of the chart, or of each row when
    /// <paramref name="scalePerRow"/> (rows in different units, as a cluster against its group's means). Never split across pages.
    /// </summary>
    public PdfWriter BarChart(IReadOnlyList<PdfChartRow> rows, IReadOnlyList<string> series, bool scalePerRow = false)
    {
        const double barHeight = 9;
        const double gap = 5;
        XBrush[] brushes = [new XSolidBrush(XColor.FromArgb(31, 78, 121)), new XSolidBrush(XColor.FromArgb(230, 145, 56))];
        var labelWidth = Width * 0.38;
        var textWidth = 55;
        var barArea = Width - labelWidth - textWidth - 8;
        var rowHeight = (series.Count * barHeight) + gap;
        var height = (rows.Count * rowHeight) + (series.Count > 1 ? 16 : 0) + 6;
        if (y + height > page.Height.Point - Margin)
        {
            NewPage();
        }

        var chartMax = rows.SelectMany(r => r.Values).Select(v => Math.Abs(v.Value ?? 0)).DefaultIfEmpty(0).Max();
        foreach (var row in rows)
        {
            var max = scalePerRow ? row.Values.Select(v => Math.Abs(v.Value ?? 0)).DefaultIfEmpty(0).Max() : chartMax;
            graphics.DrawString(row.Label, small, XBrushes.Black, new XRect(Margin, y, labelWidth - 6, rowHeight - gap), XStringFormats.CenterLeft);
            for (var s = 0; s < row.Values.Count; s++)
            {
                var (value, text) = row.Values[s];
                var top = y + (s * barHeight);
                var length = max > 0 && value is { } v ? barArea * Math.Abs(v) / max : 0;
                if (length > 0)
                {
                    graphics.DrawRectangle(brushes[s % brushes.Length], Margin + labelWidth, top + 1, length, barHeight - 2);
                }

                graphics.DrawString(text, small, XBrushes.Black, new XRect(Margin + labelWidth + length + 4, top, textWidth, barHeight), XStringFormats.CenterLeft);
            }

            y += rowHeight;
        }

        if (series.Count > 1)
        {
            var x = Margin + labelWidth;
            y += 4;
            for (var s = 0; s < series.Count; s++)
            {
                graphics.DrawRectangle(brushes[s % brushes.Length], x, y + 2, 8, 8);
                graphics.DrawString(series[s], small, XBrushes.Black, new XRect(x + 11, y, 150, 12), XStringFormats.CenterLeft);
                x += 14 + graphics.MeasureString(series[s], small).Width + 16;
            }

            y += 12;
        }

        Space(6);
        return this;
    }

    public PdfWriter Space(double points)
    {
        y += points;
        return this;
    }

    public byte[] ToBytes()
    {
        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stableId is { } id ? StableNames(stream.ToArray(), id) : stream.ToArray();
    }

    /// <summary>
    /// Two things PDFsharp makes up at random on every save: a six-letter tag naming each embedded font subset
    /// (<c>/QWERTY+DejaVuSans</c>) and the document and instance UUIDs of the XMP metadata. They are replaced by values of the
    /// same length (so no offset of the file moves): tags numbered in order of appearance, UUIDs from the document's identity.
    /// Only names seen in font dictionaries and XMP elements are touched; font programs are compressed and never spell one.
    /// </summary>
    private static byte[] StableNames(byte[] pdf, Guid id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = SubsetTag().Matches(text).Select(m => m.Groups["tag"].Value).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            var stable = "KKK" + (char)('A' + (i / 676 % 26)) + (char)('A' + (i / 26 % 26)) + (char)('A' + (i % 26));
            text = text.Replace("/" + tags[i] + "+", "/" + stable + "+", StringComparison.Ordinal);
        }

        text = XmpUuid().Replace(text, m => m.Groups["open"].Value + "uuid:" + (m.Groups["open"].Value.Contains("Instance", StringComparison.Ordinal)
            ? new Guid(System.Security.Cryptography.SHA256.HashData(id.ToByteArray())[..16])
            : id).ToString("D"));
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"(?<open><xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"/(?:BaseFont|FontName)\s*/(?<tag>[A-Z]{6})\+")]
    private static partial Regex SubsetTag();

    public void Dispose()
    {
        graphics.Dispose();
        document.Dispose();
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void WriteWrapped(string text, XFont font, double x, double width)
    {
        var lineHeight = font.GetHeight() * 1.2;
        foreach (var line in Wrap(text, font, width))
        {
            if (y + lineHeight > page.Height.Point - Margin)
            {
                NewPage();
            }

            graphics.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }

        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (graphics.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }

            // A word wider than the line (a hash, a long URL) is cut where it no longer fits.
            line = word;
            while (graphics.MeasureString(line, font).Width > width && line.Length > 1)
            {
                var fit = line.Length - 1;
                while (fit > 1 && graphics.MeasureString(line[..fit], font).Width > width)
                {
                    fit--;
                }

                yield return line[..fit];
                line = line[fit..];
            }
        }

        yield return line;
    }
}
