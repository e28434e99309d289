using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>One recipient as typed: a unit or person of the agency (by id), or another agency (by name, with its code when known).</summary>
public sealed class RecipientInput
{
    /// <summary><c>unit</c>, <c>person</c> or <c>organ</c>.</summary>
    public string? Kind { get; set; }

    public Guid? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Mã định danh of another agency.</summary>
    public string? OrganCode { get; set; }

    /// <summary><c>internal</c>, <c>exchange</c>, <c>email</c> or <c>post</c>; internal recipients are always <c>internal</c>.</summary>
    public string? Channel { get; set; }
}

/// <summary>
/// The fields of a draft as the drafter (or a reviewer editing directly) sends them: the metadata, the outgoing fields
/// of Phụ lục VI Phần II.I, the recipients, the files. Secret documents (Mật and above) are refused: they are never
/// handled in eOffice.
/// </summary>
public sealed class OutgoingInput : IValidatableRequest
{
    public DocumentMetadataInput Document { get; set; } = new();

    /// <summary><c>none</c>, <c>tm</c>, <c>q</c>, <c>kt</c>, <c>tl</c>, <c>tuq</c>.</summary>
    public string? SigningAuthority { get; set; }

    /// <summary>The agency leader who is to sign.</summary>
    public Guid? SignerId { get; set; }

    /// <summary><c>none</c> (thường); any other level is refused.</summary>
    public string? Confidentiality { get; set; }

    public int? Copies { get; set; }

    public bool IsNormative { get; set; }

    /// <summary>"Nơi nhận" lines as printed, one per line; the last "Lưu: VT, …" is added when missing.</summary>
    public string? RecipientLines { get; set; }

    /// <summary>"Kính gửi" lines of a công văn, one per line.</summary>
    public string? Addressees { get; set; }

    public List<RecipientInput> Recipients { get; set; } = [];

    /// <summary>The editable main file (.docx), uploaded first through the files API.</summary>
    public Guid? MainFileId { get; set; }

    public List<Guid> AnnexFileIds { get; set; } = [];

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var document = Document ?? new DocumentMetadataInput();
        document.IssuingOrganName ??= "-"; // the agency itself: filled by the handler
        DocumentMetadata.Validate(document, errors);
        errors.Remove("document.codeNumber");
        errors.Remove("document.codeNotation");
        if (DocumentTypes.Find(document.TypeCode?.Trim()) is { IsCopy: true })
        {
            errors["document.typeCode"] = ["Bản sao được lập từ văn bản đã phát hành, không soạn như dự thảo."];
        }

        if (Domain.SigningAuthorities.Parse(SigningAuthority) is null)
        {
            errors["signingAuthority"] = ["Quyền hạn ký không hợp lệ: chọn TM., Q., KT., TL., TUQ. hoặc không có."];
        }

        if (!string.IsNullOrWhiteSpace(Confidentiality) && Confidentiality.Trim().ToLowerInvariant() is not ("none" or "thường" or "0"))
        {
            errors["confidentiality"] = ["Văn bản mật không được xử lý trên hệ thống văn phòng điện tử (Nghị định 30/2020, Điều 22.5)."];
        }

        if (Copies is < 1 or > OutgoingContent.MaxCopies)
        {
            errors["copies"] = [$"Số lượng bản phát hành từ 1 đến {OutgoingContent.MaxCopies}."];
        }

        Lines("recipientLines", RecipientLines, "Nơi nhận", errors);
        Lines("addressees", Addressees, "Kính gửi", errors);
        if (Recipients.Count > OutgoingContent.MaxRecipients)
        {
            errors["recipients"] = [$"Tối đa {OutgoingContent.MaxRecipients} nơi nhận."];
        }

