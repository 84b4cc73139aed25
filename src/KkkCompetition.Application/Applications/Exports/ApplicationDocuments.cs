using KkkCompetition.Application.FormalReview;
using KkkCompetition.Domain.Applications;

namespace KkkCompetition.Application.Applications.Exports;

/// <summary>A file to hand to the caller: its name, its content type and its bytes.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

public enum ListExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>One application in the list export of a competition; <see cref="SubmittedAt"/> in UTC (the writer shows Warsaw time).</summary>
public sealed record ApplicationListRow(
    string Number,
    string ClusterName,
    string CoordinatorName,
    string CoordinatorNip,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    FormalOutcome Outcome,
    DateTimeOffset? FormalDecisionAt,
    string? Reasons);

/// <summary>Writes the list of a competition's applications as a spreadsheet or CSV, with headings in "pl" or "en".</summary>
public interface IApplicationListWriter
{
    byte[] Write(IReadOnlyList<ApplicationListRow> rows, ListExportFormat format, string language);
}

/// <summary>
/// What the PDF copy of an application shows: its latest snapshot as the evaluators read it, with which snapshot it is,
/// the status, and the names of the competition's criteria areas for the narratives.
/// </summary>
public sealed record ApplicationPdfModel(
    SnapshotContent Content,
    SnapshotKind Kind,
    string Sha256,
    ApplicationStatus Status,
    DateTimeOffset? SubmittedAt,
    IReadOnlyDictionary<string, (string Pl, string En)> AreaNames);

/// <summary>Writes the PDF copy of an application, in "pl" or "en".</summary>
public interface IApplicationPdfWriter
{
    byte[] Write(ApplicationPdfModel model, string language);
}
