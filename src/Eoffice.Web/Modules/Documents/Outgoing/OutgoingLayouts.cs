using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Conversion;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// The document in its Decree 30 layout: built from the metadata, the agency's settings and the drafter's file with the
/// template of its type, saved to the file store with the version (staged: committed with the change), and queued for
/// its PDF view. Before issuance the number and the day are left blank; at issuance they are written in.
/// </summary>
public sealed class OutgoingLayouts(OutgoingProcesses processes, IOrganizationDirectory organization, OutgoingTemplates templates,
    OfficialLayoutWriter writer, FileStore files, PdfRenditions renditions)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<OfficialLayout> LayoutOfAsync(OutgoingDocument d, CancellationToken cancellationToken)
    {
        var settings = await processes.SettingsAsync(d.AgencyId, cancellationToken);
        var agency = await organization.FindAgencyAsync(d.AgencyId, cancellationToken);
        var type = DocumentTypes.Find(d.Metadata.TypeCode)!;
        var notation = d.Metadata.CodeNotation ?? DocumentNotation.For(type, settings.Abbreviation, d.DraftingUnitCode);
        var year = d.Metadata.IssuedDate?.Year ?? DateTime.UtcNow.Year;
        var position = d.Metadata.SignerPosition ?? "";
        var head = await HeadPositionAsync(d.AgencyId, cancellationToken);
        var issuer = settings.IssuerName ?? agency?.FullName ?? d.Metadata.IssuingOrganName;
        var authorityLine = d.Authority switch
        {
            SigningAuthority.None => null,
            SigningAuthority.OnBehalfOf => $"TM. {issuer.ToUpperInvariant()}",
            SigningAuthority.ForHead => $"KT. {HeadOf(position, head).ToUpperInvariant()}",
            SigningAuthority.Acting => null,
            _ => $"{SigningAuthorities.Prefix(d.Authority)} {head.ToUpperInvariant()}",
        };
        var positionLine = d.Authority == SigningAuthority.Acting ? $"Q. {HeadOf(position, head).ToUpperInvariant()}" : position.ToUpperInvariant();
        return new OfficialLayout(
            settings.SuperiorName,
            issuer.ToUpperInvariant(),
            OfficialDateLine.NumberLine(d.Number, notation),
            OfficialDateLine.Of(settings.Place.Length == 0 ? "……" : settings.Place, d.Metadata.IssuedDate, year),
            type.Code,
            type.Name,
            d.Metadata.Subject,
            d.Metadata.Urgency == Urgency.Normal ? null : UrgencyNames.Name(d.Metadata.Urgency).ToUpperInvariant(),
            d.Addressees,
            authorityLine,
            positionLine,
            d.Metadata.SignerFullName ?? "",
            d.RecipientLines,
            // Signed on paper until digital signing: the space stays blank in the draft and its PDF view.
            SignaturePlaceholder: null);
    }

    /// <summary>Writes the layout of the current version, stages it in the file store, sets it on the version and asks for its PDF.</summary>
    public async Task<Guid> RenderAsync(OutgoingDocument d, CancellationToken cancellationToken)
    {
        var layout = await LayoutOfAsync(d, cancellationToken);
        var version = d.CurrentVersion;
        await using var template = await templates.ForTypeAsync(d.AgencyId, d.Metadata.TypeCode, cancellationToken);
        byte[] bytes;
        if (version.MainFileId is { } main && version.MainFileName?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true)
        {
            await using var opened = await files.OpenReadAsSystemAsync(main, cancellationToken);
            using var body = new MemoryStream();
            await opened.Content.CopyToAsync(body, cancellationToken);
            body.Position = 0;
            bytes = writer.Write(layout, body, template);
        }
        else
        {
            bytes = writer.Write(layout, null, template);
        }

        var name = d.Number is null ? $"du-thao-v{version.Number}.docx" : $"{d.Metadata.CodeNumber}-{d.Metadata.CodeNotation}.docx".Replace('/', '-');
        var stored = await files.StageAsync(new MemoryStream(bytes), name, DocxContentType, cancellationToken);
        version.SetLayout(stored.Id);
        await renditions.RequestAsync(stored.Id, cancellationToken);
        return stored.Id;
    }

    /// <summary>The head's title for a deputy's: "Phó Giám đốc" → "Giám đốc"; else the agency's top leadership position.</summary>
    private static string HeadOf(string position, string head) =>
        position.StartsWith("Phó ", StringComparison.OrdinalIgnoreCase) ? char.ToUpperInvariant(position[4]) + position[5..] : head;

    private async Task<string> HeadPositionAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await organization.PositionsOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsLeadership && p.IsActive).OrderBy(p => p.Rank)
        .Select(p => p.Name).FirstOrDefault() ?? "Thủ trưởng cơ quan";
}
