using System.Globalization;
using CsvHelper;
using KkkCompetition.Application.Certification.Registry;

namespace KkkCompetition.Infrastructure.Exports;

/// <summary>
/// The registry's open data as CSV (RFC 4180: UTF-8 without a byte-order mark, ',' between fields, CRLF line ends): one
/// heading row with the JSON field names of <see cref="RegistryRecord"/> in their order, dates as yyyy-MM-dd, the KIS codes
/// separated by '|'. Unlike the officials' exports it is meant for programs, so the headings never change with the language.
/// </summary>
public sealed class RegistryCsvWriter : IRegistryCsvWriter
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "certificateNumber", "clusterId", "clusterName", "coordinatorName", "coordinatorNip", "voivodeshipTeryt", "voivodeshipName",
        "kisCodes", "website", "validFrom", "validTo", "state", "endedOn", "endReason",
    ];

    public byte[] Write(RegistryDataset dataset)
    {
        using var stream = new MemoryStream(256 + (dataset.Records.Count * 200));
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = ',', NewLine = "\r\n", WriteByteOrderMark = false, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader([.. Headers]);
            foreach (var r in dataset.Records)
            {
                csv.WriteRecord(
                [
                    r.CertificateNumber, r.ClusterId.ToString(), r.ClusterName, r.CoordinatorName, r.CoordinatorNip, r.VoivodeshipTeryt, r.VoivodeshipName,
                    string.Join('|', r.KisCodes), r.Website ?? "", Day(r.ValidFrom), Day(r.ValidTo), r.State, r.EndedOn is { } ended ? Day(ended) : "", r.EndReason ?? "",
                ]);
            }
        }

        return stream.ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
