using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/vao-so: the clerk's registration form, beside the PDF preview; the same handler as the API.</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class RegisterModel(RegisterIncoming registerIncoming, ListRegisters listRegisters, EofficeDbContext db, TimeProvider time) : FormPageModel
{
    [BindProperty]
    public RegisterIncoming.Request Input { get; set; } = new();

    /// <summary>The back-entry section is ticked: its fields then describe the handling on paper.</summary>
    [BindProperty]
    public bool IsBackEntry { get; set; }

    public IReadOnlyList<RegisterResponse> Registers { get; private set; } = [];

    public IReadOnlyList<RegistrationWarning> Warnings { get; private set; } = [];

    /// <summary>The drop zone and the files already uploaded (kept across a failed submission).</summary>
    public FileUploadsView Uploads { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        Input = new RegisterIncoming.Request
        {
            ArrivalDate = Platform.Time.VietnamTime.DateOf(now),
            ArrivalTime = TimeOnly.FromDateTime(Platform.Time.VietnamTime.ToLocal(now)),
            Source = "paper",
            Confidentiality = "none",
            Document = new DocumentMetadataInput { TypeCode = DocumentTypes.OfficialLetterCode, Language = DocumentMetadata.DefaultLanguage, Urgency = "normal" },
        };
        await OnRedisplayAsync(cancellationToken);
        Input.RegisterId = Registers.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsBackEntry)
        {
            Input.BackEntry = null;
        }

        var outcome = await registerIncoming.HandleAsync(Input, cancellationToken);
        if (outcome.Registered is { } registered)
        {
            TempData["Message"] = $"Đã vào sổ văn bản, số đến {registered.ArrivalNumber}/{registered.Year}.";
            return Redirect($"/van-ban-den/{registered.Id}");
        }

        Warnings = outcome.Warnings;
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        // A confirmation applies to the warnings shown; a new attempt asks again.
        Input.ConfirmWarnings = false;
        ModelState.Remove("Input.ConfirmWarnings");
        Input.BackEntry ??= new BackEntryInput();
        Registers = await listRegisters.HandleAsync(mine: true, cancellationToken);
        Uploads = new FileUploadsView("Input", await FileUploadsView.UploadedAsync(db, User.UserId(), Input.FileIds, cancellationToken), Input.MainFileId,
            Preview: true, "Tệp PDF được xem trước bên cạnh. Chọn tệp chính bằng nút tròn.");
    }

    public static IReadOnlyList<(string Code, string Name)> ConfidentialityOptions { get; } =
        [("none", "Thường (không mật)"), ("mat", "Mật"), ("toi-mat", "Tối mật"), ("tuyet-mat", "Tuyệt mật")];
}
