namespace KkkCompetition.Domain.Auditing;

/// <summary>
/// Walks the chain in sequence order and names the first entry that does not fit: a recomputed hash that
/// differs (the row was edited), a previous-hash link that differs, or a gap in the sequence (a row was deleted).
/// </summary>
public sealed class AuditChainVerifier
{
    private long _expectedSequence = 1;
    private string _expectedPrevious = AuditEntry.GenesisHash;

    public long Checked { get; private set; }
    public long? FirstBrokenSequence { get; private set; }
    public string? Problem { get; private set; }
    public bool IsIntact => FirstBrokenSequence is null;

    /// <summary>Feeds the next entry; returns false once the chain is broken (no need to read further).</summary>
    public bool Accept(AuditEntry entry)
    {
        if (!IsIntact)
        {
            return false;
        }

        Checked++;
        if (entry.Sequence != _expectedSequence)
        {
            return Fail(_expectedSequence, $"entry {_expectedSequence} is missing (next found: {entry.Sequence})");
        }

        if (entry.PreviousHash != _expectedPrevious)
        {
            return Fail(entry.Sequence, "its link to the previous entry does not match");
        }

        if (entry.ComputeHash() != entry.Hash)
        {
            return Fail(entry.Sequence, "its content does not match its hash");
        }

        _expectedSequence++;
        _expectedPrevious = entry.Hash;
        return true;
    }

    /// <summary>Compares the end of the chain with the head, which catches deleted entries at the end.</summary>
    public void Complete(AuditChainHead? head)
    {
        if (!IsIntact || head is null)
        {
            return;
        }

        if (head.LastSequence != _expectedSequence - 1 || head.LastHash != _expectedPrevious)
        {
            Fail(Math.Min(head.LastSequence, _expectedSequence), $"the log ends at entry {_expectedSequence - 1} but the head records entry {head.LastSequence}");
        }
    }

    private bool Fail(long sequence, string problem)
    {
        FirstBrokenSequence = sequence;
        Problem = problem;
        return false;
    }
}

/// <summary>The recorded result of one verification run (the nightly job keeps these).</summary>
public sealed class AuditVerification : Common.Entity
{
    private AuditVerification()
    {
    }

    public DateTimeOffset VerifiedAt { get; private set; }
    public bool IsIntact { get; private set; }
    public long EntriesChecked { get; private set; }
    public long? FirstBrokenSequence { get; private set; }
    public string? Problem { get; private set; }

    public static AuditVerification Record(DateTimeOffset at, AuditChainVerifier verifier) => new()
    {
        VerifiedAt = at,
        IsIntact = verifier.IsIntact,
        EntriesChecked = verifier.Checked,
        FirstBrokenSequence = verifier.FirstBrokenSequence,
        Problem = verifier.Problem,
    };
}
