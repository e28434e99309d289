using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/vao-so: the clerk's registration form, beside the PDF preview; the same handler as the API.</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class RegisterModel(RegisterIncoming registerIncoming, ListRegisters listRegisters, EofficeDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IReadOnlyList<RegisterResponse> Registers { get; private set; } = [];

    public IReadOnlyList<RegistrationWarning> Warnings { get; private set; } = [];

    /// <summary>Files already uploaded (kept across a failed submission).</summary>
    public IReadOnlyList<(Guid Id, string Name, long Length)> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        Input.ArrivalDate = Platform.Time.VietnamTime.DateOf(time.GetUtcNow());
        Input.ArrivalTime = TimeOnly.FromDateTime(Platform.Time.VietnamTime.ToLocal(time.GetUtcNow()));
        await LoadAsync(cancellationToken);
        Input.RegisterId = Registers.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var request = Input.ToRequest();
        foreach (var (field, messages) in request.Validate())
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(RegisterInput.FieldOf(field), message);
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var outcome = await registerIncoming.HandleAsync(request, cancellationToken);
                if (outcome.Registered is { } registered)
                {
                    TempData["Message"] = $"Đã vào sổ văn bản, số đến {registered.ArrivalNumber}/{registered.Year}.";
                    return Redirect($"/van-ban-den/{registered.Id}");
                }

                Warnings = outcome.Warnings;
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddModelError(rule.Field is null ? string.Empty : RegisterInput.FieldOf(rule.Field), rule.Message);
            }
            catch (RuleException rule) when (rule.Kind == RuleKind.NotFound)
            {
                ModelState.AddModelError("Input.RegisterId", rule.Message);
            }
        }

        Input.ConfirmWarnings = false;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorOf(string field) => ModelState[$"Input.{field}"]?.Errors.FirstOrDefault()?.ErrorMessage;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Registers = await listRegisters.HandleAsync(mine: true, cancellationToken);
        var ids = Input.FileIds.Distinct().ToList();
        var userId = User.UserId();
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.CreatedBy == userId).ToListAsync(cancellationToken);
        Files = ids.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>().Select(f => (f.Id, f.FileName, f.Length)).ToList();
    }

    public static IReadOnlyList<(string Code, string Name)> UrgencyOptions { get; } =
        [("normal", "Thường"), ("urgent", "Khẩn"), ("veryurgent", "Thượng khẩn"), ("flash", "Hỏa tốc")];

    public static IReadOnlyList<(string Code, string Name)> ConfidentialityOptions { get; } =
        [("none", "Thường (không mật)"), ("mat", "Mật"), ("toi-mat", "Tối mật"), ("tuyet-mat", "Tuyệt mật")];

    public static IReadOnlyList<DocumentType> Types => DocumentTypes.All;
}

/// <summary>The fields of the registration form.</summary>
public sealed class RegisterInput
{
    public Guid? RegisterId { get; set; }

    public DateOnly? ArrivalDate { get; set; }

    public TimeOnly? ArrivalTime { get; set; }

    public string? Source { get; set; } = "paper";

    public string? TypeCode { get; set; } = DocumentTypes.OfficialLetterCode;

    public string? CodeNumber { get; set; }

    public string? CodeNotation { get; set; }

    public DateOnly? IssuedDate { get; set; }

    public string? IssuingOrganId { get; set; }

    public string? IssuingOrganName { get; set; }

    public string? Subject { get; set; }

    public string? Language { get; set; } = IncomingFieldValues.DefaultLanguage;

    public int? PageAmount { get; set; }

    public string? Description { get; set; }

    public string? SignerPosition { get; set; }

    public string? SignerFullName { get; set; }

    public string? Urgency { get; set; } = "normal";

    public DateOnly? DueDate { get; set; }

    public bool RequestsComments { get; set; }

    public string? PaperAppendixNote { get; set; }

    public string? PaperAppendixHolder { get; set; }

    public bool AddressedToNamedPerson { get; set; }

    public string? Confidentiality { get; set; } = "none";

    public List<Guid> FileIds { get; set; } = [];

    public Guid? MainFileId { get; set; }

    public bool IsBackEntry { get; set; }

    public DateOnly? BackEntryHandledOn { get; set; }

    public string? BackEntryHandlingNote { get; set; }

    public bool ConfirmWarnings { get; set; }

    public RegisterIncoming.Request ToRequest() => new(RegisterId, ArrivalDate, ArrivalTime, Source, TypeCode, CodeNumber, CodeNotation, IssuedDate,
        IssuingOrganId, IssuingOrganName, Subject, Language, PageAmount, Description, SignerPosition, SignerFullName, Urgency, DueDate,
        RequestsComments, PaperAppendixNote, PaperAppendixHolder, AddressedToNamedPerson, Confidentiality, FileIds, MainFileId,
        IsBackEntry ? new BackEntryInput(BackEntryHandledOn, BackEntryHandlingNote) : null, ConfirmWarnings);

    /// <summary>The page field of an API field ("backEntry.handledOn" → "Input.BackEntryHandledOn").</summary>
    public static string FieldOf(string apiField) => apiField switch
    {
        "backEntry.handledOn" => "Input.BackEntryHandledOn",
        "backEntry.handlingNote" => "Input.BackEntryHandlingNote",
        _ => ModelStateExtensions.FieldOf(apiField),
    };
}
