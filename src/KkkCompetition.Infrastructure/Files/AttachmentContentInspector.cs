using System.IO.Compression;
using System.Text;
using System.Xml;
using KkkCompetition.Application.Applications;

namespace KkkCompetition.Infrastructure.Files;

/// <summary>
/// Tells what a file is from its bytes, never from its name: PDF, PNG and JPEG by their signatures; DOCX and XLSX as ZIP
/// packages with a <c>[Content_Types].xml</c> declaring the main document of Word or Excel (macro-enabled ones are not
/// accepted) and that part present; XML signatures (XAdES) as well-formed XML with an XML-DSig <c>Signature</c> element.
/// Anything else (an executable renamed .pdf, a plain ZIP, a script) is not an allowed attachment.
/// </summary>
public sealed class AttachmentContentInspector
{
    private const string XmlDsigNamespace = "http://www.w3.org/2000/09/xmldsig#";
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A [Content_Types].xml is a few kB; a larger one is not read (it could be a decompression bomb).</summary>
    private const long MaxContentTypesBytes = 1024 * 1024;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly System.Buffers.SearchValues<byte> XmlWhiteSpace = System.Buffers.SearchValues.Create(" \t\r\n"u8);

    /// <summary>The type of the file at <paramref name="path"/>, or null when it is none of the allowed ones.</summary>
    public AttachmentFileType? Identify(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[64];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        file.Position = 0;

        if (head.StartsWith(PdfSignature))
        {
            return AttachmentFileType.Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return AttachmentFileType.Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return AttachmentFileType.Jpeg;
        }

        if (head.StartsWith(ZipSignature))
        {
            return OfficeDocument(file);
        }

        return LooksLikeXml(head) && IsXmlSignature(file) ? AttachmentFileType.XmlSignature : null;
    }

    private static AttachmentFileType? OfficeDocument(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var manifest = zip.GetEntry("[Content_Types].xml");
            if (manifest is null || manifest.Length > MaxContentTypesBytes)
            {
                return null;
            }

            string contentTypes;
            using (var reader = new StreamReader(manifest.Open(), Encoding.UTF8))
            {
                contentTypes = reader.ReadToEnd();
            }

            if (contentTypes.Contains(WordMain, StringComparison.Ordinal) && zip.GetEntry("word/document.xml") is not null)
            {
                return AttachmentFileType.Docx;
            }

            if (contentTypes.Contains(ExcelMain, StringComparison.Ordinal) && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return AttachmentFileType.Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Text that starts (after an optional UTF-8 byte order mark and white space) with <c>&lt;</c>.</summary>
    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var start = head.IndexOfAnyExcept(XmlWhiteSpace);
        return start >= 0 && head[start] == (byte)'<';
    }

    private static bool IsXmlSignature(Stream file)
    {
        // No DTDs and no external resources: a hostile XML file cannot expand entities or make the server fetch anything.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(file, settings);
            var signed = false;
            while (reader.Read())
            {
                signed |= reader is { NodeType: XmlNodeType.Element, LocalName: "Signature", NamespaceURI: XmlDsigNamespace };
            }

            // Read to the end: only a well-formed document counts.
            return signed;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
