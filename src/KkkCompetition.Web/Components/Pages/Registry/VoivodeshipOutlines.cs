namespace KkkCompetition.Web.Components.Pages.Registry;

/// <summary>A voivodeship's outline on the registry's map (SVG path in <see cref="VoivodeshipOutlines.ViewBox"/>) and where its count is written.</summary>
public sealed record VoivodeshipOutline(string Path, int LabelX, int LabelY);

/// <summary>
/// Simplified outlines of the sixteen voivodeships, by TERYT code, drawn by the product for the registry's map: polygons over
/// shared vertices at approximate geographic positions (longitude and latitude projected with the latitude scaled by
/// 1/cos 52°), so neighbours meet without gaps. They show where a voivodeship lies, not its exact boundary; the table beside
/// the map carries the same counts.
/// </summary>
public static class VoivodeshipOutlines
{
    public const string ViewBox = "0 0 640 600";

    public static IReadOnlyDictionary<string, VoivodeshipOutline> ByTeryt { get; } = new Dictionary<string, VoivodeshipOutline>(StringComparer.Ordinal)
    {
        ["32"] = new("M22,111.9 L70,97.3 L124,77.9 L172,53.6 L175,102.2 L184,141.1 L163,170.2 L136,204.3 L88,199.4 L46,233.4 L19,209.1 L34,170.2 Z", 102, 144),
        ["22"] = new("M172,53.6 L220,29.3 L271,21.5 L286,63.3 L340,61.4 L331,102.2 L328,150.8 L292,136.2 L238,126.5 L214,155.7 L184,141.1 L175,102.2 Z", 250, 89),
        ["28"] = new("M340,61.4 L430,68.2 L538,65.3 L502,111.9 L466,155.7 L406,189.7 L352,184.8 L328,150.8 L331,102.2 Z", 413, 118),
        ["20"] = new("M538,65.3 L580,87.6 L577,111.9 L601,170.2 L607,228.6 L559,267.4 L526,262.6 L490,209.1 L466,155.7 L502,111.9 Z", 542, 172),
        ["04"] = new("M214,155.7 L238,126.5 L292,136.2 L328,150.8 L352,184.8 L331,257.7 L298,272.3 L268,248 L238,209.1 Z", 286, 193),
        ["30"] = new("M184,141.1 L214,155.7 L238,209.1 L268,248 L298,272.3 L274,325.8 L262,384.1 L241,374.4 L202,340.3 L148,320.9 L136,296.6 L124,252.9 L136,204.3 L163,170.2 Z", 206, 264),
        ["08"] = new("M136,204.3 L124,252.9 L136,296.6 L148,320.9 L112,340.3 L55,354.9 L52,301.5 L43,262.6 L46,233.4 L88,199.4 Z", 91, 276),
        ["14"] = new("M352,184.8 L406,189.7 L466,155.7 L490,209.1 L526,262.6 L490,306.3 L478,388.9 L442,359.8 L400,364.6 L394,296.6 L331,257.7 Z", 432, 263),
        ["10"] = new("M331,257.7 L394,296.6 L400,364.6 L382,374.4 L361,408.4 L322,408.4 L283,393.8 L262,384.1 L274,325.8 L298,272.3 Z", 332, 338),
        ["06"] = new("M526,262.6 L559,267.4 L586,289.8 L583,340.3 L598,374.4 L616,408.4 L610,437.5 L577,466.7 L544,461.8 L502,447.3 L475,427.8 L478,388.9 L490,306.3 Z", 542, 372),
        ["02"] = new("M55,354.9 L112,340.3 L148,320.9 L202,340.3 L241,374.4 L217,408.4 L187,447.3 L184,471.6 L163,476.4 L142,447.3 L151,427.8 L118,418.1 L70,408.4 L61,388.9 Z", 150, 387),
        ["16"] = new("M241,374.4 L262,384.1 L283,393.8 L274,442.4 L256,492.9 L226,466.7 L187,447.3 L217,408.4 Z", 242, 431),
        ["24"] = new("M283,393.8 L322,408.4 L361,408.4 L361,447.3 L334,481.3 L328,539.6 L301,534.7 L286,505.6 L256,492.9 L274,442.4 Z", 310, 461),
        ["26"] = new("M400,364.6 L442,359.8 L478,388.9 L475,427.8 L442,457 L400,466.7 L361,447.3 L361,408.4 L382,374.4 Z", 418, 413),
        ["12"] = new("M361,447.3 L400,466.7 L442,457 L448,500.7 L451,547.4 L406,549.3 L376,568.8 L358,549.3 L328,539.6 L334,481.3 Z", 390, 507),
        ["18"] = new("M442,457 L475,427.8 L502,447.3 L544,461.8 L577,466.7 L529,529.9 L526,583.3 L490,568.8 L451,547.4 L448,500.7 Z", 497, 501),

    };
}
