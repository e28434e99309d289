using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Admin;

/// <summary>
/// Cấu hình văn bản đi: what the agency's documents print above the number (the superior body, the issuer's name, the
/// place of the date line), its abbreviation in symbols, how numbers run, the units that review (legal, office) and how
/// internal recipients receive issued documents. <c>GET/PUT /api/v1/documents/outgoing-settings</c> and the page
/// /quan-tri/cau-hinh-van-ban-di. Changes are audited.
/// </summary>
public sealed class OutgoingSettingsAdmin(EofficeDbContext db, OutgoingProcesses processes, IOrganizationDirectory organization, ICurrentUser currentUser,
    UnitOfWork unitOfWork)
{
    public sealed record UnitOption(Guid Id, string Name);

    /// <summary>The settings, with <c>agencyName</c> (printed when <c>issuerName</c> is empty) and the agency's active units to choose from.</summary>
    public sealed record Response(string? SuperiorName, string? IssuerName, string Place, string Abbreviation, bool NumberPerType, Guid? LegalUnitId,
        Guid? OfficeUnitId, bool DeliverInternallyDirectly, string AgencyName, IReadOnlyList<UnitOption> Units);

    /// <summary>
    /// <c>superiorName</c>: tên cơ quan chủ quản, empty when none; <c>issuerName</c>: empty for the agency's full name;
    /// <c>abbreviation</c>: capitals and digits (<c>SGTVT</c>); <c>legalUnitId</c>, <c>officeUnitId</c>: units of the agency.
    /// </summary>
    public sealed record Request(string? SuperiorName, string? IssuerName, string? Place, string? Abbreviation, bool NumberPerType, Guid? LegalUnitId,
        Guid? OfficeUnitId, bool DeliverInternallyDirectly) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.MaxLength("superiorName", SuperiorName, OutgoingSettings.NameMaxLength, "Tên cơ quan chủ quản");
            errors.MaxLength("issuerName", IssuerName, OutgoingSettings.NameMaxLength, "Tên cơ quan ban hành");
            errors.Required("place", Place, OutgoingSettings.PlaceMaxLength, "Vui lòng nhập địa danh (ví dụ Ninh Bình).", "Địa danh");
            errors.Required("abbreviation", Abbreviation, OutgoingSettings.AbbreviationMaxLength, "Vui lòng nhập chữ viết tắt tên cơ quan.", "Chữ viết tắt");
            if (!errors.ContainsKey("abbreviation") && !VietnameseText.Normalize(Abbreviation!.Trim()).All(c => char.IsDigit(c) || char.IsUpper(c)))
            {
                errors["abbreviation"] = ["Chữ viết tắt tên cơ quan gồm chữ in hoa và chữ số, không có dấu cách hay gạch nối (ví dụ SGTVT)."];
            }

            return errors;
        }
    }

    private Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound();

    public async Task<Response> GetAsync(CancellationToken cancellationToken)
    {
        var agencyId = AgencyId;
        return await BuildAsync(agencyId, await processes.SettingsAsync(agencyId, cancellationToken), cancellationToken);
    }

    public async Task<Response> UpdateAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId;
        await processes.EnsureDefaultsAsync(agencyId, cancellationToken);
        var units = await organization.UnitsOfAgencyAsync(agencyId, cancellationToken);
        var settings = await db.Set<OutgoingSettings>().FirstAsync(s => s.AgencyId == agencyId, cancellationToken);
        Unit(units, request.LegalUnitId, settings.LegalUnitId, "legalUnitId");
        Unit(units, request.OfficeUnitId, settings.OfficeUnitId, "officeUnitId");
        var before = Describe(settings, units);
        settings.SuperiorName = DocumentMetadata.Clean(request.SuperiorName);
        settings.IssuerName = DocumentMetadata.Clean(request.IssuerName);
        settings.Place = DocumentMetadata.Clean(request.Place)!;
        settings.Abbreviation = VietnameseText.Normalize(request.Abbreviation!.Trim());
        settings.NumberPerType = request.NumberPerType;
        settings.LegalUnitId = request.LegalUnitId;
        settings.OfficeUnitId = request.OfficeUnitId;
        settings.DeliverInternallyDirectly = request.DeliverInternallyDirectly;
        await unitOfWork.CommitAsync(new AuditEvent("documents.outgoing.settings.update", "outgoing-settings", agencyId.ToString(),
            Details: $"{before} → {Describe(settings, units)}"), cancellationToken);
        return await BuildAsync(agencyId, settings, cancellationToken);
    }

    /// <summary>A unit of the agency, active unless it is the one already chosen (a unit closed since stays until changed).</summary>
    private static void Unit(IReadOnlyList<UnitInfo> units, Guid? unitId, Guid? current, string field)
    {
        if (unitId is { } id && !units.Any(u => u.Id == id && (u.IsActive || id == current)))
        {
            throw RuleException.Invalid("Đơn vị được chọn không thuộc cơ quan hoặc đã ngừng hoạt động.", field);
        }
    }

    private async Task<Response> BuildAsync(Guid agencyId, OutgoingSettings s, CancellationToken cancellationToken)
    {
        var agency = await organization.FindAgencyAsync(agencyId, cancellationToken) ?? throw RuleException.NotFound();
        var units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).Where(u => u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name, VietnameseText.Comparer).Select(u => new UnitOption(u.Id, u.Name)).ToList();
        return new Response(s.SuperiorName, s.IssuerName, s.Place, s.Abbreviation, s.NumberPerType, s.LegalUnitId, s.OfficeUnitId, s.DeliverInternallyDirectly,
            agency.FullName, units);
    }

    private static string Describe(OutgoingSettings s, IReadOnlyList<UnitInfo> units)
    {
        string UnitName(Guid? id) => id is { } u ? units.FirstOrDefault(x => x.Id == u)?.Name ?? u.ToString() : "—";
        return $"chủ quản {s.SuperiorName ?? "—"}, ban hành {s.IssuerName ?? "(tên cơ quan)"}, địa danh {s.Place}, viết tắt {s.Abbreviation}, "
            + $"{(s.NumberPerType ? "số theo từng loại" : "một dãy số")}, pháp chế {UnitName(s.LegalUnitId)}, văn phòng {UnitName(s.OfficeUnitId)}, "
            + (s.DeliverInternallyDirectly ? "gửi nội bộ trực tiếp" : "nội bộ chờ tiếp nhận");
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/outgoing-settings", async Task<Ok<Response>> (OutgoingSettingsAdmin handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOutgoingSettings")
            .WithSummary("Cấu hình văn bản đi của cơ quan: cơ quan chủ quản, tên ban hành, địa danh, chữ viết tắt, cách đánh số, đơn vị pháp chế và văn phòng.");
        group.MapPut("/outgoing-settings", async Task<Ok<Response>> (Request request, OutgoingSettingsAdmin handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("UpdateOutgoingSettings")
            .WithSummary("Sửa cấu hình văn bản đi của cơ quan.");
    }
}
