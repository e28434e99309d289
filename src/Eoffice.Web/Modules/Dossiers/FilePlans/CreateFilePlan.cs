using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The office starts the plan of a year (one per agency and year), empty, with its numbering setting.
/// <c>POST /api/v1/dossiers/file-plans</c>; the page /ho-so/danh-muc.
/// </summary>
public sealed class CreateFilePlan(FilePlanStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public int Year { get; set; }

        /// <summary>plan: 01, 02… through the plan; heading: again under each large heading.</summary>
        public string? Numbering { get; set; } = FilePlanCodes.AcrossPlan;

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Year is < FilePlan.MinYear or > FilePlan.MaxYear)
            {
                errors["year"] = [$"Năm của danh mục phải từ {FilePlan.MinYear} đến {FilePlan.MaxYear}."];
            }

            if (FilePlanCodes.ParseNumbering(Numbering) is null)
            {
                errors["numbering"] = [FilePlanCodes.NumberingMessage];
            }

            return errors;
        }
    }

    public async Task<FilePlanResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        viewer.EnsureDrafter();
        await EnsureYearFreeAsync(store, viewer, request.Year, cancellationToken);
        var plan = new FilePlan(viewer.AgencyId, request.Year, FilePlanCodes.ParseNumbering(request.Numbering)!.Value, viewer.UserId, store.Now);
        store.UnitOfWork.Db.Add(plan);
        await store.CommitAsync(plan, "create", $"lập dự thảo ({FilePlanCodes.NameOf(plan.Numbering).ToLowerInvariant()}).", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static async Task EnsureYearFreeAsync(FilePlanStore store, FilePlanViewer viewer, int year, CancellationToken cancellationToken)
    {
        if (await store.Plans(viewer).AnyAsync(p => p.Year == year, cancellationToken))
        {
            throw Platform.Rules.RuleException.Conflict($"Cơ quan đã có danh mục hồ sơ năm {year}.", "year");
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans", async Task<Created<FilePlanResponse>> (Request request, CreateFilePlan handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/dossiers/file-plans/{created.Id}", created);
            })
            .RequireAuthorization(Policies.For(DossiersPermissions.DraftFilePlans))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateFilePlan")
            .WithSummary("Lập danh mục hồ sơ của một năm (dự thảo).");
}
