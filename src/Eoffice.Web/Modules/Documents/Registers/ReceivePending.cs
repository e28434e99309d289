using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// A gateway puts a document received electronically from another agency into the agency's "chờ tiếp nhận" list,
/// with the files it already stored, through <see cref="IElectronicArrivals"/> (channel: the gateway). The same package
/// (external id) from the same sender twice answers 409 and creates nothing. <c>POST /api/v1/documents/incoming/pending</c>.
/// </summary>
public sealed class ReceivePending(ICurrentUser currentUser, IElectronicArrivals arrivals)
{
    /// <summary>
    /// <c>externalId</c>: the sender's identifier of the document (edXML DocumentId); <c>document</c>: its metadata as the
    /// package declares it, the issuing organ being the sender; <c>confidentiality</c>: as declared (a secret package is
    /// kept only to be refused); <c>fileIds</c>: the package's files, already stored through /api/v1/files.
    /// </summary>
    public sealed class Request : IValidatableRequest
    {
        public string? ExternalId { get; set; }

        public DocumentMetadataInput Document { get; set; } = new();

        public string? Confidentiality { get; set; }

        public List<Guid> FileIds { get; set; } = [];

        public Guid? MainFileId { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("externalId", ExternalId, IncomingDocument.ExternalIdMaxLength, "Thiếu mã văn bản của bên gửi.", "Mã văn bản");
            DocumentMetadata.Validate(Document, errors);
            if (IncomingFields.ParseConfidentiality(Confidentiality) is null)
            {
                errors["confidentiality"] = ["Độ mật không hợp lệ."];
            }

            if (FileIds.Count > IncomingFields.MaxFiles)
            {
                errors["fileIds"] = [$"Tối đa {IncomingFields.MaxFiles} tệp."];
            }

            return errors;
        }
    }

    public sealed record Received(Guid Id);

    public async Task<Guid> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var input = request.Document;
        var ids = request.FileIds.Distinct().ToList();
        var main = request.MainFileId is { } m && ids.Contains(m) ? ids.IndexOf(m) : 0;
        var document = new ArrivalDocument(input.TypeCode, input.CodeNumber, input.CodeNotation, input.IssuedDate, input.Subject,
            UrgencyNames.ParseUrgency(input.Urgency)!.Value, input.SignerPosition, input.SignerFullName, input.DueDate, input.PageAmount,
            input.Description, input.Language, input.RequestsComments, input.PaperAppendixNote, input.PaperAppendixHolder);
        var outcome = await arrivals.ReceiveAsync(new ElectronicArrival(agencyId, request.ExternalId!, new ArrivalSender(
                string.IsNullOrWhiteSpace(input.IssuingOrganId) ? null : input.IssuingOrganId, input.IssuingOrganName!), ArrivalChannel.Gateway, document,
            IncomingFields.ParseConfidentiality(request.Confidentiality)!.Value, [.. ids.Select(ArrivalFile.Stored)], main, UploadedBy: userId),
            cancellationToken);
        return outcome.IsNew ? outcome.PendingId : throw RuleException.Conflict(ElectronicArrivals.DuplicateMessage);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/pending", async Task<Created<Received>> (Request request, ReceivePending handler, CancellationToken ct) =>
            {
                var id = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/documents/incoming/pending/{id}", new Received(id));
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReceiveExchange))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReceivePendingIncoming")
            .WithSummary("Đưa văn bản điện tử nhận từ cơ quan khác vào danh sách chờ tiếp nhận (cổng trục liên thông gọi).");
}
