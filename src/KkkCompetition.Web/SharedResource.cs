namespace KkkCompetition.Web;

/// <summary>Marker of the one resource set of the UI and of error messages (Resources/SharedResource*.resx).</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>, never instantiated.
public sealed class SharedResource
{
}
#pragma warning restore CA1052
