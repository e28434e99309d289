using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>The office sets a unit's quota (null: the configured default). <c>PUT /api/v1/cabinet/quotas/{unitId}</c>.</summary>
public sealed class SetCabinetQuota(CabinetStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public long? QuotaBytes { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (QuotaBytes is < 0)
            {
                errors["quotaBytes"] = ["Hạn mức dung lượng không được âm."];
            }

            return errors;
        }
    }

    public async Task<CabinetStorageResponse> HandleAsync(Guid unitId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        await store.AccessAsync(viewer, cancellationToken);
        if (!viewer.ManagesSharedFolders)
        {
            throw RuleException.Forbidden("Chỉ Văn phòng hoặc quản trị hệ thống mới đặt hạn mức dung lượng của đơn vị.");
        }

        var row = await store.Db.Set<CabinetUnitStorage>().SingleOrDefaultAsync(s => s.UnitId == unitId && s.AgencyId == viewer.AgencyId, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy đơn vị.");
        row.SetQuota(request.QuotaBytes);
        await store.CommitAsync("quota.set", "unit", unitId, $"Hạn mức tủ tài liệu: {(request.QuotaBytes is { } q ? StorageOptions.DescribeSize(q) : "mặc định")}.", cancellationToken);
        var (quota, used, name) = await store.StorageOfAsync(unitId, cancellationToken);
        return new CabinetStorageResponse(unitId, name, quota, used);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/quotas/{unitId:guid}", async Task<Ok<CabinetStorageResponse>> (Guid unitId, Request request, SetCabinetQuota handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(unitId, request, ct)))
            .ProducesValidationProblem()
            .AsCabinetAction("SetCabinetQuota", "Đặt hạn mức dung lượng tủ tài liệu của một đơn vị.");
}
