using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Outputs;

/// <summary>
/// A print view of a <see cref="PrintedReport"/>: A4 in print.css, the "In" button, the printed-by mark at the foot of
/// every printed page; the print is recorded in the audit log. What the viewer may not see answers 404.
/// </summary>
public abstract class PrintViewModel(PrintMarks marks) : PageModel
{
    public PrintedReport? Report { get; private set; }

    /// <summary>The printed-by mark and the agency's name, for a view that builds its report itself.</summary>
    protected PrintMarks Marks => marks;

    public string? Error { get; private set; }

    /// <summary>
    /// A print view opened without what it prints (the register, from a bookmark or a shortened link): the reports page,
    /// at the form that asks for it.
    /// </summary>
    protected IActionResult ToForm(string formId) => Redirect($"{ReportsModel.PagePath}#{formId}");

    protected async Task<IActionResult> ShowAsync(Func<Task<PrintedReport>> build, string objectType, Guid objectId, bool audit = true)
    {
        try
        {
            Report = await build();
        }
        catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
        {
            // A print view asked with wrong parameters (a period the wrong way round) says so on the page; what the
            // viewer may not see is 404, by the page filter.
            Error = rule.Message;
            return Page();
        }

        if (audit)
        {
            await marks.RecordAsync(false, objectType, objectId.ToString(),
                Report.Title + (Report.Cover is { Lines.Count: > 0 } c ? ", " + c.Lines[^1] : ""), HttpContext.RequestAborted);
        }

        ViewData["PrintedReport"] = Report;
        return Page();
    }
}
