namespace KkkCompetition.Domain.ReferenceData;

/// <summary>A voivodeship by its TERYT code.</summary>
public sealed class Voivodeship
{
    public string Teryt { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>A national smart specialisation (KIS). Retired codes stay, so old applications still read.</summary>
public sealed class KisSpecialisation
{
    public string Code { get; set; } = "";
    public string NamePl { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum KpiAggregation
{
    Sum,
    Latest,
}

/// <summary>An entry of the KPI catalogue; mandatory ones go into every programme contract.</summary>
public sealed class KpiDefinition
{
    public string Code { get; set; } = "";
    public string NamePl { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Unit { get; set; } = "";
    public KpiDirection Direction { get; set; }
    public KpiAggregation Aggregation { get; set; }
    public bool IsMandatory { get; set; }
    public decimal? Minimum { get; set; }
}

/// <summary>One criterion of the default merit criteria template, within its area.</summary>
public sealed class CriterionTemplate
{
    public string Code { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string AreaNamePl { get; set; } = "";
    public string AreaNameEn { get; set; } = "";
    public string NamePl { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal MaxPoints { get; set; }
    public bool HalfPointsAllowed { get; set; }
    public int Order { get; set; }

    /// <summary>Position in the template's tie-break order, when it is a tie-break criterion.</summary>
    public int? TieBreakRank { get; set; }
}
