namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// The identity under which this process claims work (written to <c>locked_by</c>): machine, process and a random
/// part, so that two hosts in one process (tests) or a restarted process never pass for each other.
/// </summary>
public sealed class WorkerNode(string id)
{
    public WorkerNode()
        : this(CreateId())
    {
    }

    public string Id { get; } = id.Length <= 100 ? id : id[..100];

    private static string CreateId()
    {
        var machine = Environment.MachineName;
        if (machine.Length > 60)
        {
            machine = machine[..60];
        }

        return $"{machine}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }
}
