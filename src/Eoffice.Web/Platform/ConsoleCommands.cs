namespace Eoffice.Web.Platform;

/// <summary>
/// A maintenance command run instead of the web server: <c>dotnet run --project src/Eoffice.Web -- NAME [options]</c>.
/// The database is brought up to date first; the command's exit code becomes the process's.
/// </summary>
public interface IConsoleCommand
{
    /// <summary>The first argument that selects the command, e.g. "create-admin".</summary>
    string Name { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken);
}

public static class ConsoleCommands
{
    /// <summary>Runs the command named by <paramref name="args"/>[0], if any; <c>null</c> means "start the web server".</summary>
    public static async Task<int?> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        using var scope = app.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<IConsoleCommand>().FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Không có lệnh '{args[0]}'. Các lệnh: {string.Join(", ", scope.ServiceProvider.GetServices<IConsoleCommand>().Select(c => c.Name))}.");
            return 2;
        }

        await app.PrepareDatabaseAsync();
        return await command.RunAsync(args[1..], Console.Out, CancellationToken.None);
    }

    /// <summary>The value after <paramref name="option"/> ("--user quantri"), or <c>null</c>.</summary>
    public static string? Option(this IReadOnlyList<string> arguments, string option)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == option)
            {
                return arguments[i + 1];
            }
        }

        return null;
    }
}
