using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Importing a staff list from .xlsx or .csv: the report lists every row; created accounts' temporary passwords are
/// shown once, in this response.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
[RequestSizeLimit(StaffFile.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = StaffFile.MaxBytes + 64 * 1024)]
public sealed class PeopleImportModel(ImportPeople importPeople) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    public IActionResult OnGet() => User.AgencyId() is null ? NotFound() : Page();

    public IActionResult OnGetTemplate(string? format)
    {
        if (StaffFile.ParseFormat(format) is not { } parsed)
        {
            return NotFound();
        }

        var (content, type, name) = ImportPeople.Template(parsed);
        return File(content, type, name);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp danh sách cán bộ (.xlsx hoặc .csv).");
            return Page();
        }

        if (StaffFile.ParseFormat(Path.GetExtension(Upload.FileName)) is not { } format)
        {
            ModelState.AddModelError(nameof(Upload), "Chỉ nhận tệp .xlsx hoặc .csv.");
            return Page();
        }

        if (Upload.Length > StaffFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Tệp lớn hơn {StaffFile.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        Report = await importPeople.HandleAsync(buffer.ToArray(), format, cancellationToken);
        if (Report.FileError is not null)
        {
            ModelState.AddModelError(nameof(Upload), Report.FileError);
        }

        return Page();
    }
}
