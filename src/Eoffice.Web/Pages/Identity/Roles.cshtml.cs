using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Handovers;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Phân quyền: the administrator picks a person of the agency, sees their roles with scopes, grants and revokes roles.
/// Uses the same handlers as <c>/api/v1/people/{id}/roles</c>.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class RolesModel(
    AgencyPeople people,
    GetPersonRoles getRoles,
    AssignRole assignRole,
    RevokeRole revokeRole,
    GetHandover handovers,
    IOrganizationDirectory directory) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public AssignRole.Request Input { get; set; } = new(null, null);

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<PersonChoice> People { get; private set; } = [];

    public PersonRolesDto? Person { get; private set; }

    public IReadOnlyList<Guid> PersonHandovers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Units { get; private set; } = [];

    public static IEnumerable<(string Code, string Name)> Roles => DefaultRoles.All.Select(r => (r, DefaultRoles.Names[r]));

    /// <summary>A person in the chooser, with their status when they cannot sign in.</summary>
    public sealed record PersonChoice(Guid Id, string Label);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        var assignment = await assignRole.HandleAsync(PersonId ?? Guid.Empty, Input, cancellationToken);
        Message = $"Đã cấp vai trò {assignment.RoleName} (phạm vi: {assignment.ScopeName}).";
        return RedirectToPage(new { personId = PersonId });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        await revokeRole.HandleAsync(PersonId ?? Guid.Empty, assignmentId, cancellationToken);
        Message = "Đã thu hồi vai trò.";
        return RedirectToPage(new { personId = PersonId });
    }

    /// <summary>The people to choose from and, when one is chosen, their roles (404 for anyone outside the agency).</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var everyone = await people.InMyAgency().AsNoTracking()
            .Select(u => new { u.Id, u.FullName, u.UserName, u.Status }).ToListAsync(cancellationToken);
        People = everyone.OrderBy(p => p.FullName, Platform.Text.VietnameseText.Comparer)
            .Select(p => new PersonChoice(p.Id, p.Status == AccountStatus.Active
                ? $"{p.FullName} ({p.UserName})"
                : $"{p.FullName} ({p.UserName}) — {GetPersonRoles.StatusName(p.Status).ToLowerInvariant()}"))
            .ToList();
        if (people.AgencyId is { } agencyId)
        {
            var units = await directory.UnitsOfAgencyAsync(agencyId, cancellationToken);
            var parents = units.ToDictionary(u => u.Id, u => u.ParentId);
            Units = units.Where(u => u.IsActive).Select(u => (u.Id, new string('—', Depth(u.Id, parents)) + (Depth(u.Id, parents) > 0 ? " " : string.Empty) + u.Name)).ToList();
        }

        if (PersonId is { } personId)
        {
            Person = await getRoles.HandleAsync(personId, cancellationToken);
            PersonHandovers = await handovers.OfPersonAsync(personId, cancellationToken);
        }
    }

    private static int Depth(Guid id, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        var depth = 0;
        for (var parent = parents.GetValueOrDefault(id); parent is { } p && depth < 50; parent = parents.GetValueOrDefault(p))
        {
            depth++;
        }

        return depth;
    }
}
