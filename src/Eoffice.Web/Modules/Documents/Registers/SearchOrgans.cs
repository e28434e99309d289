using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

public sealed record OrganResponse(Guid Id, string Name, string? Code);

public sealed record DocumentTypeResponse(string Code, string Name, string? Abbreviation);

/// <summary>
/// The agency's directory of issuing organs, searched by name or electronic identifier without tone marks
/// (<c>GET /api/v1/documents/incoming/organs?q=</c>), and the Decree 30 document types (<c>GET …/incoming/types</c>).
/// </summary>
public sealed class SearchOrgans(EofficeDbContext db, ICurrentUser currentUser)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<OrganResponse>> HandleAsync(string? q, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var query = db.Set<ExternalOrgan>().AsNoTracking().Where(o => o.AgencyId == agencyId);
        foreach (var word in VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            query = query.Where(o => o.SearchText.Contains(word));
        }

        return await query.OrderByDescending(o => o.UseCount).ThenBy(o => o.SearchText).Take(MaxResults)
            .Select(o => new OrganResponse(o.Id, o.Name, o.Code)).ToListAsync(cancellationToken);
    }

    public static IReadOnlyList<DocumentTypeResponse> Types() =>
        DocumentTypes.All.Select(t => new DocumentTypeResponse(t.Code, t.Name, t.Abbreviation)).ToList();

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming/organs", async Task<Ok<IReadOnlyList<OrganResponse>>> (string? q, SearchOrgans handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(q, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.RegisterIncoming))
            .WithName("SearchIssuingOrgans")
            .WithSummary("Tìm cơ quan ban hành trong danh bạ của cơ quan (theo tên hoặc mã định danh, không cần dấu).");

        group.MapGet("/incoming/types", () => TypedResults.Ok(Types()))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .WithName("ListDocumentTypes")
            .WithSummary("Danh mục loại văn bản theo Nghị định 30/2020/NĐ-CP.");
    }
}
