using System.Diagnostics;
using System.Text;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>An external program that ran out of its time and was killed with everything it started.</summary>
public sealed class ExternalProcessTimeoutException(string program, TimeSpan limit)
    : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{program} did not finish within {limit.TotalSeconds:0.#} s and was stopped."))
{
    public TimeSpan Limit { get; } = limit;
}

/// <summary>An external program that could not be started (missing, not executable).</summary>
public sealed class ExternalProcessStartException(string program, Exception inner)
    : Exception($"{program} could not be started: {inner.Message}", inner);

/// <summary>What a finished program said: its exit code and the first lines of its output and errors.</summary>
public sealed record ExternalProcessResult(int ExitCode, string Messages)
{
    /// <summary>The messages on at most 1000 characters, "(no output)" when there were none.</summary>
    public string ShortMessages
    {
        get
        {
            var text = Messages.Trim();
            return text.Length == 0 ? "(no output)" : text.Length <= 1000 ? text : text[..1000];
        }
    }
}

/// <summary>
/// Runs a background helper program (LibreOffice, tesseract, poppler) with a time limit after which the whole process tree is
/// killed, so that no helper outlives its time; standard output and errors are collected (at most 4000 characters).
/// </summary>
public static class ExternalProcess
{
    public static async Task<ExternalProcessResult> RunAsync(ProcessStartInfo start, TimeSpan limit, ILogger logger, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var name = Path.GetFileName(start.FileName);
        using var process = new Process { StartInfo = start };
        var messages = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(messages, e.Data);
        process.ErrorDataReceived += (_, e) => Append(messages, e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ExternalProcessStartException($"{name} ({start.FileName})", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeLimit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process, name, logger);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ExternalProcessTimeoutException(name, limit);
        }

        // The exit event can come before the last lines of output: wait for the readers to reach the end.
        process.WaitForExit();
        lock (messages)
        {
            return new ExternalProcessResult(process.ExitCode, messages.ToString());
        }
    }

    private static void Kill(Process process, string name, ILogger logger)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            logger.LogWarning(ex, "Could not kill the {Program} process {Pid}.", name, SafeId(process));
        }
    }

    private static int? SafeId(Process process)
    {
        try
        {
            return process.Id;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void Append(StringBuilder messages, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (messages)
        {
            if (messages.Length < 4000)
            {
                messages.AppendLine(line);
            }
        }
    }

    /// <summary>The program <paramref name="configured"/>, or else the first of <paramref name="names"/> on the PATH; <c>null</c> when there is none.</summary>
    public static string? Find(string? configured, params string[] names)
    {
        if (configured is { Length: > 0 })
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return names
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
