using Eoffice.Web.Modules.Documents.Outgoing;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>
/// Trình and duyệt: the draft goes to a person of the next step (or of a later one it may skip to); the page offers one
/// choice per step and candidate (<c>_NextStepChoice.cshtml</c>), posted as <c>Choice</c> = "step:person".
/// </summary>
public abstract class OutgoingForwardPage(OutgoingAccessControl access, GetOutgoingDocument details) : OutgoingActionPage(access)
{
    [BindProperty]
    public string? Choice { get; set; }

    public IReadOnlyList<GetOutgoingDocument.NextStepDto> NextSteps { get; private set; } = [];

    public static string ChoiceOf(int step, Guid person) => $"{step}:{person}";

    /// <summary>The step and person chosen; nothing when the choice is missing or malformed (the handler then says what is missing).</summary>
    protected (int? Step, Guid? Person) Chosen()
    {
        var parts = (Choice ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var step) && Guid.TryParse(parts[1], out var person)
            ? (step, person)
            : (null, null);
    }

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        NextSteps = await details.NextStepsAsync(Viewer, Document, cancellationToken);
        if (Choice is null && NextSteps.FirstOrDefault() is { Candidates.Count: > 0 } first)
        {
            var person = first.Candidates.FirstOrDefault(c => c.UserId == Document.SignerId) ?? first.Candidates[0];
            Choice = ChoiceOf(first.Number, person.UserId);
        }

        await OnStepsLoadedAsync(cancellationToken);
    }

    protected virtual Task OnStepsLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
