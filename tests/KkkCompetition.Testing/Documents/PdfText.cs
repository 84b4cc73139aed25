using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace KkkCompetition.Testing.Documents;

/// <summary>
/// Reads back the text of a PDF the product wrote, so a test can check what a reader would see. The file is opened with
/// PDFsharp's reader (a broken file fails here); each page's text operators are decoded through their font's ToUnicode
/// map (the product's fonts are embedded subsets, whose strings are glyph numbers, not letters). Each drawn string
/// becomes one line: a wrapped paragraph is several lines.
/// </summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, FontMap>(StringComparer.Ordinal);
            var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            foreach (var key in fonts?.Elements.Keys ?? [])
            {
                var font = fonts!.Elements.GetDictionary(key);
                var toUnicode = font?.Elements.GetDictionary("/ToUnicode");

                // A composite (Type0) font spends two bytes on each glyph; a simple one, one byte.
                var width = font?.Elements.GetName("/Subtype") == "/Type0" ? 4 : 2;
                maps[key.TrimStart('/')] = new FontMap(toUnicode?.Stream is { } stream ? ParseCMap(Encoding.Latin1.GetString(stream.UnfilteredValue)) : [], width);
            }

            foreach (var content in page.Contents)
            {
                var operators = Encoding.Latin1.GetString(content.Stream.UnfilteredValue);
                var map = new FontMap([], 2);
                foreach (Match match in TextOperator().Matches(operators))
                {
                    if (match.Groups["font"].Success)
                    {
                        map = maps.GetValueOrDefault(match.Groups["font"].Value) ?? new FontMap([], 2);
                        continue;
                    }

                    text.AppendLine(Decode(match, map));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The text with every run of white space as one space: for phrases that may be split across lines.</summary>
    public static string Flat(byte[] pdf) => Whitespace().Replace(Extract(pdf), " ");

    private static string Decode(Match match, FontMap font)
    {
        if (match.Groups["hex"].Success)
        {
            var hex = Whitespace().Replace(match.Groups["hex"].Value, "");
            var result = new StringBuilder();
            for (var i = 0; i + font.Width <= hex.Length; i += font.Width)
            {
                var code = int.Parse(hex.AsSpan(i, font.Width), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                result.Append(font.Unicode.TryGetValue(code, out var unicode) ? unicode : ((char)code).ToString());
            }

            return result.ToString();
        }

        // A literal string (a standard font): its bytes are the letters.
        return match.Groups["literal"].Value.Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private sealed record FontMap(Dictionary<int, string> Unicode, int Width);

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in HexPair().Matches(block.Groups["body"].Value))
            {
                map[Hex(pair.Groups["a"].Value)] = Utf16(pair.Groups["b"].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in HexRange().Matches(block.Groups["body"].Value))
            {
                var from = Hex(range.Groups["lo"].Value);
                var to = Hex(range.Groups["hi"].Value);
                var first = Hex(range.Groups["dst"].Value);
                for (var code = from; code <= to; code++)
                {
                    map[code] = char.ConvertFromUtf32(first + (code - from));
                }
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        return Encoding.BigEndianUnicode.GetString(bytes);
    }

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f\s]*)>\s*Tj|\((?<literal>(?:\\.|[^\\)])*)\)\s*Tj")]
    private static partial Regex TextOperator();

    [GeneratedRegex(@"beginbfchar(?<body>.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(?<body>.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<(?<a>[0-9A-Fa-f]+)>\s*<(?<b>[0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<(?<lo>[0-9A-Fa-f]+)>\s*<(?<hi>[0-9A-Fa-f]+)>\s*<(?<dst>[0-9A-Fa-f]+)>")]
    private static partial Regex HexRange();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
