using System.Globalization;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingProcesses;

/// <summary>
/// The process form: name, types and the step table. A row button (add after, remove, move) posts the form with
/// <see cref="Edit"/> (<c>add:2</c> adds a row after the third, <c>add:-1</c> at the top; <c>remove:1</c>, <c>up:3</c>, <c>down:0</c>): the rows are rearranged and the form
/// shown again, unchecked; the save button posts it without, and the request's own checks run.
/// </summary>
public sealed class ProcessFormInput : IValidatableRequest
{
    public string? Name { get; set; }

    public List<string> TypeCodes { get; set; } = [];

    public List<StepInput> Steps { get; set; } = [];

    /// <summary>The version being changed; none on a new process.</summary>
    public int? Version { get; set; }

    public string? Edit { get; set; }

    public SaveOutgoingProcess.UpdateRequest ToRequest() => new() { Name = Name, TypeCodes = TypeCodes, Steps = Steps, Version = Version };

    public SaveOutgoingProcess.Request ToCreateRequest() => new() { Name = Name, TypeCodes = TypeCodes, Steps = Steps };

    /// <summary>A new process (no version) is checked as a creation, a change as an update.</summary>
    public Dictionary<string, string[]> Validate() =>
        Edit is not null ? [] : Version is null ? ToCreateRequest().Validate() : ToRequest().Validate();

    public static ProcessFormInput Of(string name, IEnumerable<StepInput> steps, IEnumerable<string> typeCodes, int? version) =>
        new() { Name = name, Steps = [.. steps], TypeCodes = [.. typeCodes], Version = version };

    /// <summary>Applies the row button pressed (one that names no row changes nothing).</summary>
    public void ApplyEdit()
    {
        var parts = Edit?.Split(':');
        if (parts is not [var op, var at] || !int.TryParse(at, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            || i < (op == "add" ? -1 : 0) || i >= Steps.Count)
        {
            return;
        }

        switch (op)
        {
            case "add" when Steps.Count < OutgoingProcess.MaxSteps:
                Steps.Insert(i + 1, new StepInput { Kind = StepCodes.Of(ChainStepKind.Person), CanSkip = true });
                break;
            case "remove":
                Steps.RemoveAt(i);
                break;
            case "up" when i > 0:
                (Steps[i - 1], Steps[i]) = (Steps[i], Steps[i - 1]);
                break;
            case "down" when i < Steps.Count - 1:
                (Steps[i + 1], Steps[i]) = (Steps[i], Steps[i + 1]);
                break;
        }
    }
}

/// <summary>The new and edit pages of a process: the form, the people a step may name, and the row buttons.</summary>
public abstract class ProcessFormPageModel(IPeopleDirectory people, ICurrentUser currentUser) : FormPageModel
{
    public const string ListUrl = "/quan-tri/quy-trinh-van-ban-di";

    [BindProperty]
    public ProcessFormInput Input { get; set; } = new();

    /// <summary>The agency's active people, for the steps held by a named person.</summary>
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public static IReadOnlyList<ChainStepKind> Kinds { get; } = Enum.GetValues<ChainStepKind>();

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        People = [.. (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsActive)];
    }

    /// <summary>The page again with the rows rearranged, when a row button was pressed; <c>null</c> for a save.</summary>
    protected async Task<IActionResult?> RowsEditedAsync(CancellationToken cancellationToken)
    {
        if (Input.Edit is null)
        {
            return null;
        }

        Input.ApplyEdit();
        Input.Edit = null;
        ModelState.Clear();
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }
}