        for (var i = 0; i < Recipients.Count; i++)
        {
            var r = Recipients[i];
            var kind = r.Kind?.Trim().ToLowerInvariant();
            if (kind is not ("unit" or "person" or "organ"))
            {
                errors[$"recipients[{i}].kind"] = ["Chọn loại nơi nhận: đơn vị, cá nhân hoặc cơ quan khác."];
            }
            else if (kind != "organ" && r.Id is null)
            {
                errors[$"recipients[{i}].id"] = ["Vui lòng chọn đơn vị hoặc cá nhân nhận."];
            }
            else if (kind == "organ" && string.IsNullOrWhiteSpace(r.Name))
            {
                errors[$"recipients[{i}].name"] = ["Vui lòng nhập tên cơ quan nhận."];
            }

            if (r.Name is { Length: > OutgoingRecipient.NameMaxLength })
            {
                errors[$"recipients[{i}].name"] = [$"Tên nơi nhận dài tối đa {OutgoingRecipient.NameMaxLength} ký tự."];
            }

            if (!string.IsNullOrWhiteSpace(r.OrganCode) && !AgencyCode.IsValid(r.OrganCode.Trim(), out var codeError))
            {
                errors[$"recipients[{i}].organCode"] = [codeError];
            }

            if (ParseChannel(r.Channel) is null)
            {
                errors[$"recipients[{i}].channel"] = ["Hình thức gửi không hợp lệ: liên thông, thư điện tử hoặc bưu điện."];
            }
        }

        if (AnnexFileIds.Count > 50)
        {
            errors["annexFileIds"] = ["Tối đa 50 phụ lục."];
        }

        return errors;
    }

    public static DeliveryChannel? ParseChannel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "internal" => DeliveryChannel.Internal,
        "exchange" or "lien-thong" => DeliveryChannel.Exchange,
        "email" => DeliveryChannel.Email,
        "post" or "buu-dien" => DeliveryChannel.Post,
        _ => null,
    };

    public static IReadOnlyList<string> SplitLines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => DocumentMetadata.Clean(l.TrimEnd('\r'))).OfType<string>()];

    private static void Lines(string field, string? text, string label, Dictionary<string, string[]> errors)
    {
        var lines = SplitLines(text);
        if (lines.Count > OutgoingContent.MaxLines || lines.Any(l => l.Length > OutgoingContent.LineMaxLength))
        {
            errors[field] = [$"{label}: tối đa {OutgoingContent.MaxLines} dòng, mỗi dòng tối đa {OutgoingContent.LineMaxLength} ký tự."];
        }
    }

    /// <summary>An input prefilled from a document's current content (to edit it).</summary>
    public static OutgoingInput From(OutgoingDocument d) => new()
    {
        Document = d.Metadata.ToInput(),
        SigningAuthority = Domain.SigningAuthorities.Code(d.Authority),
        SignerId = d.SignerId,
        Copies = d.Copies,
        IsNormative = d.IsNormative,
        RecipientLines = string.Join("\n", d.RecipientLines),
        Addressees = string.Join("\n", d.Addressees),
        Recipients = [.. d.Recipients.Select(r => new RecipientInput
        {
            Kind = r.Kind.ToString().ToLowerInvariant(), Id = r.UnitId ?? r.UserId, Name = r.Name, OrganCode = r.OrganCode,
            Channel = r.Channel.ToString().ToLowerInvariant(),
        })],
        MainFileId = d.CurrentVersion.MainFileId,
        AnnexFileIds = [.. d.CurrentVersion.Annexes.Select(a => a.FileId)],
    };
}

