using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// Mở hồ sơ: from an entry of an approved file plan (its code becomes the symbol, with the plan's year; its title,
/// retention and responsible unit are taken; the opener works in that unit) or outside the plan (title, symbol,
/// retention and start date given; the opener's unit). Optionally under a parent dossier (one level).
/// <c>POST /api/v1/dossiers</c>.
/// </summary>
public sealed class OpenDossier(DossierStore store)
{
    public const string DefaultLanguage = "Tiếng Việt";
    public const string DefaultRights = "Hạn chế";

    public sealed class Request : IValidatableRequest
    {
        public Guid? FilePlanEntryId { get; set; }

        public string? Title { get; set; }

        public string? Notation { get; set; }

        public bool Permanent { get; set; }

        public int? RetentionYears { get; set; }

        public DateOnly? StartDate { get; set; }

        public Guid? ParentId { get; set; }

        public string? Rights { get; set; }

        public string? Language { get; set; }

        public int? PageTotal { get; set; }

        public string? Description { get; set; }

        public string? Keywords { get; set; }

        public string? PhysicalState { get; set; }

        /// <summary>Hồ sơ xây dựng cơ bản: transferred within 3 months after the work's end (final settlement).</summary>
        public bool ConstructionRecords { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (FilePlanEntryId is null)
            {
                errors.Required("title", Title, Dossier.TitleMaxLength, "Vui lòng nhập tiêu đề hồ sơ.", "Tiêu đề hồ sơ");
                errors.Required("notation", Notation, Dossier.NotationMaxLength, "Vui lòng nhập số và ký hiệu hồ sơ.", "Số và ký hiệu hồ sơ");
                if (Permanent && RetentionYears is not null)
                {
                    errors["retentionYears"] = ["Thời hạn bảo quản là vĩnh viễn hoặc một số năm, không chọn cả hai."];
                }
                else if (!Permanent && RetentionYears is not (>= 1 and <= RetentionPeriod.MaxYears))
                {
                    errors["retentionYears"] = [$"Chọn thời hạn bảo quản: vĩnh viễn hoặc số năm từ 1 đến {RetentionPeriod.MaxYears}."];
                }

                if (StartDate is null)
                {
                    errors["startDate"] = ["Vui lòng nhập thời gian bắt đầu của hồ sơ."];
                }
            }

            errors.MaxLength("rights", Rights, Dossier.RightsMaxLength, "Chế độ sử dụng");
            errors.MaxLength("language", Language, Dossier.LanguageMaxLength, "Ngôn ngữ");
            errors.MaxLength("description", Description, Dossier.DescriptionMaxLength, "Ghi chú");
            errors.MaxLength("keywords", Keywords, Dossier.KeywordsMaxLength, "Từ khóa");
            errors.MaxLength("physicalState", PhysicalState, Dossier.PhysicalStateMaxLength, "Tình trạng vật lý");
            if (PageTotal is < 0 or > 9999)
            {
                errors["pageTotal"] = ["Tổng số trang từ 0 đến 9999."];
            }

            return errors;
        }

        internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());
    }

    public async Task<DossierResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var organId = (await store.Organization.FindAgencyAsync(viewer.AgencyId, cancellationToken))?.Code ?? "";
        string notation, title;
        RetentionPeriod retention;
        Guid unitId;
        int year;
        var today = store.Today;
        if (request.FilePlanEntryId is { } entryId)
        {
            var entry = await store.UnitOfWork.Db.Set<FilePlanEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
            var plan = entry is null ? null
                : await store.UnitOfWork.Db.Set<FilePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == entry.FilePlanId && p.AgencyId == viewer.AgencyId, cancellationToken);
            var found = plan is null ? throw RuleException.NotFound("Không tìm thấy hồ sơ trong danh mục.") : new { Plan = plan, Entry = entry! };
            if (found.Plan.Status != FilePlanStatus.Approved)
            {
                throw RuleException.Conflict("Chỉ mở được hồ sơ từ danh mục hồ sơ đã được phê duyệt.");
            }

            var units = await store.Organization.UnitAndDescendantsAsync(found.Entry.ResponsibleUnitId, cancellationToken);
            if (!viewer.Oversees && (viewer.UnitId is not { } own || !units.Contains(own)))
            {
                throw RuleException.Forbidden("Hồ sơ này trong danh mục do đơn vị khác lập.");
            }

            (notation, title, retention, unitId, year) = (found.Entry.Code, found.Entry.Title, found.Entry.Retention, found.Entry.ResponsibleUnitId, found.Plan.Year);
            if (notation.Length > Dossier.NotationMaxLength)
            {
                notation = notation[..Dossier.NotationMaxLength];
            }
        }
        else
        {
            unitId = viewer.UnitId ?? throw RuleException.Invalid("Bạn chưa thuộc đơn vị nào nên chưa mở được hồ sơ.");
            notation = Request.Clean(request.Notation)!;
            title = Request.Clean(request.Title)!;
            retention = request.Permanent ? RetentionPeriod.Permanent : RetentionPeriod.OfYears(request.RetentionYears!.Value);
            year = request.StartDate!.Value.Year;
        }

        if (request.ParentId is { } parentId)
        {
            var parent = await store.Visible(viewer).AsNoTracking().SingleOrDefaultAsync(d => d.Id == parentId, cancellationToken)
                ?? throw RuleException.Invalid("Không tìm thấy hồ sơ cha.", "parentId");
            if (parent.ParentId is not null)
            {
                throw RuleException.Invalid("Hồ sơ con chỉ có một cấp: hồ sơ đã chọn đã là hồ sơ con.", "parentId");
            }

            parent.CanEdit().ThrowIfBroken();
        }

        var content = new DossierContent(notation, title, retention, false, Request.Clean(request.Rights) ?? DefaultRights,
            Request.Clean(request.Language) ?? DefaultLanguage, request.StartDate ?? today, null, request.PageTotal, Request.Clean(request.Description),
            Request.Clean(request.Keywords), Request.Clean(request.PhysicalState), request.ConstructionRecords);
        var dossier = new Dossier(viewer.AgencyId, organId, year, content, request.FilePlanEntryId, request.ParentId, viewer.UserId, viewer.Name, unitId, store.Now);
        store.UnitOfWork.Db.Add(dossier);
        await store.CommitAsync(dossier, "open", request.FilePlanEntryId is null ? "mở ngoài danh mục." : "mở theo danh mục hồ sơ.", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("", async Task<Created<DossierResponse>> (Request request, OpenDossier handler, CancellationToken ct) =>
            {
                var opened = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/dossiers/{opened.Id}", opened);
            })
            .RequireAuthorization(Policies.For(DossiersPermissions.UseDossiers))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("OpenDossier")
            .WithSummary("Mở hồ sơ công việc từ danh mục hồ sơ hoặc ngoài danh mục.");
}
