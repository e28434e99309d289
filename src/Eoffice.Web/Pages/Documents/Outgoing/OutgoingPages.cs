using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing;

/// <summary>An action page of an outgoing document (<see cref="DocumentActionPage"/>): the document and the viewer as the outgoing rules see them.</summary>
public abstract class OutgoingActionPage(OutgoingAccessControl access) : DocumentActionPage
{
    public OutgoingDocument Document { get; private set; } = null!;

    public OutgoingViewer Viewer { get; private set; } = null!;

    public override string DocumentUrl => OutgoingHandling.Link(Id);

    public override DocumentHeaderView Header => OutgoingPages.Header(Document);

    protected sealed override async Task LoadDocumentAsync(CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(cancellationToken);
        Document = await access.LoadAsync(Id, cancellationToken);
    }
}

/// <summary>What the outgoing pages share: the header of a document, the names of its identity.</summary>
public static class OutgoingPages
{
    public const string ListUrl = "/van-ban-di";

    /// <summary>"Số 12/SGTVT-KCHT" once issued, "Dự thảo" before.</summary>
    public static string Name(string? codeText) => codeText is null ? "Dự thảo" : $"Số {codeText}";

    public static DocumentHeaderView Header(OutgoingDocument d) =>
        new(ListUrl, "Văn bản đi", OutgoingHandling.Link(d.Id), Name(d.Number is null ? null : d.CodeText),
            d.Number is null ? $"Dự thảo {d.Metadata.TypeName.ToLowerInvariant()}" : $"{d.Metadata.TypeName} số {d.CodeText}", d.Metadata.Subject, d.Metadata.Urgency,
            OutgoingDocument.StatusName(d.Status));
}

/// <summary>The choices of the draft form: who may sign (agency and unit leaders), the agency's units and people.</summary>
public sealed record OutgoingChoices(IReadOnlyList<OutgoingChoices.Option> Signers, IReadOnlyList<OutgoingChoices.Option> Units, IReadOnlyList<OutgoingChoices.Option> People)
{
    public sealed record Option(Guid Id, string Name);

    public static async Task<OutgoingChoices> LoadAsync(Guid agencyId, IAccessScopes scopes, IPeopleDirectory people, IOrganizationDirectory organization,
        CancellationToken cancellationToken)
    {
        var units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).Where(u => u.IsActive).OrderBy(u => u.SortOrder).ToList();
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var staff = (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsActive).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
        string Label(PersonInfo p) => p.UnitId is { } u && unitNames.TryGetValue(u, out var unit) ? $"{p.FullName} — {unit}" : p.FullName;
        var agencyLeaders = (await scopes.HoldersOfRoleAsync(agencyId, DefaultRoles.AgencyLeader, cancellationToken)).Select(g => g.UserId).ToHashSet();
        var unitLeaders = (await scopes.HoldersOfRoleAsync(agencyId, DefaultRoles.UnitLeader, cancellationToken)).Select(g => g.UserId).ToHashSet();
        var signers = staff.Where(p => agencyLeaders.Contains(p.Id)).Concat(staff.Where(p => unitLeaders.Contains(p.Id) && !agencyLeaders.Contains(p.Id)))
            .Select(p => new Option(p.Id, Label(p))).ToList();
        return new OutgoingChoices(signers, [.. units.Select(u => new Option(u.Id, u.Name))], [.. staff.Select(p => new Option(p.Id, Label(p)))]);
    }
}

/// <summary>
/// The draft form (new draft, edit): <c>_OutgoingForm.cshtml</c> posts the draft as <c>Input.Draft.…</c> (validated by
/// the page filter with the API's checks), the other agencies as rows of <c>Input.Draft.Recipients</c>, the internal
/// recipients as two multi-selects and the files through the upload list; <see cref="Complete"/> puts the last two into
/// the draft before the handler runs.
/// </summary>
public abstract class OutgoingFormPage(OutgoingAccessControl access, EofficeDbContext db, IAccessScopes scopes, IPeopleDirectory people, IOrganizationDirectory organization)
    : FormPageModel
{
    public const string FilesHelp = "Tệp chọn bằng nút tròn là tệp dự thảo (.docx); các tệp khác là phụ lục.";

    [BindProperty]
    public List<Guid> RecipientUnits { get; set; } = [];

    [BindProperty]
    public List<Guid> RecipientPeople { get; set; } = [];

    [BindProperty]
    public FileUploadsView.Posted Files { get; set; } = new();

    public OutgoingChoices Choices { get; private set; } = null!;

    public FileUploadsView Uploads { get; private set; } = null!;

    public OutgoingViewer Viewer { get; private set; } = null!;

    protected OutgoingAccessControl Access => access;

    /// <summary>The draft of the page's request.</summary>
    public abstract OutgoingInput Draft { get; }

    /// <summary>The files already on the document (kept when someone other than their uploader edits it).</summary>
    protected virtual IReadOnlyCollection<Guid> FilesOnDocument => [];

    public sealed override Task OnRedisplayAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);

    /// <summary>Loads what the form shows; on the first display <paramref name="prefill"/> fills it (from the document, the answered ones…).</summary>
    protected async Task ShowAsync(Action? prefill, CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(cancellationToken);
        await OnLoadedAsync(cancellationToken);
        prefill?.Invoke();
        Choices = await OutgoingChoices.LoadAsync(Viewer.AgencyId, scopes, people, organization, cancellationToken);
        Uploads = new FileUploadsView("Files", await FileUploadsView.UploadedAsync(db, User.UserId(), Files.FileIds, cancellationToken, FilesOnDocument),
            Files.MainFileId, Preview: false, FilesHelp);
        Draft.Recipients = [.. Draft.Recipients.Where(IsOrgan)];
    }

    /// <summary>Loads the document or the documents the draft starts from.</summary>
    protected virtual Task OnLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The internal recipients and the files chosen, into the draft (other agencies first, as their rows were posted).</summary>
    protected void Complete()
    {
        Draft.Recipients =
        [
            .. Draft.Recipients.Where(IsOrgan),
            .. RecipientUnits.Distinct().Select(u => new RecipientInput { Kind = "unit", Id = u }),
            .. RecipientPeople.Distinct().Select(p => new RecipientInput { Kind = "person", Id = p }),
        ];
        (Draft.MainFileId, Draft.AnnexFileIds) = Files.Split();
    }

    /// <summary>The form's fields from a draft's content: internal recipients and files out of it into their own fields.</summary>
    protected void Prefill(OutgoingInput draft)
    {
        RecipientUnits = [.. draft.Recipients.Where(r => r.Kind == "unit" && r.Id is not null).Select(r => r.Id!.Value)];
        RecipientPeople = [.. draft.Recipients.Where(r => r.Kind == "person" && r.Id is not null).Select(r => r.Id!.Value)];
        Files = new FileUploadsView.Posted
        {
            FileIds = [.. new[] { draft.MainFileId }.OfType<Guid>(), .. draft.AnnexFileIds],
            MainFileId = draft.MainFileId,
        };
    }

    /// <summary>The first error about an internal recipient (its index is after the other agencies' rows).</summary>
    public string? InternalRecipientError =>
        ModelState.Where(e => e.Key.StartsWith("Input.Draft.Recipients[", StringComparison.Ordinal) && e.Key.EndsWith("].Id", StringComparison.Ordinal))
            .SelectMany(e => e.Value?.Errors ?? []).FirstOrDefault()?.ErrorMessage ?? ErrorOf("Input.Draft.Recipients");

    private static bool IsOrgan(RecipientInput r) => string.Equals(r.Kind?.Trim(), "organ", StringComparison.OrdinalIgnoreCase);
}
