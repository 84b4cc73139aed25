namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>
/// The prices of the soft preferences, in cost units; the solver first assigns as many experts as it can and only
/// then minimises the sum of these prices, so no preference ever costs an application an expert.
/// <para><see cref="KisMismatch"/>: an expert who shares no KIS specialisation with the application.</para>
/// <para><see cref="SameVoivodeship"/>: an expert from the cluster's own voivodeship (another region is preferred for impartiality).</para>
/// <para><see cref="LoadStep"/>: how much dearer each further assignment of one expert becomes. The k-th assignment of an
/// expert costs <c>LoadStep × (k − 1)</c>, so the price of a load grows with its square: moving one application from a
/// busy expert to an idle one always pays, which is what spreads the work evenly.</para>
/// </summary>
public sealed record AssignmentWeights(int KisMismatch, int SameVoivodeship, int LoadStep)
{
    /// <summary>
    /// A missing specialisation outweighs a difference of several assignments in load, and a region match is a lighter
    /// concern than either, as the rules list them after impartiality.
    /// </summary>
    public static AssignmentWeights Default { get; } = new(KisMismatch: 100, SameVoivodeship: 40, LoadStep: 10);

    /// <summary>The price of the pair itself, whoever else the expert gets.</summary>
    public long PairCost(int kisMatches, bool otherVoivodeship) =>
        (kisMatches == 0 ? KisMismatch : 0) + (otherVoivodeship ? 0 : SameVoivodeship);

    /// <summary>The price of the assignment that brings an expert's load to <paramref name="loadAfter"/>.</summary>
    public long LoadCost(int loadAfter) => (long)LoadStep * Math.Max(0, loadAfter - 1);

    /// <summary>Why a pair is good or bad, apart from the load: shared KIS codes and the region.</summary>
    public static (int KisMatches, bool OtherVoivodeship) Compare(ApplicationSlot application, ExpertCandidate expert) =>
        (application.KisCodes.Count(expert.KisCodes.Contains),
         !string.Equals(application.Voivodeship, expert.Voivodeship, StringComparison.Ordinal));
}
