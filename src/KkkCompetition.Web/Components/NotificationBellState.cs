namespace KkkCompetition.Web.Components;

/// <summary>Per circuit: a page that changes what is unread (marking read) tells the bell to count again.</summary>
public sealed class NotificationBellState
{
    public event Func<Task>? Changed;

    public Task NotifyChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