/// <summary>
/// Turns a valid <see cref="OutgoingInput"/> into the content of a draft: the agency as issuing organ, the signer's name
/// and position from the staff directory, internal recipients checked against the agency's units and people, the
/// "Lưu: VT, …" line added when the drafter left it out, the files checked to be the person's own uploads.
/// </summary>
public sealed class OutgoingContentBuilder(IOrganizationDirectory organization, IPeopleDirectory people, OutgoingHandling handling,
    Platform.TextExtraction.IFileTexts fileTexts)
{
    public async Task<(OutgoingContent Content, VersionFile? Main, IReadOnlyList<VersionFile> Annexes)> BuildAsync(OutgoingInput input, Guid agencyId,
        string? unitCode, Guid actorId, IReadOnlyCollection<Guid> filesOnDocument, CancellationToken cancellationToken)
    {
        var agency = await organization.FindAgencyAsync(agencyId, cancellationToken) ?? throw RuleException.NotFound();
        var document = input.Document;
        document.IssuingOrganName = agency.FullName;
        document.IssuingOrganId = agency.Code;
        document.CodeNumber = null;
        document.CodeNotation = null;
        document.IssuedDate = null;
        document.RequestsComments = false;
        if (input.SignerId is { } signerId)
        {
            var signer = await people.FindPersonAsync(signerId, cancellationToken);
            if (signer is null || signer.AgencyId != agencyId || !signer.IsActive)
            {
                throw RuleException.Invalid("Người ký không thuộc cơ quan.", "signerId");
            }

            document.SignerFullName = signer.FullName;
            if (string.IsNullOrWhiteSpace(document.SignerPosition) && signer.PositionId is { } position)
            {
                document.SignerPosition = (await organization.FindPositionAsync(position, cancellationToken))?.Name;
            }
        }

        var metadata = DocumentMetadata.Create(document);
        var units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(u => u.Id);
        var recipients = new List<RecipientSpec>();
        for (var i = 0; i < input.Recipients.Count; i++)
        {
            var r = input.Recipients[i];
            switch (r.Kind!.Trim().ToLowerInvariant())
            {
                case "unit":
                    var unit = units.GetValueOrDefault(r.Id!.Value) is { IsActive: true } u ? u : throw RuleException.Invalid("Đơn vị nhận không thuộc cơ quan.", $"recipients[{i}].id");
                    recipients.Add(new RecipientSpec(RecipientKind.Unit, unit.Id, null, null, unit.Name, DeliveryChannel.Internal));
                    break;
                case "person":
                    var person = await people.FindPersonAsync(r.Id!.Value, cancellationToken);
                    if (person is null || person.AgencyId != agencyId || !person.IsActive)
                    {
                        throw RuleException.Invalid("Người nhận không thuộc cơ quan.", $"recipients[{i}].id");
                    }

                    recipients.Add(new RecipientSpec(RecipientKind.Person, person.UnitId, person.Id, null, person.FullName, DeliveryChannel.Internal));
                    break;
                default:
                    var channel = OutgoingInput.ParseChannel(r.Channel)!.Value;
                    recipients.Add(new RecipientSpec(RecipientKind.Organ, null, null, DocumentMetadata.Clean(r.OrganCode), DocumentMetadata.Clean(r.Name)!,
                        channel == DeliveryChannel.Internal ? DeliveryChannel.Exchange : channel));
                    break;
            }
        }

        var lines = OutgoingInput.SplitLines(input.RecipientLines).ToList();
        if (!lines.Any(l => l.StartsWith("Lưu:", StringComparison.Ordinal)))
        {
            lines.Add(unitCode is null ? "Lưu: VT." : $"Lưu: VT, {unitCode}.");
        }

        var content = new OutgoingContent(metadata, Domain.SigningAuthorities.Parse(input.SigningAuthority)!.Value, input.SignerId, input.Copies ?? 1,
            input.IsNormative, lines, OutgoingInput.SplitLines(input.Addressees), recipients);
        var main = input.MainFileId is { } m ? await handling.OwnFileAsync(m, actorId, filesOnDocument, "mainFileId", cancellationToken) : null;
        var annexes = new List<VersionFile>();
        foreach (var id in input.AnnexFileIds.Distinct())
        {
            annexes.Add(await handling.OwnFileAsync(id, actorId, filesOnDocument, "annexFileIds", cancellationToken));
        }

        // The text of the document's files, for search (committed with the draft; asking again changes nothing).
        foreach (var file in annexes.Prepend(main).OfType<VersionFile>())
        {
            await fileTexts.RequestAsync(file.FileId, cancellationToken);
        }

        return (content, main, annexes);
    }
}
