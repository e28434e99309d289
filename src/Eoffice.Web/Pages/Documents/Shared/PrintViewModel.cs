using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>
/// A print view of a <see cref="PrintedReport"/>, for the books and reports of incoming and outgoing documents: the page
/// only names its layout (<c>Pages/Shared/_PrintLayout.cshtml</c>: A4 in print.css, the "In" button, the report or the
/// message of a bad request, the printed-by mark at the foot of every printed page) and its download links; the print
/// is recorded in the audit log. What the viewer may not see answers 404.
/// </summary>
public abstract class PrintViewModel(PrintMarks marks) : PageModel
{
    public const string ReportKey = "PrintedReport";
    public const string ErrorKey = "PrintError";
    public const string BackUrlKey = "BackUrl";

    public PrintedReport? Report { get; private set; }

    /// <summary>The printed-by mark and the agency's name, for a view that builds its report itself.</summary>
    protected PrintMarks Marks => marks;

    public string? Error { get; private set; }

    /// <summary>The register a register's print view prints (<see cref="ShowRegisterAsync"/>).</summary>
    public Guid RegisterId { get; private set; }

    /// <summary>The query string the print view was opened with, for its download links.</summary>
    public string Query => Request.QueryString.Value ?? "";

    /// <summary>The query string with <c>format=</c><paramref name="format"/> added, for an export endpoint taking the format as a parameter.</summary>
    public string QueryWithFormat(string format) => Request.QueryString.Add("format", format).Value ?? "";

    /// <summary>
    /// A print view opened without what it prints (the register, from a bookmark or a shortened link): the reports page
    /// <paramref name="reportsPage"/>, at the form that asks for it.
    /// </summary>
    protected IActionResult ToForm(string reportsPage, string formId) => Redirect($"{reportsPage}#{formId}");

    /// <summary>
    /// A print view of one register's book or list: without a register, the form on <paramref name="reportsPage"/> that
    /// asks for one; with one, the report <paramref name="build"/> makes of it, "back" leading to the reports page.
    /// </summary>
    protected Task<IActionResult> ShowRegisterAsync(Guid? registerId, string reportsPage, string formId, Func<Guid, Task<PrintedReport>> build,
        Func<Guid, OutputSubject> subject)
    {
        if (registerId is not { } id)
        {
            return Task.FromResult(ToForm(reportsPage, formId));
        }

        RegisterId = id;
        ViewData[BackUrlKey] = reportsPage;
        return ShowAsync(() => build(id), subject(id));
    }

    protected async Task<IActionResult> ShowAsync(Func<Task<PrintedReport>> build, OutputSubject subject, bool audit = true)
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
            ViewData[ErrorKey] = Error;
            return Page();
        }

        if (audit)
        {
            await marks.RecordAsync(subject, Report, null, HttpContext.RequestAborted);
        }

        ViewData[ReportKey] = Report;
        return Page();
    }
}
