using KkkCompetition.Domain.Common;

namespace KkkCompetition.Domain.Applications;

public enum FormalCheckOutcome
{
    Pass,
    Fail,
    Fixable,
}

/// <summary>The official's finding on one eligibility rule of the competition, for one application.</summary>
public sealed class FormalCheck : Entity
{
    public const int MaxCommentLength = 4000;

    private FormalCheck()
    {
    }

    internal FormalCheck(Guid applicationId, string ruleCode)
    {
        ApplicationId = applicationId;
        RuleCode = ruleCode;
    }

    public Guid ApplicationId { get; private set; }

    /// <summary>The eligibility rule's code in the competition (e.g. <c>member_count</c>).</summary>
    public string RuleCode { get; private set; } = "";

    public FormalCheckOutcome Outcome { get; internal set; }
    public string? Comment { get; internal set; }
    public Guid DecidedBy { get; internal set; }
    public DateTimeOffset DecidedAt { get; internal set; }
}

/// <summary>One thing to fix: the section it reopens and what the official asks for.</summary>
public sealed record CorrectionItem(string Section, string Description);

/// <summary>
/// The one correction request (wezwanie do uzupełnienia) an application may get. Its deadline runs from
/// delivery: the moment the applicant first opens it in the portal or, failing that, the day delivery is
/// deemed to have happened (<see cref="DeemedDeliveryDays"/> after sending, as for electronic delivery under the KPA).
/// </summary>
public sealed class CorrectionRequest : Entity
{
    public const int DeemedDeliveryDays = 14;
    public const int MaxAnswerLength = 10_000;

    private CorrectionRequest()
    {
    }

    internal CorrectionRequest(Guid applicationId, IReadOnlyList<CorrectionItem> items, DateTimeOffset sentAt, int windowDays)
    {
        ApplicationId = applicationId;
        Items = items.ToList();
        SentAt = sentAt;
        WindowDays = windowDays;
        DeadlineAt = Calendar.WorkingDayCalendar.DeadlineEnd(sentAt.AddDays(DeemedDeliveryDays), windowDays);
    }

    public Guid ApplicationId { get; private set; }
    public List<CorrectionItem> Items { get; private set; } = [];
    public DateTimeOffset SentAt { get; private set; }
    public int WindowDays { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The first instant that is too late (the end of the deadline's last day in Warsaw).</summary>
    public DateTimeOffset DeadlineAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? Answer { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public bool Reopens(string section) => Items.Any(i => i.Section == section);

    public bool IsOverdueAt(DateTimeOffset now) => !IsAnswered && now >= DeadlineAt;

    /// <summary>When delivery is deemed to have happened if the applicant never opens the request.</summary>
    public DateTimeOffset DeemedDeliveryAt => SentAt.AddDays(DeemedDeliveryDays);

    /// <summary>
    /// Records delivery the first time the applicant opens the request; the deadline then runs from that day. Opening it
    /// once delivery has been deemed to happen changes nothing: the deadline already runs from the deemed day.
    /// </summary>
    internal bool MarkDelivered(DateTimeOffset now)
    {
        if (DeliveredAt is not null || now >= DeemedDeliveryAt)
        {
            return false;
        }

        DeliveredAt = now;
        DeadlineAt = Calendar.WorkingDayCalendar.DeadlineEnd(now, WindowDays);
        return true;
    }

    internal void RecordAnswer(string answer, DateTimeOffset now)
    {
        Answer = answer;
        AnsweredAt = now;
    }
}
