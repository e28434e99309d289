using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Xin ý kiến góp ý: the holder asks units and people of the agency, in parallel, within a number of working days.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ConsultModel(OutgoingAccessControl access, OutgoingReview handler, IPeopleDirectory people, IOrganizationDirectory organization)
    : OutgoingActionPage(access)
{
    /// <summary>The form: units and people chosen in two lists, one deadline for all, the request.</summary>
    public sealed class Form : IValidatableRequest
    {
        public List<Guid> Units { get; set; } = [];

        public List<Guid> People { get; set; } = [];

        public int? Days { get; set; } = 2;

        public string? Request { get; set; }

        public OutgoingReview.ConsultRequest ToRequest() => new(
            [.. Units.Distinct().Select(u => new OutgoingReview.ConsultedInput(u, null, null, Days)),
             .. People.Distinct().Select(p => new OutgoingReview.ConsultedInput(null, p, null, Days))],
            Request);

        public Dictionary<string, string[]> Validate()
        {
            var errors = ToRequest().Validate();
            if (Days is null or < 1 or > 60)
            {
                errors["days"] = ["Hạn góp ý từ 1 đến 60 ngày làm việc."];
            }

            return errors;
        }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.ConsultAsync(Id, Input.ToRequest(), cancellationToken);
        return Done("Đã gửi xin ý kiến góp ý.");
    }

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Units = [.. (await organization.UnitsOfAgencyAsync(Document.AgencyId, cancellationToken)).Where(u => u.IsActive).OrderBy(u => u.SortOrder)];
        People = [.. (await people.PeopleOfAgencyAsync(Document.AgencyId, cancellationToken)).Where(p => p.IsActive && p.Id != Viewer.UserId)
            .OrderBy(p => p.FullName, StringComparer.Ordinal)];
    }
}
