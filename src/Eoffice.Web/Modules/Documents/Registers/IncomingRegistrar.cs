using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// A reason to think twice before registering (not an error): the clerk confirms to go on. Kind is
/// <c>duplicate-number</c>, <c>duplicate-file</c>, <c>complaint</c>, <c>named-person</c> or <c>no-file</c>; a duplicate
/// names the document already registered.
/// </summary>
public sealed record RegistrationWarning(string Kind, string Message, Guid? DocumentId = null, int? ArrivalNumber = null, int? Year = null);

public sealed record RegisteredIncoming(Guid Id, int Year, int ArrivalNumber);

/// <summary>Either the registered document or the warnings the clerk has to confirm.</summary>
public sealed record RegistrationOutcome(RegisteredIncoming? Registered, IReadOnlyList<RegistrationWarning> Warnings)
{
    public const string WarningsTitle = "Cần xác nhận trước khi vào sổ.";
}

/// <summary>Nhập bù: the day and manner a document was handled on paper while the system could not be used.</summary>
public sealed class BackEntryInput
{
    public DateOnly? HandledOn { get; set; }

    public string? HandlingNote { get; set; }
}

public sealed record FileToAttach(Guid FileId, string Sha256, string FileName, bool IsMain);

/// <summary>Everything checked and ready: what <see cref="IncomingRegistrar"/> registers.</summary>
public sealed record RegistrationDraft(
    Register Register,
    Actor Clerk,
    DateTime ArrivalAt,
    IncomingSource Source,
    DocumentMetadata Metadata,
    bool AddressedToNamedPerson,
    IReadOnlyList<FileToAttach> Files,
    BackEntryInput? BackEntry,
    bool ConfirmWarnings,
    PendingIncoming? Pending = null);

