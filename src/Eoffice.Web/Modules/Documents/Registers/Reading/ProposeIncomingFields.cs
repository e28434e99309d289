using System.Text.Json;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers.Reading;

/// <summary>
/// The answer of <c>GET /api/v1/documents/incoming/proposals?fileId=</c>: where the file's text stands
/// (<c>notRequested</c>, <c>pending</c> with its pages done, <c>ready</c>, <c>failed</c>, <c>ocrUnavailable</c>,
/// <c>unsupported</c>, as <c>GET /api/v1/files/{id}/text</c> names them) and, once it is ready, the proposal.
/// </summary>
public sealed record IncomingProposalResponse(
    Guid FileId,
    string State,
    int? Pages,
    int PagesDone,
    string? Message,
    IncomingProposal? Proposal);

/// <summary>
/// Proposes the registration fields of an incoming document from the text of one of its files (the main scan or
/// electronic file), for the clerk registering it. The file must be one the caller may read (uploader, or a policy of
/// the file store); the text comes from text extraction (<see cref="IFileTexts"/>), which the page asks for when the
/// upload finishes. Nothing is saved: the register page pre-fills the empty fields and the clerk confirms them.
/// </summary>
public sealed class ProposeIncomingFields(EofficeDbContext db, ICurrentUser currentUser, FileStore files, IFileTexts? texts = null)
{
    public async Task<IncomingProposalResponse> HandleAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        await files.GetAsync(fileId, cancellationToken); // another's file, or an unknown id: 404
        if (texts is null)
        {
            return new IncomingProposalResponse(fileId, StateName(FileTextState.Unsupported), null, 0,
                "Máy chủ này chưa bật trích xuất nội dung tệp; vui lòng nhập các trường bằng tay.", null);
        }

        var status = await texts.StatusAsync(fileId, cancellationToken);
        if (status.State != FileTextState.Ready)
        {
            return new IncomingProposalResponse(fileId, StateName(status.State), status.Pages, status.PagesDone, status.Message, null);
        }

        var text = (await texts.TextsAsync([fileId], cancellationToken)).GetValueOrDefault(fileId);
        return new IncomingProposalResponse(fileId, StateName(status.State), status.Pages, status.PagesDone, status.Message,
            await ProposeAsync(agencyId, text, cancellationToken));
    }

    /// <summary>The proposal for <paramref name="text"/>, its organ matched against <paramref name="agencyId"/>'s directory.</summary>
    public async Task<IncomingProposal> ProposeAsync(Guid agencyId, string? text, CancellationToken cancellationToken)
    {
        var directory = await db.Set<ExternalOrgan>().AsNoTracking().Where(o => o.AgencyId == agencyId)
            .OrderByDescending(o => o.UseCount).Take(5000)
            .Select(o => new DirectoryOrgan(o.Id, o.Name, o.Code)).ToListAsync(cancellationToken);
        return IncomingReader.Propose(text, directory);
    }

    public static string StateName(FileTextState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incoming/proposals", async Task<Ok<IncomingProposalResponse>> (Guid fileId, ProposeIncomingFields handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(fileId, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .WithName("ProposeIncomingFields")
            .WithSummary("Đề xuất các trường vào sổ (số, ký hiệu, ngày, cơ quan ban hành, loại, trích yếu, người ký, độ khẩn) từ nội dung tệp của văn bản đến; không lưu gì.");
}
