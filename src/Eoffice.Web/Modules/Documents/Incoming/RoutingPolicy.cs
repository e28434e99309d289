using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// One person or unit a sender may choose, for the recipient picker. <c>LeadsSender</c>: the option is above the sender
/// (an agency leader, a leader of the sender's unit or of a unit above it, or such a unit) — sending to it passes the
/// document up, which sets no deadline unless the sender picks one.
/// </summary>
public sealed record RecipientOption(string Kind, Guid Id, string Name, string? Detail, bool LeadsSender = false);

/// <summary>
/// A heading of the recipient picker ("Lãnh đạo cơ quan", "Đơn vị", a unit's name…) with its choices; <c>UnitId</c> when
/// the group is the people of that unit.
/// </summary>
public sealed record RecipientGroup(string Name, IReadOnlyList<RecipientOption> Options, Guid? UnitId = null);

/// <summary>Whom a sender may send a document to now: the picker's groups and the sets the check uses.</summary>
public sealed class RoutingChoices
{
    internal RoutingChoices(IReadOnlyList<RecipientGroup> groups, IReadOnlyDictionary<Guid, PersonInfo> people, IReadOnlyDictionary<Guid, UnitInfo> units)
    {
        Groups = groups;
        People = people;
        Units = units;
    }

    public IReadOnlyList<RecipientGroup> Groups { get; }

    /// <summary>The people the sender may send to.</summary>
    public IReadOnlyDictionary<Guid, PersonInfo> People { get; }

    /// <summary>The units the sender may send to.</summary>
    public IReadOnlyDictionary<Guid, UnitInfo> Units { get; }
}

/// <summary>
/// Who may send an incoming document to whom, read from the agency's data (<see cref="IncomingSettings"/> and
/// <see cref="RoutingRule"/>s), never from code: the sender's roles (the delegator's, when acting under a delegation)
/// select the rules; each rule opens a kind of target — agency leaders, the office's leaders, any unit, any person, or
/// the sender's own unit (the scope of the matching role, and the units and people below it). The clerk presents to
/// the agency leaders or, when the route says so, to the office's leaders (the chief first).
/// </summary>
public sealed class RoutingPolicy(IncomingDefaults defaults, IAccessScopes scopes, IOrganizationDirectory organization, IPeopleDirectory directory)
{
    public const string PersonKind = "person";
    public const string UnitKind = "unit";

    /// <summary>Whom <paramref name="senderId"/> may send to under the agency's rules.</summary>
    public async Task<RoutingChoices> ChoicesAsync(Guid agencyId, Guid senderId, CancellationToken cancellationToken)
    {
        var world = await WorldAsync(agencyId, cancellationToken);
        var rules = await defaults.RulesAsync(agencyId, cancellationToken);
        var sender = world.People.GetValueOrDefault(senderId);
        var roles = await scopes.RolesOfAsync(senderId, cancellationToken);

        var targets = new HashSet<RoutingTarget>();
        var ownUnits = new HashSet<Guid>();
        foreach (var rule in rules)
        {
            foreach (var grant in roles.Where(g => g.Role == rule.SenderRole))
            {
                var unitId = grant.ScopeUnitId ?? sender?.UnitId;
                var unitKind = unitId is { } u && world.Units.TryGetValue(u, out var unit) ? (int?)unit.Kind : null;
                if (rule.SenderUnitKind is { } kind && kind != unitKind)
                {
                    continue;
                }

                targets.Add(rule.Target);
                if (rule.Target == RoutingTarget.OwnUnit && unitId is { } own)
                {
                    ownUnits.UnionWith(await organization.UnitAndDescendantsAsync(own, cancellationToken));
                }
            }
        }

        var groups = new List<RecipientGroup>();
        var people = new Dictionary<Guid, PersonInfo>();
        var units = new Dictionary<Guid, UnitInfo>();
        var above = await world.AboveAsync(sender, cancellationToken);

        void AddPeople(string title, IEnumerable<PersonInfo> chosen, Guid? unitId = null)
        {
            var list = chosen.Where(p => p.Id != senderId && !people.ContainsKey(p.Id)).ToList();
            foreach (var p in list)
            {
                people[p.Id] = p;
            }

            if (list.Count > 0)
            {
                groups.Add(new RecipientGroup(title, list.Select(p => world.Option(p) with { LeadsSender = above.Contains(p.Id) }).ToList(), unitId));
            }
        }

        // People by the unit they work in, in the order of the organisation chart, each unit's ranked.
        void AddPeopleByUnit(string title, IEnumerable<PersonInfo> chosen)
        {
            var byUnit = chosen.ToLookup(p => p.UnitId is { } u && world.Units.ContainsKey(u) ? u : (Guid?)null);
            foreach (var unit in world.Units.Values.Where(u => byUnit.Contains(u.Id)))
            {
                AddPeople(unit.Name, world.Ranked(byUnit[unit.Id].Select(p => p.Id)), unit.Id);
            }

            AddPeople(title, byUnit[null]);
        }

        void AddUnits(string title, IEnumerable<UnitInfo> chosen)
        {
            var list = chosen.Where(u => !units.ContainsKey(u.Id)).ToList();
            foreach (var u in list)
            {
                units[u.Id] = u;
            }

            if (list.Count > 0)
            {
                groups.Add(new RecipientGroup(title, list.Select(u => new RecipientOption(UnitKind, u.Id, u.Name, null, above.Contains(u.Id))).ToList()));
            }
        }

        if (targets.Contains(RoutingTarget.AgencyLeaders))
        {
            AddPeople("Lãnh đạo cơ quan", await world.AgencyLeadersAsync(cancellationToken));
        }

        if (targets.Contains(RoutingTarget.OfficeLeaders))
        {
            AddPeople("Lãnh đạo Văn phòng", await world.OfficeLeadersAsync(cancellationToken));
        }

        if (targets.Contains(RoutingTarget.AnyUnit))
        {
            AddUnits("Đơn vị", world.ActiveUnits.Where(u => u.Kind != Organization.Contracts.UnitKind.Leadership));
        }

        if (targets.Contains(RoutingTarget.OwnUnit))
        {
            AddUnits("Đơn vị trong phạm vi", world.ActiveUnits.Where(u => ownUnits.Contains(u.Id) && !(u.Id == sender?.UnitId && !targets.Contains(RoutingTarget.AnyUnit))));
            AddPeopleByUnit("Cán bộ trong đơn vị", world.ActivePeople.Where(p => p.UnitId is { } u && ownUnits.Contains(u)));
        }

        if (targets.Contains(RoutingTarget.AnyPerson))
        {
            AddPeopleByUnit("Cán bộ, công chức", world.ActivePeople);
        }

        return new RoutingChoices(groups, people, units);
    }

