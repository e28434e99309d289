using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents;

/// <summary>
/// Intents shared by the outgoing-document tests that are about what comes after the chain (books, reports, lists):
/// outgoing registers of the demo agency, and documents taken through the aggregate — drafted, submitted to the unit
/// head, approved to the director, signed on paper, issued by the register's clerk, recalled — with the demo people
/// (<see cref="IncomingTestKit"/>): by default cxtruong drafts, pvhung (his head) approves, nvan signs, dtmai issues.
/// Unlike <see cref="Outgoing.OutgoingKit"/>, which drives the API as people do today, it can date a draft or an issue
/// in the past (a book's period, a report's). Who may do what, and the endpoints of those actions, are the subject of
/// the outgoing tests.
/// </summary>
internal static class OutgoingTestKit
{
    /// <summary>
    /// The demo agency's outgoing register of this name (of the unit named, or the agency's own), kept by
    /// <paramref name="keeper"/>; created the first time it is asked for. A test that needs a register of its own names it.
    /// </summary>
    public static Task<Guid> OutgoingRegisterAsync(this EofficeApp app, string name = SeedDemoOutgoing.AgencyRegisterName, string? unitName = null, string keeper = "dtmai") =>
        app.WithDbAsync(async db =>
        {
            var clerk = await db.Set<User>().SingleAsync(u => u.UserName == keeper);
            if (await db.Set<Register>().FirstOrDefaultAsync(r => r.Name == name && r.AgencyId == clerk.AgencyId && r.Kind == RegisterKind.Outgoing) is { } existing)
            {
                return existing.Id;
            }

            Guid? unitId = unitName is null ? null : await db.Set<Unit>().Where(u => u.Name == unitName && u.AgencyId == clerk.AgencyId).Select(u => u.Id).SingleAsync();
            var register = new Register(clerk.AgencyId!.Value, unitId, RegisterKind.Outgoing, name, null, DateTime.UtcNow);
            db.Add(register);
            db.Add(new RegisterKeeper(register.Id, clerk.Id));
            await db.SaveChangesAsync();
            return register.Id;
        });

