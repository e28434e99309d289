using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Copies;

/// <summary>
/// Bản sao điện tử (Decree 30 Art. 25–27; REQUIREMENTS §1.8.5). A clerk who keeps an outgoing register and holds the
/// agency seal copies a document they may see:
/// <list type="bullet">
/// <item>sao y of an issued outgoing document (its electronic original, or the scan of a paper original) or of a received
/// one (its main file, or the file named): the PDF itself, with the agency's signature;</item>
/// <item>sao lục of a sao y: that copy, signed again;</item>
/// <item>trích sao of either: the extract the clerk re-created in full format (an uploaded PDF).</item>
/// </list>
/// Each takes the next number of the register's copies' series for the year ("Số: 05/SY") in the same transaction as
/// its signature — the agency's, at the top right of page 1 with no image, giving the form, the agency, the number and
/// the time in ISO 8601 (+07:00) — so a refused signature takes no number. <c>POST /api/v1/documents/copies</c>;
/// <c>GET /api/v1/documents/copies?sourceKind=…&amp;sourceId=…</c>; the page /ban-sao/{kind}/{id}.
/// </summary>
public sealed class DocumentCopies(
    EofficeDbContext db,
    OutgoingAccessControl outgoing,
    CopyFileAccessPolicy readers,
    OutgoingProcesses processes,
    Organization.Contracts.IOrganizationDirectory organization,
    NumberAllocator numbers,
    IPdfSigning signing,
    OutgoingDigitalSignatures pdfs,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, CopyForm> Forms = new Dictionary<string, CopyForm>
    {
        ["sao-y"] = CopyForm.Exact,
        ["sao-luc"] = CopyForm.FromCopy,
        ["trich-sao"] = CopyForm.Extract,
    };

    public static readonly IReadOnlyDictionary<string, CopySource> Sources = new Dictionary<string, CopySource>
    {
        ["outgoing"] = CopySource.Outgoing,
        ["incoming"] = CopySource.Incoming,
        ["copy"] = CopySource.Copy,
    };

    /// <param name="SourceKind">outgoing | incoming | copy.</param>
    /// <param name="SourceId">The document, or the copy a sao lục is made from.</param>
    /// <param name="Form">sao-y | sao-luc | trich-sao.</param>
    /// <param name="RegisterId">The outgoing register (kept by the clerk) whose copies' series numbers the copy.</param>
    /// <param name="FileId">Sao y of a received document: which of its files (none: the main one). Trích sao: the re-created extract, a PDF the clerk uploaded.</param>
    /// <param name="SealCertificateId">The agency's certificate the clerk holds; none: the only one.</param>
    /// <param name="SealPin">The PIN when the agency's key is on a token.</param>
    /// <param name="Note">Why the copy is made, for whom.</param>
    public sealed record Request(string? SourceKind, Guid? SourceId, string? Form, Guid? RegisterId, Guid? FileId, Guid? SealCertificateId,
        [property: AsTyped] string? SealPin, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (SourceKind is null || !Sources.ContainsKey(SourceKind) || SourceId is null)
            {
                errors["sourceId"] = ["Chọn văn bản cần sao."];
            }

            if (Form is null || !Forms.TryGetValue(Form, out var form))
            {
                errors["form"] = ["Chọn hình thức sao: sao y, sao lục hoặc trích sao."];
            }
            else if (form == CopyForm.Extract && FileId is null)
            {
                errors["fileId"] = ["Trích sao: tải lên bản trích sao đã trình bày đầy đủ thể thức (tệp PDF)."];
            }
            else if (form == CopyForm.FromCopy && SourceKind != "copy")
            {
                errors["form"] = ["Sao lục được thực hiện từ bản sao y."];
            }
            else if (form == CopyForm.Exact && SourceKind == "copy")
            {
                errors["form"] = ["Từ một bản sao y chỉ làm được bản sao lục."];
            }

            if (RegisterId is null)
            {
                errors["registerId"] = ["Chọn sổ đăng ký bản sao."];
            }

            errors.MaxLength("sealPin", SealPin, 64, "Mã PIN");
            errors.MaxLength("note", Note, DocumentCopy.TextMaxLength, "Ghi chú");
            return errors;
        }
    }

    public sealed record CopyResponse(Guid Id, string Form, string Label, string CodeText, int Year, string SourceKind, Guid SourceId, string SourceCodeText,
        string SourceSubject, Guid FileId, string FileName, string Url, string MadeByName, DateTime MadeAt, string? Note)
    {
        public static CopyResponse From(DocumentCopy c) => new(c.Id, Forms.First(f => f.Value == c.Form).Key, DocumentCopy.Label(c.Form), c.CodeText,
            c.Year, Sources.First(s => s.Value == c.SourceKind).Key, c.SourceId, c.SourceCodeText, c.SourceSubject, c.FileId, c.FileName,
            $"/api/v1/files/{c.FileId}", c.MadeByName, c.MadeAt, c.Note);
    }

    /// <summary>What a copy can be made from, after the access check: the file, the root document and what it reads.</summary>
    private sealed record Source(Guid FileId, Guid DocumentId, string CodeText, string Subject);

    public async Task<CopyResponse> MakeAsync(Request request, CancellationToken cancellationToken)
    {
        var viewer = await outgoing.ViewerAsync(cancellationToken);
        var form = Forms[request.Form!];
        var kind = Sources[request.SourceKind!];
        var source = await SourceAsync(kind, request.SourceId!.Value, request.FileId, form, viewer.UserId, cancellationToken);
        var register = await db.Set<Register>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == request.RegisterId && r.AgencyId == viewer.AgencyId && r.Kind == RegisterKind.Outgoing && r.IsActive, cancellationToken);
        if (register is null || !viewer.Keeps(register.Id))
        {
            throw RuleException.Invalid("Bạn không giữ sổ văn bản đi này.", "registerId");
        }

        var agency = (await processes.SettingsAsync(viewer.AgencyId, cancellationToken)).IssuerName
            ?? (await organization.FindAgencyAsync(viewer.AgencyId, cancellationToken))?.FullName ?? "";
        var firstPage = (await pdfs.WordsAsync(source.FileId, (i, _) => i == 0, cancellationToken, "fileId"))[0];
        var now = time.GetUtcNow();
        var year = VietnamTime.DateOf(now).Year;
        var copy = await unitOfWork.CommitAsync(async ct =>
        {
            var number = await numbers.NextAsync(register.Id, year, NumberSeries.Copies, ct);
            var code = $"{OfficialDateLine.NumberText(number)}/{DocumentCopy.Abbreviation(form)}";
            IReadOnlyList<string> lines =
            [
                $"{DocumentCopy.Label(form)} — {agency.ToUpperInvariant()}",
                $"Số: {code}",
                VietnamTime.Iso8601(now),
            ];
            var signed = await signing.SignAsync(new PdfSigningRequest(
                source.FileId, $"ban-sao-{code.Replace('/', '-')}-{year}.pdf", SignatureRole.AgencySeal, SignerCapacity.None,
                request.SealCertificateId, request.SealPin,
                new SignatureLook(LayoutPositions.TopRight(firstPage, lines.Count), WithImage: false, lines), [],
                $"{DocumentCopy.Label(form)} (bản sao điện tử)", $"bản {DocumentCopy.Label(form).ToLowerInvariant()} {code} của văn bản {source.CodeText}"), ct);
            var made = new DocumentCopy(viewer.AgencyId, register.Id, year, number, form, kind, request.SourceId!.Value, source.DocumentId, source.CodeText,
                source.Subject, source.FileId, signed.FileId, signed.FileName, $"{signed.CertificateSubject} · số hiệu {signed.SerialNumber}", viewer.UserId,
                viewer.Name, DocumentMetadata.Clean(request.Note), now.UtcDateTime);
            db.Add(made);
            return made;
        }, c => new AuditEvent("documents.copy.make", "document-copy", c.Id.ToString(),
            Details: $"{DocumentCopy.Label(c.Form)} số {c.CodeText}/{c.Year} của văn bản {c.SourceCodeText}: {c.SourceSubject}"), cancellationToken);
        return CopyResponse.From(copy);
    }

    /// <summary>The active outgoing registers the viewer keeps: where their copies are numbered.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> RegistersAsync(CancellationToken cancellationToken)
    {
        var viewer = await outgoing.ViewerAsync(cancellationToken);
        var registers = await db.Set<Register>().AsNoTracking()
            .Where(r => r.AgencyId == viewer.AgencyId && r.Kind == RegisterKind.Outgoing && r.IsActive).OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        return [.. registers.Where(r => viewer.Keeps(r.Id)).Select(r => (r.Id, r.Name))];
    }

    /// <summary>The copies of a document (and of its copies) the viewer may see: those made from what they may see.</summary>
    public async Task<IReadOnlyList<CopyResponse>> ListAsync(string? sourceKind, Guid sourceId, CancellationToken cancellationToken)
    {
        var kind = sourceKind is not null && Sources.TryGetValue(sourceKind, out var k) && k != CopySource.Copy
            ? k : throw RuleException.Invalid("Chọn văn bản đi hoặc văn bản đến.", "sourceKind");
        if (!await CanSeeAsync(kind, sourceId, cancellationToken))
        {
            throw RuleException.NotFound();
        }

        var copies = await db.Set<DocumentCopy>().AsNoTracking().Where(c => c.SourceDocumentId == sourceId).OrderBy(c => c.MadeAt).ToListAsync(cancellationToken);
        return [.. copies.Select(CopyResponse.From)];
    }

    private Task<bool> CanSeeAsync(CopySource kind, Guid documentId, CancellationToken cancellationToken) => readers.CanSeeAsync(kind, documentId, cancellationToken);

    private async Task<Source> SourceAsync(CopySource kind, Guid sourceId, Guid? fileId, CopyForm form, Guid userId, CancellationToken cancellationToken)
    {
        Source source;
        switch (kind)
        {
            case CopySource.Outgoing:
                if (!await CanSeeAsync(kind, sourceId, cancellationToken))
                {
                    throw RuleException.NotFound();
                }

                var d = await db.Set<OutgoingDocument>().AsNoTracking().Where(x => x.Id == sourceId)
                    .Select(x => new { x.Status, x.IssuedFileId, x.SignedFileId, x.Metadata }).FirstAsync(cancellationToken);
                if (d.Status == OutgoingStatus.Recalled)
                {
                    throw RuleException.Conflict("Văn bản đã bị thu hồi, không còn hiệu lực; không làm bản sao.");
                }

                if (d.Status != OutgoingStatus.Issued || (d.IssuedFileId ?? d.SignedFileId) is not { } original)
                {
                    throw RuleException.Conflict("Chỉ sao được văn bản đi đã phát hành.");
                }

                source = new Source(original, sourceId, d.Metadata.CodeText, d.Metadata.Subject);
                break;
            case CopySource.Incoming:
                if (!await CanSeeAsync(kind, sourceId, cancellationToken))
                {
                    throw RuleException.NotFound();
                }

                var attachments = await db.Set<IncomingAttachment>().AsNoTracking().Where(a => a.DocumentId == sourceId).OrderBy(a => a.SortOrder)
                    .Select(a => new { a.FileId, a.IsMain }).ToListAsync(cancellationToken);
                var chosen = form == CopyForm.Extract ? attachments.FirstOrDefault(a => a.IsMain) ?? attachments.FirstOrDefault()
                    : fileId is { } f ? attachments.FirstOrDefault(a => a.FileId == f) : attachments.FirstOrDefault(a => a.IsMain) ?? attachments.FirstOrDefault();
                if (chosen is null)
                {
                    throw RuleException.Invalid("Văn bản đến này không có tệp để sao.", "fileId");
                }

                var m = await db.Set<IncomingDocument>().AsNoTracking().Where(x => x.Id == sourceId).Select(x => x.Metadata).FirstAsync(cancellationToken);
                source = new Source(chosen.FileId, sourceId, m.CodeText, m.Subject);
                break;
            default:
                var copy = await db.Set<DocumentCopy>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == sourceId, cancellationToken);
                if (copy?.SourceDocumentId is not { } root || !await CanSeeAsync(copy.SourceKind, root, cancellationToken))
                {
                    throw RuleException.NotFound();
                }

                if (copy.Form != CopyForm.Exact)
                {
                    throw RuleException.Invalid("Sao lục được thực hiện từ bản sao y.", "sourceId");
                }

                source = new Source(copy.FileId, root, copy.SourceCodeText, copy.SourceSubject);
                break;
        }

        if (form != CopyForm.Extract)
        {
            return source;
        }

        // Trích sao: the extract the clerk re-created, uploaded by them.
        var extract = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.CreatedBy == userId, cancellationToken)
            ?? throw RuleException.Invalid("Tệp trích sao không tồn tại.", "fileId");
        return source with { FileId = extract.Id };
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/copies", async Task<Created<CopyResponse>> (Request request, DocumentCopies handler, CancellationToken ct) =>
            {
                var made = await handler.MakeAsync(request, ct);
                return TypedResults.Created($"/api/v1/documents/copies/{made.Id}", made);
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.IssueOutgoing))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MakeDocumentCopy")
            .WithSummary("Sao y, sao lục, trích sao điện tử một văn bản: cấp số bản sao và ký số của cơ quan.");
        group.MapGet("/copies", async Task<Ok<IReadOnlyList<CopyResponse>>> (string? sourceKind, Guid sourceId, DocumentCopies handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(sourceKind, sourceId, ct)))
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListDocumentCopies")
            .WithSummary("Các bản sao điện tử của một văn bản đi hoặc văn bản đến.");
    }
}