/// <summary>
/// Vào sổ, the part shared by paper/e-mail registration and electronic arrivals: the warnings (probable duplicate by
/// number + symbol + organ or by file content, complaint letters, documents addressed to a named person, a document
/// without its file), then one transaction whose FIRST write takes the arrival number (every read happens before it,
/// which SQLite in WAL mode needs to queue writers instead of failing them), the document, its files, the organ
/// directory, the audit entry.
/// </summary>
public sealed class IncomingRegistrar(EofficeDbContext db, NumberAllocator numbers, IncomingAccessControl access, UnitOfWork unitOfWork, TimeProvider time,
    Signing.Contracts.IFileSignatureCheck signatures, Platform.TextExtraction.IFileTexts fileTexts)
{
    /// <summary>How many documents with the same number the duplicate check compares at most.</summary>
    public const int DuplicateCandidates = 5000;

    public const string NotKept = "Không tìm thấy sổ văn bản hoặc bạn không giữ sổ này.";

    /// <summary>The active incoming register <paramref name="registerId"/> if the signed-in clerk keeps it; otherwise 404.</summary>
    public async Task<Register> KeptRegisterAsync(Guid? registerId, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        if (registerId is not { } id || !viewer.KeptRegisters.Contains(id))
        {
            // The register is a field of the form: shown beside it, yet a 404 for the API like any id one may not see.
            throw RuleException.NotFound(NotKept);
        }

        var register = await db.Set<Register>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && r.AgencyId == viewer.AgencyId && r.Kind == RegisterKind.Incoming, cancellationToken)
            ?? throw RuleException.NotFound(NotKept);
        return register.IsActive ? register : throw RuleException.Invalid("Sổ văn bản đã ngừng sử dụng.", "registerId");
    }

    /// <summary>
    /// Files the clerk uploaded, in the order given; the first is the main one unless <paramref name="mainFileId"/> says
    /// otherwise. Their text is requested in the caller's unit of work (search and the reading of the scan need it).
    /// </summary>
    public async Task<IReadOnlyList<FileToAttach>> UploadedFilesAsync(IEnumerable<Guid>? fileIds, Guid? mainFileId, CancellationToken cancellationToken)
    {
        var ids = (fileIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var viewer = await access.ViewerAsync(cancellationToken);
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.CreatedBy == viewer.UserId).ToListAsync(cancellationToken);
        if (files.Count != ids.Count)
        {
            throw RuleException.Invalid("Tệp đính kèm không tồn tại hoặc không do bạn tải lên. Hãy tải lại tệp.", "fileIds");
        }

        foreach (var id in ids)
        {
            await fileTexts.RequestAsync(id, cancellationToken);
        }

        var main = mainFileId is { } m && ids.Contains(m) ? m : ids[0];
        return ids.Select(id => files.Single(f => f.Id == id)).Select(f => new FileToAttach(f.Id, f.Sha256, f.FileName, f.Id == main)).ToList();
    }

    /// <summary>The arrival time: the given Vietnam date and time, now when no date is given, 08:00 for a past day without a time.</summary>
    public DateTime ArrivalAt(DateOnly? date, TimeOnly? timeOfDay)
    {
        var now = time.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        if (date is not { } day || (day == today && timeOfDay is null))
        {
            return now.UtcDateTime;
        }

        return VietnamTime.ToUtc(day, timeOfDay ?? new TimeOnly(8, 0)).UtcDateTime;
    }

    public async Task<RegistrationOutcome> RegisterAsync(RegistrationDraft draft, CancellationToken cancellationToken)
    {
        var agencyId = draft.Register.AgencyId;
        if (!draft.ConfirmWarnings && await WarningsAsync(agencyId, draft, cancellationToken) is { Count: > 0 } warnings)
        {
            return new RegistrationOutcome(null, warnings);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var year = VietnamTime.DateOf(new DateTimeOffset(draft.ArrivalAt, TimeSpan.Zero)).Year;
        var organ = await OrganAsync(agencyId, draft.Metadata, cancellationToken);

        var document = await unitOfWork.CommitAsync(async ct =>
        {
            var number = await numbers.NextAsync(draft.Register.Id, year, NumberSeries.Main, ct);
            var document = IncomingDocument.Register(draft.Register, year, number, draft.ArrivalAt, draft.Source, draft.Metadata, draft.Clerk, now);
            if (draft.BackEntry is { } back)
            {
                document.MarkBackEntered(back.HandledOn, DocumentMetadata.Clean(back.HandlingNote));
            }

            if (draft.Pending is { } pending)
            {
                document.SetExternalId(pending.ExternalId);
                pending.MarkRegistered(document.Id, draft.Clerk, now);
            }

            foreach (var file in draft.Files)
            {
                document.Attach(file.FileId, file.Sha256, file.FileName, file.IsMain, draft.Clerk, now);
            }

            if (organ.Existing is { } known)
            {
                known.Used(draft.Metadata.IssuingOrganId, now);
            }
            else
            {
                db.Add(organ.New!);
            }

            db.Add(document);
            return document;
        }, d => new AuditEvent("documents.incoming.register", "incoming-document", d.Id.ToString(),
            Details: $"Số đến {d.ArrivalNumber}/{year}, {draft.Register.Name}: {d.CodeText} {d.Metadata.IssuingOrganName} — {d.Metadata.Subject}"
                + (d.IsBackEntered ? " (nhập bù)" : "")), cancellationToken);
        return new RegistrationOutcome(new RegisteredIncoming(document.Id, year, document.ArrivalNumber), []);
    }

    private async Task<(ExternalOrgan? Existing, ExternalOrgan? New)> OrganAsync(Guid agencyId, DocumentMetadata metadata, CancellationToken cancellationToken)
    {
        var name = metadata.IssuingOrganName;
        var code = metadata.IssuingOrganId;
        var folded = ExternalOrgan.SearchTextOf(name, null);
        // The exact code, then the exact name, then the closest folded names: a directory with many organs whose names
        // start alike (every "Ủy ban nhân dân xã …") must not push the exact one out of the first 20.
        var candidates = await db.Set<ExternalOrgan>()
            .Where(o => o.AgencyId == agencyId && (o.Name == name || (code != null && o.Code == code) || o.SearchText.StartsWith(folded)))
            .OrderBy(o => code != null && o.Code == code ? 0 : o.Name == name ? 1 : 2).ThenBy(o => o.SearchText.Length).ThenBy(o => o.Id)
            .Take(20).ToListAsync(cancellationToken);
        var match = candidates.FirstOrDefault(o => code is not null && o.Code == code)
            ?? candidates.FirstOrDefault(o => DocumentMetadata.Comparable(o.Name) == DocumentMetadata.Comparable(name));
        return match is not null ? (match, null) : (null, new ExternalOrgan(agencyId, code, name));
    }

    private async Task<List<RegistrationWarning>> WarningsAsync(Guid agencyId, RegistrationDraft draft, CancellationToken cancellationToken)
    {
        var warnings = new List<RegistrationWarning>();
        var m = draft.Metadata;
        var folded = VietnameseText.Fold($"{m.Subject} {m.Description}");
        // Đơn thư khiếu nại, tố cáo are not put into the system (regulation 004 Điều 4.2.b; regulation 000 Điều 9): the
        // clerk confirms it is an official letter about one, not the complaint or denunciation itself.
        var kinds = new[] { ("khieu nai", "khiếu nại"), ("to cao", "tố cáo") }
            .Where(k => folded.Contains(k.Item1, StringComparison.Ordinal)).Select(k => k.Item2).ToList();
        if (kinds.Count > 0)
        {
            var what = string.Join(", ", kinds);
            warnings.Add(new RegistrationWarning("complaint",
                $"Văn bản có nội dung {what}: đơn thư {what} không được vào sổ, xử lý trên hệ thống. Chuyển bộ phận tiếp công dân, "
                + $"xử lý đơn thư nếu đúng là đơn {what}; chỉ vào sổ nếu đây là văn bản của cơ quan về việc giải quyết {what}."));
        }

        if (draft.AddressedToNamedPerson)
        {
            warnings.Add(new RegistrationWarning("named-person",
                "Văn bản gửi đích danh cá nhân: chỉ vào sổ khi người nhận xác định đó là văn bản công, nếu không thì chuyển tận tay người nhận."));
        }

        if (m.CodeNumber is { } codeNumber)
        {
            // The number as typed, in lower and in upper case: an IN list read in the order of the (agency, number,
            // notation) index, where lower(number) = … read every document of the agency and an ORDER BY arrival led
            // SQLite down the arrival index instead. One number ("1", "15") is shared by every organ every year: all of
            // them are compared (up to a generous bound), the newest shown first.
            string[] spellings = [codeNumber, codeNumber.ToLowerInvariant(), codeNumber.ToUpperInvariant()];
            var candidates = await db.Set<IncomingDocument>().AsNoTracking()
                .Where(d => d.AgencyId == agencyId && d.Metadata.CodeNumber != null && spellings.Contains(d.Metadata.CodeNumber) && d.Status != IncomingStatus.Cancelled)
                .OrderBy(d => d.Metadata.CodeNumber).ThenBy(d => d.Metadata.CodeNotation)
                .Select(d => new
                {
                    d.Id, d.Year, d.ArrivalNumber, d.ArrivalAt, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.IssuingOrganId, d.Metadata.IssuingOrganName,
                })
                .Take(DuplicateCandidates).ToListAsync(cancellationToken);
            var notation = DocumentMetadata.Comparable(m.CodeNotation);
            var organ = DocumentMetadata.Comparable(m.IssuingOrganName);
            foreach (var d in candidates.Where(d => DocumentMetadata.Comparable(d.CodeNumber) == DocumentMetadata.Comparable(codeNumber)
                         && DocumentMetadata.Comparable(d.CodeNotation) == notation
                         && (DocumentMetadata.Comparable(d.IssuingOrganName) == organ || (m.IssuingOrganId is not null && d.IssuingOrganId == m.IssuingOrganId)))
                         .OrderByDescending(d => d.ArrivalAt))
            {
                warnings.Add(new RegistrationWarning("duplicate-number",
                    $"Có thể trùng: văn bản số {d.CodeNumber}/{d.CodeNotation} của {d.IssuingOrganName} đã vào sổ với số đến {d.ArrivalNumber}/{d.Year}.",
                    d.Id, d.ArrivalNumber, d.Year));
            }
        }

        if (draft.Source == IncomingSource.Electronic && draft.Files.Count > 0)
        {
            warnings.AddRange(await SignatureWarningsAsync(draft.Files, cancellationToken));
        }

        var hashes = draft.Files.Select(f => f.Sha256).Distinct().ToList();
        if (hashes.Count == 0)
        {
            warnings.Add(new RegistrationWarning("no-file", NoFileWarning(draft.Source)));
        }
        else
        {
            var same = await (from a in db.Set<IncomingAttachment>().AsNoTracking()
                              join d in db.Set<IncomingDocument>().AsNoTracking() on a.DocumentId equals d.Id
                              where hashes.Contains(a.Sha256) && d.AgencyId == agencyId && d.Status != IncomingStatus.Cancelled
                              orderby d.ArrivalAt descending, d.Id descending
                              select new { d.Id, d.Year, d.ArrivalNumber, a.FileName, d.Metadata.Subject })
                .Take(20).ToListAsync(cancellationToken);
            foreach (var d in same.Where(d => warnings.All(w => w.DocumentId != d.Id)).DistinctBy(d => d.Id))
            {
                warnings.Add(new RegistrationWarning("duplicate-file",
                    $"Có thể trùng: tệp \"{d.FileName}\" có nội dung giống hệt tệp của văn bản số đến {d.ArrivalNumber}/{d.Year} ({d.Subject}).",
                    d.Id, d.ArrivalNumber, d.Year));
            }
        }

        return warnings;
    }

    /// <summary>
    /// An electronic document has legal value only with valid digital signatures (Decree 30 Art. 5): the main file must
    /// be a PDF whose signatures are all valid, and no other PDF may carry a broken one; otherwise the clerk is told why
    /// before registering (regulation 002 Điều 6.2.a). A validly signed one goes straight on.
    /// </summary>
    private async Task<List<RegistrationWarning>> SignatureWarningsAsync(IReadOnlyList<FileToAttach> files, CancellationToken cancellationToken)
    {
        var warnings = new List<RegistrationWarning>();
        var main = files.FirstOrDefault(f => f.IsMain) ?? files[0];
        foreach (var file in files)
        {
            var check = await signatures.CheckAsync(file.FileId, cancellationToken);
            if (file == main && !check.IsValid)
            {
                warnings.Add(new RegistrationWarning("signature", check.Summary == "not-pdf"
                    ? $"Tệp chính \"{file.FileName}\" không phải tệp PDF ký số: văn bản điện tử chưa có chữ ký số để kiểm tra."
                    : $"Chữ ký số của tệp chính \"{file.FileName}\": {check.Text}. Kiểm tra lại với nơi gửi trước khi vào sổ."));
            }
            else if (file != main && check.Summary == "invalid")
            {
                warnings.Add(new RegistrationWarning("signature", $"Chữ ký số của tệp \"{file.FileName}\": {check.Text}."));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Every source of a document brings its file: the clerk scans paper and attaches what came by e-mail (regulation 000
    /// Điều 5.2.c, 003 Điều 5.1), a package from another system carries it. Registering without one is possible (a thick
    /// dossier handed on directly), once confirmed; the file can be added later on the edit page.
    /// </summary>
    private static string NoFileWarning(IncomingSource source) => source switch
    {
        IncomingSource.Email => "Văn bản nhận qua thư điện tử chưa đính kèm tệp: hãy đính kèm tệp văn bản đã nhận (Quy chế Điều 5 khoản 2 điểm c). " +
            "Nếu vẫn vào sổ, bổ sung tệp sau ở trang sửa văn bản.",
        IncomingSource.Electronic => "Văn bản điện tử không kèm tệp văn bản nào: hãy kiểm tra với cơ quan gửi trước khi vào sổ.",
        _ => "Văn bản giấy chưa có bản quét: hãy quét văn bản thành tệp .pdf và đính kèm (Quy chế Điều 5 khoản 2 điểm c). " +
            "Nếu vẫn vào sổ (ví dụ hồ sơ dày chuyển trực tiếp cho đơn vị), bổ sung tệp sau ở trang sửa văn bản.",
    };
}