    /// <summary>A demo person as the outgoing rules see them (their unit, the outgoing registers they keep).</summary>
    public static Task<OutgoingViewer> OutgoingPartyAsync(this EofficeApp app, string userName) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Set<User>().SingleAsync(u => u.UserName == userName);
            var kept = await db.Set<RegisterKeeper>().Where(k => k.UserId == user.Id).Select(k => k.RegisterId).ToListAsync();
            return new OutgoingViewer(user.Id, user.FullName, user.AgencyId!.Value, user.UnitId, new HashSet<Guid>(), kept.ToHashSet(), []);
        });

    /// <summary>
    /// A draft (Đang soạn) by <paramref name="drafter"/> of their unit in the register (default: the agency's), created at
    /// <paramref name="at"/> (default: now), signed for by nvan.
    /// </summary>
    public static async Task<Guid> DraftOutgoingAsync(
        this EofficeApp app,
        string subject,
        string drafter = "cxtruong",
        Guid? registerId = null,
        DateTime? at = null,
        int copies = 3,
        IReadOnlyList<string>? recipientLines = null,
        IReadOnlyList<string>? addressees = null,
        IReadOnlyList<RecipientSpec>? recipients = null,
        string typeCode = DocumentTypes.OfficialLetterCode,
        string? description = null,
        Guid? replaces = null,
        Guid? corrects = null)
    {
        var register = registerId ?? await app.OutgoingRegisterAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var now = at ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var user = await db.Set<User>().SingleAsync(u => u.UserName == drafter);
        var unit = await db.Set<Unit>().SingleAsync(u => u.Id == user.UnitId);
        var signer = await db.Set<User>().SingleAsync(u => u.UserName == "nvan");
        var agency = await db.Set<Agency>().SingleAsync(a => a.Id == user.AgencyId);
        var processes = scope.ServiceProvider.GetRequiredService<OutgoingProcesses>();
        var process = await processes.ForTypeAsync(agency.Id, typeCode, default);
        var metadata = DocumentMetadata.Create(new DocumentMetadataInput
        {
            TypeCode = typeCode, IssuingOrganName = agency.FullName, Subject = subject, PageAmount = 1, Description = description,
            SignerPosition = DemoAgency.Positions.Director, SignerFullName = signer.FullName, Urgency = UrgencyNames.Code(Urgency.Normal),
        });
        var lines = (recipientLines ?? ["Như trên;", "UBND tỉnh (để b/c);"]).Append($"Lưu: VT, {unit.Code ?? "VP"}.").ToList();
        var content = new OutgoingContent(metadata, SigningAuthority.None, signer.Id, copies, false, lines, addressees ?? ["Sở Tài chính tỉnh Ninh Bình"],
            recipients ?? []);
        var document = OutgoingDocument.Create(await db.Set<Register>().SingleAsync(r => r.Id == register), unit.Id, unit.Name, unit.Code,
            await db.Set<OutgoingProcess>().SingleAsync(p => p.Id == process.Id), new Actor(user.Id, user.FullName), content, null, [], replaces, corrects, now);
        db.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    /// <summary>Loads the document with its children in a scope, lets <paramref name="act"/> change it through the aggregate and saves.</summary>
    public static async Task ActOnOutgoingAsync(this EofficeApp app, Guid documentId, Func<OutgoingDocument, EofficeDbContext, IServiceProvider, Task> act)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var document = await db.Set<OutgoingDocument>()
            .Include(d => d.Assignments).Include(d => d.Versions).Include(d => d.Recipients).Include(d => d.Events).Include(d => d.Access)
            .AsSplitQuery().SingleAsync(d => d.Id == documentId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await act(document, db, scope.ServiceProvider);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Trình: the drafter submits the draft to <paramref name="head"/>, the leader of their unit (Đang trình duyệt).</summary>
    public static async Task SubmitOutgoingAsync(this EofficeApp app, Guid documentId, string drafter = "cxtruong", string head = "pvhung", DateTime? at = null)
    {
        var party = await app.OutgoingPartyAsync(drafter);
        var holder = await app.OutgoingPartyAsync(head);
        await app.ActOnOutgoingAsync(documentId, (d, _, services) =>
        {
            d.Submit(party, AssignmentTarget.Person(holder.UserId, holder.Name, AssignmentRole.Direct), null, "Kính trình lãnh đạo phòng.", Now(services, at));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The head approves the submitted draft to the director past the legal review (which may be skipped), who signs it on
    /// paper with a scanned copy (Chờ phát hành).
    /// </summary>
    public static async Task SignOutgoingAsync(this EofficeApp app, Guid documentId, string head = "pvhung", string signer = "nvan", DateTime? at = null)
    {
        var headParty = await app.OutgoingPartyAsync(head);
        var signerParty = await app.OutgoingPartyAsync(signer);
        var scan = await app.WithServiceAsync<FileStore, StoredFile>(store => store.SaveAsync(new MemoryStream(FileStoreClient.Pdf(2_000)), "ban-ky.pdf", "application/pdf"));
        await app.ActOnOutgoingAsync(documentId, (d, _, services) =>
        {
            var now = Now(services, at);
            d.Approve(headParty, AssignmentTarget.Person(signerParty.UserId, signerParty.Name, AssignmentRole.Direct), 4, null, "Kính trình Giám đốc ký.", now);
            d.SignOnPaper(signerParty, new VersionFile(scan.Id, scan.FileName), null, now);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Phát hành: the register's clerk gives the next number of the register's series for the year of
    /// <paramref name="issuedOn"/> (in the same transaction, as the use case does) and that date, and marks the document it
    /// replaces; returns "số/ký hiệu".
    /// </summary>
    public static async Task<string> IssueOutgoingAsync(this EofficeApp app, Guid documentId, DateOnly issuedOn, string clerk = "dtmai", DateTime? at = null)
    {
        var party = await app.OutgoingPartyAsync(clerk);
        var code = "";
        await app.ActOnOutgoingAsync(documentId, async (d, db, services) =>
        {
            var settings = await services.GetRequiredService<OutgoingProcesses>().SettingsAsync(d.AgencyId, default);
            var notation = DocumentNotation.For(DocumentTypes.Find(d.Metadata.TypeCode)!, settings.Abbreviation, d.DraftingUnitCode);
            var series = d.IsNormative ? NumberSeries.Normative : NumberSeries.Main;
            var number = await services.GetRequiredService<NumberAllocator>().NextAsync(d.RegisterId, issuedOn.Year, series, default);
            d.Issue(party, issuedOn.Year, number, series.Key, notation, issuedOn, Now(services, at));
            code = d.CodeText;
            if (d.ReplacesId is { } replaced)
            {
                (await db.Set<OutgoingDocument>().SingleAsync(o => o.Id == replaced)).ReplacedBy(d.Id, d.CodeText, party.Self, Now(services, at));
            }
        });
        return code;
    }

    /// <summary>Drafted, submitted, signed and issued on <paramref name="issuedOn"/> (Đã phát hành); returns its id and "số/ký hiệu".</summary>
    public static async Task<(Guid Id, string Code)> IssuedOutgoingAsync(
        this EofficeApp app,
        string subject,
        DateOnly issuedOn,
        string drafter = "cxtruong",
        string head = "pvhung",
        Guid? registerId = null,
        int copies = 3,
        IReadOnlyList<string>? recipientLines = null,
        string? description = null,
        Guid? replaces = null,
        Guid? corrects = null)
    {
        var id = await app.DraftOutgoingAsync(subject, drafter, registerId, copies: copies, recipientLines: recipientLines, description: description,
            replaces: replaces, corrects: corrects);
        await app.SubmitOutgoingAsync(id, drafter, head);
        await app.SignOutgoingAsync(id, head);
        return (id, await app.IssueOutgoingAsync(id, issuedOn));
    }

    /// <summary>Thu hồi: the register's clerk recalls an issued document (Đã thu hồi).</summary>
    public static async Task WithdrawOutgoingAsync(this EofficeApp app, Guid documentId, string reason, string clerk = "dtmai")
    {
        var party = await app.OutgoingPartyAsync(clerk);
        await app.ActOnOutgoingAsync(documentId, (d, _, services) =>
        {
            d.Withdraw(party, reason, Now(services, null));
            return Task.CompletedTask;
        });
    }

    /// <summary>Phát hành bản giấy: the clerk records the paper copies stamped on a day.</summary>
    public static async Task RecordPaperCopiesAsync(this EofficeApp app, Guid documentId, int copies, DateOnly on, string clerk = "dtmai")
    {
        var party = await app.OutgoingPartyAsync(clerk);
        await app.ActOnOutgoingAsync(documentId, (d, _, services) =>
        {
            d.RecordPaperIssuance(party, copies, on, null, Now(services, null));
            return Task.CompletedTask;
        });
    }

    /// <summary>Hủy dự thảo: the drafter abandons the draft (Đã hủy).</summary>
    public static async Task CancelOutgoingAsync(this EofficeApp app, Guid documentId, string reason, string drafter = "cxtruong", DateTime? at = null)
    {
        var party = await app.OutgoingPartyAsync(drafter);
        await app.ActOnOutgoingAsync(documentId, (d, _, services) =>
        {
            d.Cancel(party, reason, Now(services, at));
            return Task.CompletedTask;
        });
    }

    private static DateTime Now(IServiceProvider services, DateTime? at) => at ?? services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