/// <summary>A copy's file is readable by whoever may see the document it was made from.</summary>
public sealed class CopyFileAccessPolicy(EofficeDbContext db, OutgoingAccessControl outgoing, IncomingAccessControl incoming) : IFileAccessPolicy
{
    /// <summary>Whether the viewer may see the document a copy was made from (and so the copy and its file).</summary>
    public async Task<bool> CanSeeAsync(CopySource kind, Guid documentId, CancellationToken cancellationToken) => kind switch
    {
        CopySource.Outgoing => await outgoing.Visible(await outgoing.ViewerAsync(cancellationToken)).AnyAsync(d => d.Id == documentId, cancellationToken),
        CopySource.Incoming => await incoming.Visible(await incoming.ViewerAsync(cancellationToken)).AnyAsync(d => d.Id == documentId, cancellationToken),
        _ => false,
    };

    public async Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is null)
        {
            return false;
        }

        var copy = await db.Set<DocumentCopy>().AsNoTracking().Where(c => c.FileId == file.Id)
            .Select(c => new { c.SourceKind, c.SourceDocumentId, Root = db.Set<DocumentCopy>().Where(r => r.Id == c.SourceId).Select(r => (CopySource?)r.SourceKind).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (copy?.SourceDocumentId is not { } root)
        {
            return false;
        }

        var kind = copy.SourceKind == CopySource.Copy ? copy.Root ?? CopySource.Outgoing : copy.SourceKind;
        return await CanSeeAsync(kind, root, cancellationToken);
    }
}
