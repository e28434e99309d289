using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// The owner (or an agency leader) lets a person or a unit of the agency see the dossier and file into it, or takes
/// that back. The documents inside still answer to their own access. <c>POST /api/v1/dossiers/{id}/grants</c>,
/// <c>DELETE …/grants/{grantId}</c>.
/// </summary>
public sealed class GrantDossierAccess(DossierStore store)
{
    public sealed record Request(Guid? PersonId, Guid? UnitId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if ((PersonId is null) == (UnitId is null))
            {
                errors["personId"] = ["Chọn một người hoặc một đơn vị được xem hồ sơ."];
            }

            return errors;
        }
    }

    public async Task<DossierResponse> GrantAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await ManagedAsync(viewer, id, cancellationToken);
        string name;
        if (request.PersonId is { } personId)
        {
            var person = await store.People.FindPersonAsync(personId, cancellationToken);
            if (person is null || person.AgencyId != viewer.AgencyId || !person.IsActive)
            {
                throw RuleException.Invalid("Người được chọn không thuộc cơ quan.", "personId");
            }

            dossier.Grant(DossierGrantKind.Person, personId, store.Now);
            name = person.FullName;
        }
        else
        {
            var unit = await store.Organization.FindUnitAsync(request.UnitId!.Value, cancellationToken);
            if (unit is null || unit.AgencyId != viewer.AgencyId || !unit.IsActive)
            {
                throw RuleException.Invalid("Đơn vị được chọn không thuộc cơ quan.", "unitId");
            }

            dossier.Grant(DossierGrantKind.Unit, unit.Id, store.Now);
            name = unit.Name;
        }

        await store.CommitAsync(dossier, "grant", $"cho {name} xem và lưu văn bản vào hồ sơ.", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    public async Task<DossierResponse> RevokeAsync(Guid id, Guid grantId, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await ManagedAsync(viewer, id, cancellationToken);
        dossier.Revoke(grantId, store.Now);
        await store.CommitAsync(dossier, "revoke", "thu hồi một quyền xem hồ sơ.", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    private async Task<Dossier> ManagedAsync(DossierViewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        if (!viewer.Owns(dossier) && !viewer.Oversees)
        {
            throw RuleException.Forbidden("Chỉ người lập hồ sơ mới cấp quyền xem hồ sơ.");
        }

        return dossier;
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/grants", async Task<Ok<DossierResponse>> (Guid id, Request request, GrantDossierAccess handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GrantAsync(id, request, ct)))
            .AsDossierAction("GrantDossierAccess", "Cho một người hoặc đơn vị xem và lưu văn bản vào hồ sơ.");
        group.MapDelete("/{id:guid}/grants/{grantId:guid}", async Task<Ok<DossierResponse>> (Guid id, Guid grantId, GrantDossierAccess handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RevokeAsync(id, grantId, ct)))
            .AsDossierAction("RevokeDossierAccess", "Thu hồi quyền xem hồ sơ.");
    }
}
