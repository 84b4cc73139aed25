using KkkCompetition.Domain.Auditing;

namespace KkkCompetition.Domain.UnitTests.Auditing;

public sealed class AuditChainTests
{
    private static readonly AuditActor Actor = new(Guid.CreateVersion7(), "olga@example.pl", "Official", "192.0.2.10", "corr-1");
    private static readonly DateTimeOffset At = new(2027, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= length; i++)
        {
            var entry = AuditEntry.Append(i, previous, At.AddSeconds(i), Actor, "CreateCompetition", "Competition", $"id-{i}", "Added", null, $$"""{"Name":"K{{i}}"}""");
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }

    private static AuditChainVerifier Verify(IEnumerable<AuditEntry> entries, AuditChainHead? head)
    {
        var verifier = new AuditChainVerifier();
        foreach (var entry in entries)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        verifier.Complete(head);
        return verifier;
    }

    private static AuditChainHead HeadOf(List<AuditEntry> entries) =>
        new() { LastSequence = entries[^1].Sequence, LastHash = entries[^1].Hash, Appends = entries.Count };

    private static void Edit(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void An_entry_carries_the_sha256_of_its_content_and_links_to_the_previous_one()
    {
        var chain = Chain(2);

        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", chain[0].Hash);
        Assert.Equal(chain[0].Hash, chain[0].ComputeHash());
        Assert.NotEqual(chain[0].Hash, chain[1].Hash);
    }

    [Fact]
    public void The_hash_covers_every_field()
    {
        var entry = Chain(1)[0];
        var original = entry.Hash;
        foreach (var (property, value) in new (string, object?)[]
        {
            (nameof(AuditEntry.UserName), "mallory"), (nameof(AuditEntry.Role), "Administrator"), (nameof(AuditEntry.Command), "X"),
            (nameof(AuditEntry.EntityType), "X"), (nameof(AuditEntry.EntityId), "X"), (nameof(AuditEntry.Operation), "Deleted"),
            (nameof(AuditEntry.Before), "{}"), (nameof(AuditEntry.After), "{}"), (nameof(AuditEntry.IpAddress), "203.0.113.1"),
            (nameof(AuditEntry.CorrelationId), "other"), (nameof(AuditEntry.UserId), (Guid?)Guid.Empty), (nameof(AuditEntry.OccurredAt), At.AddDays(1)),
        })
        {
            var copy = Chain(1)[0];
            Edit(copy, property, value);
            Assert.NotEqual(original, copy.ComputeHash());
        }
    }

    [Fact]
    public void The_time_is_kept_at_storable_precision_and_in_utc()
    {
        var local = new DateTimeOffset(2027, 1, 15, 10, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        var entry = AuditEntry.Append(1, AuditEntry.GenesisHash, local, Actor, "C", "E", "1", "Added", null, null);

        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(local.UtcTicks - (local.UtcTicks % AuditEntry.StoredPrecisionTicks), entry.OccurredAt.UtcTicks);
        Assert.Equal(0, entry.OccurredAt.UtcTicks % 1_000); // SQLite keeps 0.1 ms
    }

    [Fact]
    public void An_intact_chain_verifies_to_the_end()
    {
        var chain = Chain(5);

        var verifier = Verify(chain, HeadOf(chain));

        Assert.True(verifier.IsIntact);
        Assert.Equal(5, verifier.Checked);
        Assert.Null(verifier.FirstBrokenSequence);
        Assert.Null(verifier.Problem);
    }

    [Fact]
    public void An_empty_chain_with_a_fresh_head_is_intact() =>
        Assert.True(Verify([], new AuditChainHead()).IsIntact);

    [Fact]
    public void An_edited_entry_is_named()
    {
        var chain = Chain(5);
        Edit(chain[2], nameof(AuditEntry.After), """{"Name":"forged"}""");

        var verifier = Verify(chain, HeadOf(chain));

        Assert.False(verifier.IsIntact);
        Assert.Equal(3, verifier.FirstBrokenSequence);
        Assert.Contains("content", verifier.Problem, StringComparison.Ordinal);
        Assert.Equal(3, verifier.Checked);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_the_next_link()
    {
        var chain = Chain(5);
        Edit(chain[2], nameof(AuditEntry.After), """{"Name":"forged"}""");
        Edit(chain[2], nameof(AuditEntry.Hash), chain[2].ComputeHash());

        var verifier = Verify(chain, HeadOf(chain));

        Assert.Equal(4, verifier.FirstBrokenSequence);
        Assert.Contains("link", verifier.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_link_is_named()
    {
        var chain = Chain(3);
        var forged = AuditEntry.Append(2, new string('f', 64), At, Actor, "CreateCompetition", "Competition", "id-2", "Added", null, null);
        chain[1] = forged;

        var verifier = Verify(chain, null);

        Assert.Equal(2, verifier.FirstBrokenSequence);
        Assert.Contains("link", verifier.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_entry_in_the_middle_is_named()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var verifier = Verify(chain, HeadOf(chain));

        Assert.Equal(3, verifier.FirstBrokenSequence);
        Assert.Contains("missing", verifier.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_first_entry_is_named()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);
        Assert.Equal(1, Verify(chain, null).FirstBrokenSequence);
    }

    [Fact]
    public void A_truncated_end_is_caught_by_the_head()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveRange(3, 2);

        var verifier = Verify(chain, head);

        Assert.False(verifier.IsIntact);
        Assert.Equal(4, verifier.FirstBrokenSequence);
        Assert.Contains("head", verifier.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_that_names_a_different_last_hash_is_caught()
    {
        var chain = Chain(3);
        var head = HeadOf(chain);
        head.LastHash = new string('a', 64);

        Assert.False(Verify(chain, head).IsIntact);
    }

    [Fact]
    public void Without_a_head_a_truncated_end_cannot_be_seen()
    {
        var chain = Chain(5);
        chain.RemoveRange(3, 2);
        Assert.True(Verify(chain, null).IsIntact);
    }

    [Fact]
    public void After_the_first_break_the_verifier_reads_no_further()
    {
        var chain = Chain(5);
        Edit(chain[1], nameof(AuditEntry.Command), "Forged");
        var verifier = new AuditChainVerifier();

        var accepted = chain.Select(verifier.Accept).ToList();

        Assert.Equal([true, false, false, false, false], accepted);
        Assert.Equal(2, verifier.FirstBrokenSequence);
        Assert.Equal(2, verifier.Checked);
    }

    [Fact]
    public void A_verification_records_the_verdict()
    {
        var chain = Chain(3);
        chain.RemoveAt(1);
        var verifier = Verify(chain, null);

        var record = AuditVerification.Record(At, verifier);

        Assert.False(record.IsIntact);
        Assert.Equal(2, record.FirstBrokenSequence);
        Assert.Equal(At, record.VerifiedAt);
        Assert.Equal(verifier.Problem, record.Problem);
    }
}
