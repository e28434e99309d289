using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// Vào sổ văn bản đến: the clerk registers a document received on paper or by e-mail in a register they keep, with the
/// next arrival number of the year of its real arrival date. Secret documents are refused (nothing is stored, no
/// number is used); probable duplicates, complaint letters, documents addressed to a named person and documents without
/// a file answer 409 with warnings until the clerk confirms. <c>POST /api/v1/documents/incoming</c> and the page
/// /van-ban-den/vao-so.
/// </summary>
public sealed class RegisterIncoming(IncomingRegistrar registrar, IncomingAccessControl access, TimeProvider time)
{
    /// <summary>
    /// <c>registerId</c>: a register the clerk keeps; <c>arrivalDate</c>/<c>arrivalTime</c>: when it really arrived
    /// (default now); <c>source</c>: <c>paper</c> or <c>email</c>; <c>document</c>: its metadata; <c>fileIds</c>: files
    /// uploaded through /api/v1/files (<c>mainFileId</c> the scanned document, default the first); <c>backEntry</c>:
    /// present for a document handled on paper while the system could not be used; <c>confirmWarnings</c>: register
    /// despite the warnings of a first attempt.
    /// </summary>
    public sealed class Request : IValidatableRequest
    {
        public Guid? RegisterId { get; set; }

        public DateOnly? ArrivalDate { get; set; }

        public TimeOnly? ArrivalTime { get; set; }

        public string? Source { get; set; }

        public DocumentMetadataInput Document { get; set; } = new();

        /// <summary>The secrecy marked on the document: anything but <c>none</c> is refused (it never enters eOffice).</summary>
        public string? Confidentiality { get; set; }

        public bool AddressedToNamedPerson { get; set; }

        public List<Guid> FileIds { get; set; } = [];

        public Guid? MainFileId { get; set; }

        public BackEntryInput? BackEntry { get; set; }

        public bool ConfirmWarnings { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            IncomingFields.ValidateConfidentiality(errors, Confidentiality);
            if (RegisterId is null)
            {
                errors["registerId"] = ["Vui lòng chọn sổ văn bản đến."];
            }

            if (IncomingFields.ParseSource(Source) is null)
            {
                errors["source"] = ["Nguồn văn bản không hợp lệ: bản giấy hoặc thư điện tử."];
            }

            DocumentMetadata.Validate(Document, errors);
            var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
            if (ArrivalDate is { } arrival && arrival > today)
            {
                errors["arrivalDate"] = ["Ngày đến không được sau ngày hôm nay."];
            }

            if (Document.IssuedDate is { } issued && ArrivalDate is { } arrived && issued > arrived)
            {
                errors["document.issuedDate"] = ["Ngày văn bản không được sau ngày đến."];
            }

            if (FileIds.Count > IncomingFields.MaxFiles)
            {
                errors["fileIds"] = [$"Mỗi văn bản đính kèm tối đa {IncomingFields.MaxFiles} tệp."];
            }

            if (BackEntry is { } back)
            {
                if (back.HandledOn is { } handled && (handled > today || (ArrivalDate is { } a && handled < a)))
                {
                    errors["backEntry.handledOn"] = ["Ngày xử lý trên giấy phải từ ngày đến đến hôm nay."];
                }

                errors.MaxLength("backEntry.handlingNote", back.HandlingNote, IncomingDocument.PaperHandlingNoteMaxLength, "Ghi chú xử lý trên giấy");
            }

            return errors;
        }
    }

    public async Task<RegistrationOutcome> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var register = await registrar.KeptRegisterAsync(request.RegisterId, cancellationToken);
        var files = await registrar.UploadedFilesAsync(request.FileIds, request.MainFileId, cancellationToken);
        var arrivalAt = registrar.ArrivalAt(request.ArrivalDate, request.ArrivalTime);
        if (arrivalAt > time.GetUtcNow().UtcDateTime.AddMinutes(5))
        {
            throw RuleException.Invalid("Ngày đến không được sau thời điểm hiện tại.", "arrivalDate");
        }

        var viewer = await access.ViewerAsync(cancellationToken);
        var backEntry = request.BackEntry is { } b && (b.HandledOn is not null || !string.IsNullOrWhiteSpace(b.HandlingNote)) ? b : null;
        return await registrar.RegisterAsync(new RegistrationDraft(register, viewer.Self, arrivalAt, IncomingFields.ParseSource(request.Source)!.Value,
            DocumentMetadata.Create(request.Document), request.AddressedToNamedPerson, files, backEntry, request.ConfirmWarnings), cancellationToken);
    }

    /// <summary>The API answer for an outcome: 201 with the number, or 409 with the warnings to confirm.</summary>
    internal static Results<Created<RegisteredIncoming>, ProblemHttpResult> Answer(RegistrationOutcome outcome) =>
        outcome.Registered is { } registered
            ? TypedResults.Created($"/api/v1/documents/incoming/{registered.Id}", registered)
            : ConfirmableWarnings.Problem(RegistrationOutcome.WarningsTitle, "Gửi lại với confirmWarnings = true để vẫn vào sổ.", outcome.Warnings);

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming", async Task<Results<Created<RegisteredIncoming>, ProblemHttpResult>> (Request request, RegisterIncoming handler, CancellationToken ct) =>
                Answer(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RegisterIncoming")
            .WithSummary("Vào sổ văn bản đến (bản giấy hoặc thư điện tử).")
            .WithDescription("Trả 409 kèm danh sách cảnh báo (warnings: trùng số-ký hiệu-cơ quan, trùng nội dung tệp, đơn thư tố cáo, gửi đích danh, " +
                "chưa đính kèm tệp) khi chưa xác nhận; gửi lại với confirmWarnings = true để vào sổ. Văn bản mật bị từ chối (400), không dùng số đến.");
}
