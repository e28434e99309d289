using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// Phát hành: a clerk of the document's outgoing register checks its format (symbol, number and date lines, authority
/// prefix, "Nơi nhận"); a failure returns it to the drafter with the list. Otherwise, in one transaction, the next number
/// of the register's series for the year is taken (numbers restart each year; one series for the agency, one per type,
/// normative documents apart), the number and date are written into its layout, it is registered, internal recipients
/// receive it in the agency's "chờ tiếp nhận" list, the incoming documents it answers show "answered by", and a document
/// it replaces is marked replaced. <c>POST /api/v1/documents/outgoing/{id}/issue</c>.
/// </summary>
public sealed class IssueOutgoing(OutgoingHandling handling, OutgoingProcesses processes, OutgoingLayouts layouts, NumberAllocator numbers,
    Organization.Contracts.IOrganizationDirectory organization, Identity.Contracts.IDelegations delegations, Identity.Contracts.IAccessScopes scopes,
    Incoming.IncomingAccessControl incoming, Registers.DecidePending pending, OutgoingDigitalSignatures digital, Dossiers.Contracts.IDossierFiling filing,
    ILogger<IssueOutgoing> logger)
{
    /// <param name="Note">The clerk's note.</param>
    /// <param name="SealCertificateId">For a digitally signed document: the agency's certificate the clerk holds; none: the only one.</param>
    /// <param name="SealPin">The PIN when the agency's key is on a token.</param>
    /// <param name="DossierIds">Work dossiers the issued document is filed into (the clerk must be able to see them), in the same transaction.</param>
    public sealed record Request(string? Note, Guid? SealCertificateId = null, [property: AsTyped] string? SealPin = null, IReadOnlyList<Guid>? DossierIds = null)
        : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (DossierIds?.Count > Incoming.FinishIncoming.MaxDossiers || DossierIds?.Any(d => d == Guid.Empty) == true)
            {
                errors["dossierIds"] = [$"Chọn tối đa {Incoming.FinishIncoming.MaxDossiers} hồ sơ công việc."];
            }

            errors.MaxLength("note", Note, OutgoingDocument.ReasonMaxLength, "Ghi chú");
            errors.MaxLength("sealPin", SealPin, 64, "Mã PIN");
            return errors;
        }
    }

    public sealed record Response(Guid Id, bool Issued, string? CodeText, DateOnly? IssuedDate, IReadOnlyList<FormatProblem> Problems);

    public async Task<Response> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanIssue(viewer).ThrowIfBroken();
        var settings = await processes.SettingsAsync(document.AgencyId, cancellationToken);
        var type = DocumentTypes.Find(document.Metadata.TypeCode)!;
        var today = handling.Today;
        var notation = DocumentNotation.For(type, settings.Abbreviation, document.DraftingUnitCode);
        var problems = await ProblemsAsync(document, settings, notation, today, cancellationToken);
        if (problems.Count > 0)
        {
            document.SendBack(viewer, false, "Thể thức chưa đúng: " + string.Join(" ", problems.Select(p => p.Message)), handling.Now);
            await handling.CommitAsync(document, viewer.Self, "documents.outgoing.format-returned",
                $"Trả lại {OutgoingHandling.Title(document)} vì sai thể thức ({problems.Count} lỗi).", cancellationToken);
            return new Response(document.Id, false, null, null, problems);
        }

        var series = document.IsNormative ? NumberSeries.Normative : settings.NumberPerType ? NumberSeries.ForType(type.Code) : NumberSeries.Main;
        var replies = await handling.Db.Set<IncomingReply>().Where(r => r.OutgoingId == document.Id).ToListAsync(cancellationToken);
        var replaced = document.ReplacesId is { } r0 ? await handling.Db.Set<OutgoingDocument>().FirstOrDefaultAsync(d => d.Id == r0, cancellationToken) : null;
        var files = await FilesAsync(document, cancellationToken);
        var now = handling.Now;
        await handling.UnitOfWork.CommitAsync(async ct =>
        {
            var number = await numbers.NextAsync(document.RegisterId, today.Year, series, ct);
            document.Issue(viewer, today.Year, number, series.Key, notation, today, now);
            await layouts.RenderAsync(document, ct);
            if (document.SignedDigitally)
            {
                var issuer = (await layouts.LayoutOfAsync(document, ct)).IssuerName;
                var (main, annexes, code) = await digital.SealAsync(document, issuer, request.SealCertificateId, request.SealPin, ct);
                document.RecordIssuedFiles(main, annexes, code);
                files = await StoredAsync([main.FileId, .. annexes.Select(a => a.FileId)], ct);
            }

            Deliver(document, viewer.Self, files, now);
            foreach (var reply in replies)
            {
                reply.MarkAnswered(document.CodeText, now);
            }

            replaced?.ReplacedBy(document.Id, document.CodeText, viewer.Self, now);
            if (request.DossierIds is { Count: > 0 } dossiers)
            {
                var reference = DocumentAccess.Of(document);
                await filing.FileAsync(new Dossiers.Contracts.FiledItem(Dossiers.Contracts.FiledItemKinds.Outgoing, document.Id, reference.Title, reference.Code,
                    reference.Date), dossiers, ct);
            }

            return document;
        }, d => handling.Audit(d, viewer.Self, "documents.outgoing.issue",
            $"Cấp số {d.CodeText} ngày {VietnamTime.FormatDate(today)}, phát hành: {d.Metadata.Subject}"), cancellationToken, OutgoingHandling.ConflictMessage);
        if (settings.DeliverInternallyDirectly)
        {
            await DeliverDirectlyAsync(document, cancellationToken);
        }

        return new Response(document.Id, true, document.CodeText, document.Metadata.IssuedDate, []);
    }

    /// <summary>
    /// Direct internal delivery (the agency's setting): once issued, each internal copy is registered at once in an
    /// incoming register the issuing clerk keeps — the recipient unit's own, else the agency's — as an electronic
    /// arrival, and then follows the incoming route like any other. Each registration is its own transaction after the
    /// issue: one that cannot be made (no such register, a rule) leaves its copy in "chờ tiếp nhận", where a clerk takes
    /// it in as usual; nothing is lost.
    /// </summary>
    private async Task DeliverDirectlyAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var clerk = await incoming.ViewerAsync(cancellationToken);
        var kept = await handling.Db.Set<Register>().AsNoTracking()
            .Where(r => clerk.KeptRegisters.Contains(r.Id) && r.Kind == RegisterKind.Incoming && r.IsActive).ToListAsync(cancellationToken);
        foreach (var recipient in document.Recipients.Where(r => r.Channel == DeliveryChannel.Internal && r.State == DeliveryState.Sent && r.DeliveredAsId is not null).ToList())
        {
            var register = kept.FirstOrDefault(r => r.UnitId is not null && r.UnitId == recipient.UnitId) ?? kept.FirstOrDefault(r => r.UnitId is null);
            if (register is null)
            {
                continue;
            }

            try
            {
                var outcome = await pending.RegisterAsync(recipient.DeliveredAsId!.Value,
                    new Registers.DecidePending.RegisterRequest { RegisterId = register.Id, ConfirmWarnings = true }, cancellationToken);
                if (outcome.Registered is { } registered)
                {
                    document.RecordSending(clerk.Self, recipient.Id, DeliveryState.Received, registered.Id,
                        $"Vào sổ {register.Name} số đến {registered.ArrivalNumber}/{registered.Year}.", handling.Now);
                    await handling.CommitAsync(document, clerk.Self, "documents.outgoing.deliver",
                        $"Chuyển trực tiếp {document.CodeText} đến {recipient.Name}: số đến {registered.ArrivalNumber}/{registered.Year}.", cancellationToken);
                }
            }
            catch (RuleException e)
            {
                logger.LogWarning("Direct delivery of {Document} to {Recipient} left in the pending list: {Reason}", document.Id, recipient.Name, e.Message);
            }
        }
    }

    /// <summary>The format problems the clerk's check finds, before any number is taken.</summary>
    public async Task<IReadOnlyList<FormatProblem>> ProblemsAsync(OutgoingDocument document, OutgoingSettings settings, string notation, DateOnly date,
        CancellationToken cancellationToken)
    {
        var positions = await organization.PositionsOfAgencyAsync(document.AgencyId, cancellationToken);
        var head = positions.Where(p => p.IsLeadership && p.IsActive).OrderBy(p => p.Rank).FirstOrDefault()?.Name;
        var position = document.Metadata.SignerPosition ?? "";
        var standing = document.Authority == SigningAuthority.Acting ? SignerStanding.ActingHead
            : string.Equals(position, head, StringComparison.OrdinalIgnoreCase) ? SignerStanding.Head
            : position.StartsWith("Phó ", StringComparison.OrdinalIgnoreCase) ? SignerStanding.Deputy
            : SignerStanding.Other;
        var place = settings.Place.Length == 0 ? "……" : settings.Place;
        var (authorised, from, until) = await AuthorisationAsync(document, standing, cancellationToken);
        return OutgoingFormatCheck.Check(new FormatCheckInput
        {
            TypeCode = document.Metadata.TypeCode,
            CodeNotation = notation,
            AgencyAbbreviation = settings.Abbreviation,
            DraftingUnitCode = document.DraftingUnitCode,
            Number = null,
            NumberLine = OfficialDateLine.NumberLine(null, notation),
            Place = place,
            Date = date,
            DateLine = OfficialDateLine.Of(place, date, date.Year),
            SigningAuthority = document.Authority,
            SignerPosition = document.Metadata.SignerPosition,
            SignerStanding = standing,
            IssuerIsCollective = false,
            HasSigningAuthorisation = authorised,
            AuthorisationFrom = from,
            AuthorisationUntil = until,
            SigningDate = date,
            RecipientLines = document.RecipientLines,
            HasAddressees = document.Addressees.Count > 0,
            AddresseeLines = document.Addressees,
            Subject = document.Metadata.Subject,
        });
    }

    /// <summary>
    /// Whether someone other than the head and their deputies may sign: TL. (thừa lệnh, Decree 30 Art. 13.4) is given by
    /// the agency's regulation to the heads of its units, so the signer must lead a unit; TUQ. (thừa ủy quyền, Art. 13.3)
    /// needs a written authorisation limited in time, which eOffice holds as a delegation from an agency leader with the
    /// right to approve outgoing documents — its first and last days are the authorisation's.
    /// </summary>
    private async Task<(bool Authorised, DateOnly? From, DateOnly? Until)> AuthorisationAsync(OutgoingDocument document, SignerStanding standing,
        CancellationToken cancellationToken)
    {
        if (standing != SignerStanding.Other || document.SignerId is not { } signer)
        {
            return (false, null, null);
        }

        if (document.Authority == SigningAuthority.ByOrder)
        {
            var leads = await scopes.UnitsWherePermittedAsync(signer, DocumentsPermissions.DistributeIncoming, cancellationToken);
            return (leads is null or { Count: > 0 }, null, null);
        }

        var leaders = (await scopes.HoldersOfRoleAsync(document.AgencyId, Identity.Contracts.DefaultRoles.AgencyLeader, cancellationToken)).Select(g => g.UserId).ToHashSet();
        var authorisation = (await delegations.ActingForAsync(signer, cancellationToken))
            .Where(d => leaders.Contains(d.DelegatorId) && d.Rights.Contains(DocumentsPermissions.Delegable.ApproveOutgoing))
            .OrderByDescending(d => d.EndsOn).FirstOrDefault();
        return authorisation is null ? (false, null, null) : (true, authorisation.StartsOn, authorisation.EndsOn);
    }

    private Task<List<StoredFile>> FilesAsync(OutgoingDocument document, CancellationToken cancellationToken) =>
        StoredAsync([.. new[] { document.SignedFileId }.Concat(document.CurrentVersion.Annexes.Select(a => (Guid?)a.FileId)).OfType<Guid>()], cancellationToken);

    /// <summary>The files in this order; staged ones (the sealed files of this issuance) are found among the tracked rows.</summary>
    private async Task<List<StoredFile>> StoredAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var staged = handling.Db.ChangeTracker.Entries<StoredFile>().Select(e => e.Entity).Where(f => ids.Contains(f.Id)).ToList();
        var stored = await handling.Db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        return [.. ids.Select(i => staged.FirstOrDefault(f => f.Id == i) ?? stored.First(f => f.Id == i))];
    }

    /// <summary>Internal recipients receive the issued document in the agency's "chờ tiếp nhận" list, with the signed copy and annexes.</summary>
    private void Deliver(OutgoingDocument document, Actor clerk, IReadOnlyList<StoredFile> files, DateTime now)
    {
        foreach (var recipient in document.Recipients.Where(r => r.Channel == DeliveryChannel.Internal && r.State == DeliveryState.NotSent).ToList())
        {
            var metadata = document.Metadata with
            {
                Description = DocumentMetadata.Clean($"Văn bản nội bộ gửi {recipient.Name}."),
            };
            var arrival = new PendingIncoming(document.AgencyId, $"outgoing:{document.Id:N}:{recipient.Id:N}", metadata, Confidentiality.None, now);
            foreach (var (file, i) in files.Select((f, i) => (f, i)))
            {
                arrival.AddFile(file.Id, file.Sha256, file.FileName, i == 0);
            }

            handling.Db.Add(arrival);
            document.RecordSending(clerk, recipient.Id, DeliveryState.Sent, arrival.Id, "Chờ văn thư tiếp nhận vào sổ văn bản đến.", now);
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/outgoing/{id:guid}/issue", async Task<Ok<Response>> (Guid id, Request request, IssueOutgoing handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.IssueOutgoing))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("IssueOutgoing")
            .WithSummary("Kiểm tra thể thức, cấp số, vào sổ và phát hành văn bản đi.");
}
