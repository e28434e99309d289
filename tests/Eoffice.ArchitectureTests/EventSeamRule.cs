namespace Eoffice.ArchitectureTests;

/// <summary>
/// The event seam (issue 8, point 6): a module's handlers publish what happened through their aggregate's history, and
/// side effects such as in-app notifications are subscribers of those events. Only the types named as subscribers (or
/// as jobs that notify on a schedule) may use the platform's notifier. The door that marks a person's notifications
/// about an object read when they open it (<c>INotificationReads</c>, issue 9 point 1) sends nothing and is open to all.
/// </summary>
public sealed class EventSeamRule(string root, IReadOnlySet<string> allowed)
{
    public IReadOnlyList<string> Violations(IEnumerable<DependencyScanner.Dependency> dependencies) =>
        dependencies
            .Where(d => d.FromType.StartsWith($"{root}.Modules.", StringComparison.Ordinal)
                && d.ToType.StartsWith($"{root}.Platform.Notifications.", StringComparison.Ordinal)
                && d.ToType != $"{root}.Platform.Notifications.INotificationReads"
                && !allowed.Contains(d.FromType))
            .Select(d => $"{d.FromType} notifies directly ({d.ToType}); publish an event and subscribe to it instead")
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