    /// <summary>
    /// Whom the clerk presents a registered document to: the agency leaders, or — when the agency's route goes through
    /// the chief of office — the office's leaders, ranked (the chief first); only targets the clerk's rules allow.
    /// </summary>
    public async Task<RoutingChoices> PresentationChoicesAsync(Guid agencyId, Guid clerkId, CancellationToken cancellationToken)
    {
        var settings = await defaults.SettingsAsync(agencyId, cancellationToken);
        var allowed = await ChoicesAsync(agencyId, clerkId, cancellationToken);
        var world = await WorldAsync(agencyId, cancellationToken);
        var (title, leaders) = settings.Route == PresentationRoute.ViaOfficeChief
            ? ("Lãnh đạo Văn phòng", await world.OfficeLeadersAsync(cancellationToken))
            : ("Lãnh đạo cơ quan", await world.AgencyLeadersAsync(cancellationToken));
        var chosen = leaders.Where(p => allowed.People.ContainsKey(p.Id)).ToList();
        var options = allowed.Groups.SelectMany(g => g.Options).Where(o => o.Kind == PersonKind).ToDictionary(o => o.Id);
        return new RoutingChoices(
            chosen.Count == 0 ? [] : [new RecipientGroup(title, chosen.Select(p => options[p.Id]).ToList())],
            chosen.ToDictionary(p => p.Id),
            new Dictionary<Guid, UnitInfo>());
    }

    /// <summary>
    /// Turns the requested recipients into assignment targets, refusing any the choices do not contain
    /// (400 "Bạn không được chuyển văn bản cho …").
    /// </summary>
    public async Task<IReadOnlyList<AssignmentTarget>> ResolveAsync(Guid agencyId, RoutingChoices choices, IEnumerable<RequestedTarget> requested,
        CancellationToken cancellationToken)
    {
        var world = await WorldAsync(agencyId, cancellationToken);
        var targets = new List<AssignmentTarget>();
        foreach (var r in requested)
        {
            if (r.UserId is { } userId)
            {
                if (!world.People.TryGetValue(userId, out var person) || !person.IsActive)
                {
                    throw RuleException.Invalid("Người nhận không tồn tại hoặc đã nghỉ.", "recipients");
                }

                if (!choices.People.ContainsKey(userId))
                {
                    throw RuleException.Invalid($"Bạn không được chuyển văn bản cho {person.FullName}.", "recipients");
                }

                targets.Add(AssignmentTarget.Person(userId, person.FullName, r.Role, r.DueDate, person.UnitId));
            }
            else if (r.UnitId is { } unitId)
            {
                if (!world.Units.TryGetValue(unitId, out var unit) || !unit.IsActive)
                {
                    throw RuleException.Invalid("Đơn vị nhận không tồn tại hoặc đã ngừng hoạt động.", "recipients");
                }

                if (!choices.Units.ContainsKey(unitId))
                {
                    throw RuleException.Invalid($"Bạn không được chuyển văn bản cho {unit.Name}.", "recipients");
                }

                targets.Add(AssignmentTarget.Unit(unitId, unit.Name, r.Role, r.DueDate));
            }
        }

        return targets;
    }

