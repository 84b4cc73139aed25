using System.IO.Compression;
using System.Text;

namespace KkkCompetition.Testing.Applications;

/// <summary>Small files of every attachment type, built in memory, and files that only pretend to be one.</summary>
public static class SampleFiles
{
    /// <summary>A minimal PDF; <paramref name="text"/> makes files of different content (different hashes).</summary>
    public static byte[] Pdf(string text = "KKK") => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n% {text}\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    public static byte[] Docx() => Package(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "/word/document.xml",
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    public static byte[] Xlsx() => Package(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "/xl/workbook.xml",
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));

    /// <summary>A macro-enabled Word document (.docm): a ZIP like a DOCX, but not an allowed type.</summary>
    public static byte[] Docm() => Package(
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "/word/document.xml",
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    /// <summary>A plain ZIP archive.</summary>
    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not an office document");
        }

        return buffer.ToArray();
    }

    /// <summary>A detached XAdES signature: an XML-DSig Signature element as the root.</summary>
    public static byte[] XadesSignature() => Encoding.UTF8.GetBytes(
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"sig-1\">"
        + "<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:SignedInfo>"
        + "<ds:SignatureValue>AAAA</ds:SignatureValue>"
        + "<ds:Object><xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"#sig-1\"/></ds:Object>"
        + "</ds:Signature>");

    /// <summary>XML without a signature.</summary>
    public static byte[] PlainXml() => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><note><to>KKK</to></note>");

    /// <summary>An XML signature with a DTD (entity expansion would be possible): refused.</summary>
    public static byte[] XmlWithDtd() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">&lol;</ds:Signature>");

    /// <summary>The start of a Windows executable (MZ header); uploaded as "statut.pdf" it must still be refused.</summary>
    public static byte[] Exe()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    private static byte[] Package(string mainContentType, string partName, (string Path, string Xml) main)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + $"<Override PartName=\"{partName}\" ContentType=\"{mainContentType}\"/></Types>");
            Write(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{partName.TrimStart('/')}\"/></Relationships>");
            Write(zip, main.Path, main.Xml);
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
