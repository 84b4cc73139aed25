namespace KkkCompetition.Web.Components.Pages.Achievement;

/// <summary>One bar of a <see cref="BarChart"/>: its label, its value (null draws no bar) as written, its fill and a key for tests.</summary>
public sealed record ChartBar(string Key, string Label, decimal? Value, string ValueText, string Fill);
