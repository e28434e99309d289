using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>One person who may hold a step.</summary>
public sealed record StepCandidate(Guid UserId, string Name);

/// <summary>
/// Who may hold a step of a draft's chain, from the step's role and its relation to the drafter: a leader of the
/// drafting unit; a legal reviewer (the legal role, or the leaders of the agency's legal unit); the chief of office (the
/// leaders of the office unit); an agency leader; the person a step names. The one who hands the draft on picks one of
/// them (or the only one); nobody else can be given the step.
/// </summary>
public sealed class OutgoingChainHolders(IAccessScopes scopes, IPeopleDirectory people, Organization.Contracts.IOrganizationDirectory organization, OutgoingProcesses processes)
{
    public async Task<IReadOnlyList<StepCandidate>> CandidatesAsync(OutgoingDocument document, ChainStep step, CancellationToken cancellationToken)
    {
        var settings = await processes.SettingsAsync(document.AgencyId, cancellationToken);
        async Task<IEnumerable<Guid>> Role(string role, Func<RoleGrant, bool> where) =>
            (await scopes.HoldersOfRoleAsync(document.AgencyId, role, cancellationToken)).Where(where).Select(g => g.UserId);

        IEnumerable<Guid> ids = step.Kind switch
        {
            ChainStepKind.UnitHead => await Role(DefaultRoles.UnitLeader, g => g.ScopeUnitId == document.DraftingUnitId),
            ChainStepKind.LegalReview => [
                .. await Role(DefaultRoles.LegalReviewer, _ => true),
                .. settings.LegalUnitId is { } legal ? await Role(DefaultRoles.UnitLeader, g => g.ScopeUnitId == legal) : []],
            ChainStepKind.ChiefOfOffice => settings.OfficeUnitId is { } office ? await Role(DefaultRoles.UnitLeader, g => g.ScopeUnitId == office) : [],
            ChainStepKind.AgencyLeader => await Role(DefaultRoles.AgencyLeader, _ => true),
            ChainStepKind.Person => step.UserId is { } u ? [u] : [],
            _ => [],
        };
        var all = await people.PeopleOfAgencyAsync(document.AgencyId, cancellationToken);
        var wanted = ids.Where(id => id != document.DrafterId || step.Kind == ChainStepKind.Person).ToHashSet();
        return [.. all.Where(p => p.IsActive && wanted.Contains(p.Id)).OrderBy(p => p.FullName, StringComparer.Ordinal).Select(p => new StepCandidate(p.Id, p.FullName))];
    }

    /// <summary>
    /// The holder chosen for <paramref name="step"/>: <paramref name="chosenId"/> when it is a candidate, the only
    /// candidate, or — for the signing step — the draft's signer; a clear error on <paramref name="field"/> otherwise.
    /// </summary>
    public async Task<AssignmentTarget> HolderAsync(OutgoingDocument document, ChainStep step, Guid? chosenId, string field, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(document, step, cancellationToken);
        if (candidates.Count == 0)
        {
            throw RuleException.Invalid($"Chưa có ai giữ bước \"{step.Name}\" ({OutgoingProcess.KindName(step.Kind)}); vui lòng báo quản trị phân quyền.", field);
        }

        var id = chosenId ?? (candidates.Count == 1 ? candidates[0].UserId : step.Signs ? document.SignerId : null);
        var chosen = candidates.FirstOrDefault(c => c.UserId == id)
            ?? throw RuleException.Invalid(id is null
                ? $"Vui lòng chọn người nhận cho bước \"{step.Name}\"."
                : $"Người được chọn không giữ bước \"{step.Name}\"; hãy chọn trong danh sách.", field);
        return AssignmentTarget.Person(chosen.UserId, chosen.Name, AssignmentRole.Direct);
    }

    /// <summary>Whom a step holder may ask for comments: the agency's active units and people, by id with their names.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ConsultableAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var p in (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsActive))
        {
            result[p.Id] = p.FullName;
        }

        foreach (var u in (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).Where(u => u.IsActive))
        {
            result[u.Id] = u.Name;
        }

        return result;
    }
}