    /// <summary>The people who act for a unit recipient: holders of the unit-leader role whose scope is that unit.</summary>
    public async Task<IReadOnlyList<Guid>> UnitLeadersAsync(Guid agencyId, Guid unitId, CancellationToken cancellationToken) =>
        (await scopes.HoldersOfRoleAsync(agencyId, DefaultRoles.UnitLeader, cancellationToken))
            .Where(g => g.ScopeUnitId == unitId).Select(g => g.UserId).Distinct().ToList();

    private async Task<World> WorldAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var units = await organization.UnitsOfAgencyAsync(agencyId, cancellationToken);
        var people = await directory.PeopleOfAgencyAsync(agencyId, cancellationToken);
        var positions = await organization.PositionsOfAgencyAsync(agencyId, cancellationToken);
        return new World(agencyId, units.ToDictionary(u => u.Id), people.ToDictionary(p => p.Id), positions.ToDictionary(p => p.Id), scopes);
    }

    /// <summary>A requested recipient with its deadline already computed.</summary>
    public sealed record RequestedTarget(Guid? UserId, Guid? UnitId, AssignmentRole Role, DateOnly? DueDate);

    private sealed record World(
        Guid AgencyId,
        IReadOnlyDictionary<Guid, UnitInfo> Units,
        IReadOnlyDictionary<Guid, PersonInfo> People,
        IReadOnlyDictionary<Guid, PositionInfo> Positions,
        IAccessScopes Scopes)
    {
        public IEnumerable<UnitInfo> ActiveUnits => Units.Values.Where(u => u.IsActive);

        public IEnumerable<PersonInfo> ActivePeople => People.Values.Where(p => p.IsActive);

        public RecipientOption Option(PersonInfo p)
        {
            var position = p.PositionId is { } pos && Positions.TryGetValue(pos, out var info) ? info.Name : null;
            var unit = p.UnitId is { } u && Units.TryGetValue(u, out var unitInfo) ? unitInfo.Name : null;
            var detail = string.Join(" - ", new[] { position, unit }.Where(s => !string.IsNullOrEmpty(s)));
            return new RecipientOption(PersonKind, p.Id, p.FullName, detail.Length == 0 ? null : detail);
        }

        /// <summary>
        /// Who is above <paramref name="sender"/>: the agency's leaders, the sender's unit and the units above it, and
        /// the leaders of those units.
        /// </summary>
        public async Task<HashSet<Guid>> AboveAsync(PersonInfo? sender, CancellationToken cancellationToken)
        {
            var chain = new HashSet<Guid>();
            var next = sender?.UnitId;
            while (next is { } id && Units.TryGetValue(id, out var unit) && chain.Add(id))
            {
                next = unit.ParentId;
            }

            var leaders = (await Scopes.HoldersOfRoleAsync(AgencyId, DefaultRoles.AgencyLeader, cancellationToken)).Select(g => g.UserId);
            var unitLeaders = (await Scopes.HoldersOfRoleAsync(AgencyId, DefaultRoles.UnitLeader, cancellationToken))
                .Where(g => g.ScopeUnitId is { } scope && chain.Contains(scope)).Select(g => g.UserId);
            return [.. chain, .. leaders, .. unitLeaders];
        }

        public async Task<IReadOnlyList<PersonInfo>> AgencyLeadersAsync(CancellationToken cancellationToken) =>
            Ranked((await Scopes.HoldersOfRoleAsync(AgencyId, DefaultRoles.AgencyLeader, cancellationToken)).Select(g => g.UserId));

        public async Task<IReadOnlyList<PersonInfo>> OfficeLeadersAsync(CancellationToken cancellationToken) =>
            Ranked((await Scopes.HoldersOfRoleAsync(AgencyId, DefaultRoles.UnitLeader, cancellationToken))
                .Where(g => g.ScopeUnitId is { } u && Units.TryGetValue(u, out var unit) && unit.Kind == Organization.Contracts.UnitKind.Office)
                .Select(g => g.UserId));

        public List<PersonInfo> Ranked(IEnumerable<Guid> ids) =>
            ids.Distinct().Select(id => People.GetValueOrDefault(id)).OfType<PersonInfo>().Where(p => p.IsActive)
                .OrderBy(p => p.PositionId is { } pos && Positions.TryGetValue(pos, out var info) ? info.Rank : int.MaxValue)
                .ThenBy(p => p.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
                .ToList();
    }
}
