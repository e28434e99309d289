using System.Text.Json.Serialization;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>Who holds one step of an outgoing document's approval chain, by role and relation to the drafter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChainStepKind>))]
public enum ChainStepKind
{
    /// <summary>Chuyên viên dự thảo: the drafter (always step 1).</summary>
    Drafter = 0,

    /// <summary>Lãnh đạo đơn vị soạn thảo: a leader of the drafter's unit (content approval, §1.3.2).</summary>
    UnitHead = 1,

    /// <summary>Pháp chế thẩm định: a legal reviewer.</summary>
    LegalReview = 2,

    /// <summary>Chánh Văn phòng: the chief of office (format review, regulation 003 Điều 6.2).</summary>
    ChiefOfOffice = 3,

    /// <summary>Lãnh đạo cơ quan: the agency leader who approves for signature and signs.</summary>
    AgencyLeader = 4,

    /// <summary>Văn thư: the clerks of the outgoing register check the format, number, register and issue.</summary>
    Clerk = 5,

    /// <summary>A person named in the definition, or added to a draft's chain by a reviewer.</summary>
    Person = 6,
}

/// <summary>What an approval at a step stands for in the record (Phụ lục VI III.5.a keeps them apart).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepApproval>))]
public enum StepApproval
{
    None = 0,

    /// <summary>Duyệt nội dung: the drafting unit's head checked the content.</summary>
    Content = 1,

    /// <summary>Duyệt thể thức: the designated person checked the format.</summary>
    Format = 2,
}

/// <summary>
/// One step of an approval chain (1-based <see cref="Number"/>, step 1 being the drafter). <see cref="ReturnResumesAt"/>
/// says where the chain resumes when this step returns the draft to the drafter and the drafter submits it again: a
/// step number (regulation 000: a return by the agency leader resumes at step 2), or <c>0</c> for the step that returned it.
/// </summary>
public sealed record ChainStep(
    int Number,
    ChainStepKind Kind,
    string Name,
    bool CanSkip = false,
    bool AllowsAddedSteps = false,
    int ReturnResumesAt = 2,
    StepApproval Records = StepApproval.None,
    Guid? UserId = null,
    string? UserName = null)
{
    public const int NameMaxLength = 100;

    /// <summary>The step signs (or approves for signature): the agency leader's step.</summary>
    [JsonIgnore]
    public bool Signs => Kind == ChainStepKind.AgencyLeader;
}

/// <summary>
/// Quy trình xử lý văn bản đi: an ordered list of steps that an agency uses for some document types (or all:
/// <see cref="TypeCodes"/> empty), administered in a page. A draft takes a copy of its process's steps when first
/// submitted, so changing a definition never changes a draft already on its way.
/// </summary>
public sealed class OutgoingProcess
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 50;
    public const int TypeCodesMaxLength = 500;
    public const int MaxSteps = 12;

    private OutgoingProcess()
    {
        Code = null!;
        Name = null!;
        Steps = [];
        TypeCodes = "";
    }

    public OutgoingProcess(Guid agencyId, string code, string name, IReadOnlyList<ChainStep> steps, IEnumerable<string> typeCodes, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Code = code;
        Name = name;
        CreatedAt = now;
        IsActive = true;
        Steps = [];
        TypeCodes = "";
        Change(name, steps, typeCodes, now);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The steps in order, step 1 the drafter and the last the clerk.</summary>
    public List<ChainStep> Steps { get; private set; }

    /// <summary>The document type codes it applies to, comma-separated; empty: every type without a process of its own.</summary>
    public string TypeCodes { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<string> TypeCodeList => TypeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool AppliesTo(string typeCode) => TypeCodeList.Contains(typeCode, StringComparer.Ordinal);

    public void Change(string name, IReadOnlyList<ChainStep> steps, IEnumerable<string> typeCodes, DateTime now)
    {
        Check(steps).ThrowIfBroken();
        Name = name.Trim();
        Steps = [.. steps.Select((s, i) => s with { Number = i + 1, Name = s.Name.Trim() })];
        TypeCodes = string.Join(",", typeCodes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
        UpdatedAt = now;
        Version++;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>
    /// A chain is valid when step 1 is the drafter, the last step is the clerk, the agency leader who signs holds the step
    /// before it (and only that one: an agency leader's step is where the draft is signed), and every step has a name,
    /// a person when it names one, and a return that resumes at an existing reviewing step. The first broken rule, on
    /// its field (<c>steps[2].kind</c>, 0-based as in the request).
    /// </summary>
    public static BrokenRule? Check(IReadOnlyList<ChainStep> steps) =>
        Problems(steps).Select(p => BrokenRule.Invalid(p.Value, p.Key)).FirstOrDefault();

    /// <summary>Every broken rule of <see cref="Check"/>, at most one per field, keyed by the request field.</summary>
    public static IReadOnlyDictionary<string, string> Problems(IReadOnlyList<ChainStep> steps)
    {
        var problems = new Dictionary<string, string>();
        if (steps.Count < 3 || steps.Count > MaxSteps)
        {
            problems["steps"] = $"Quy trình có từ 3 đến {MaxSteps} bước (chuyên viên dự thảo, lãnh đạo ký ban hành, văn thư phát hành và các bước xem xét).";
            return problems;
        }

        var last = steps.Count - 1;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var at = $"steps[{i}]";
            if (KindProblem(step.Kind, i, last) is { } kind)
            {
                problems[$"{at}.kind"] = kind;
            }

            if (string.IsNullOrWhiteSpace(step.Name))
            {
                problems[$"{at}.name"] = $"Vui lòng nhập tên bước {i + 1}.";
            }
            else if (step.Name.Trim().Length > ChainStep.NameMaxLength)
            {
                problems[$"{at}.name"] = $"Tên bước dài tối đa {ChainStep.NameMaxLength} ký tự.";
            }

            if (i == last - 1 && step.Kind == ChainStepKind.AgencyLeader && step.CanSkip)
            {
                problems[$"{at}.canSkip"] = "Bước lãnh đạo ký ban hành không được bỏ qua.";
            }

            if (step.Kind == ChainStepKind.Person && step.UserId is null)
            {
                problems[$"{at}.userId"] = "Vui lòng chọn người xử lý bước này.";
            }

            if (step.ReturnResumesAt != 0 && (step.ReturnResumesAt < 2 || step.ReturnResumesAt > last))
            {
                problems[$"{at}.returnResumesAt"] = $"Sau khi trả lại, quy trình tiếp tục từ bước 2 đến bước {last} (hoặc 0: bước đã trả lại).";
            }
        }

        return problems;
    }

    private static string? KindProblem(ChainStepKind kind, int index, int last)
    {
        if (!Enum.IsDefined(kind))
        {
            return "Vui lòng chọn người xử lý bước theo vai trò.";
        }

        return (index, kind) switch
        {
            (0, not ChainStepKind.Drafter) => "Bước 1 phải là chuyên viên dự thảo.",
            (> 0, ChainStepKind.Drafter) => "Chỉ bước 1 là chuyên viên dự thảo.",
            _ when index == last && kind != ChainStepKind.Clerk => "Bước cuối phải là văn thư phát hành.",
            _ when index < last && kind == ChainStepKind.Clerk => "Chỉ bước cuối là văn thư phát hành.",
            _ when index == last - 1 && kind != ChainStepKind.AgencyLeader => "Bước liền trước văn thư phải là lãnh đạo cơ quan ký ban hành.",
            _ when index < last - 1 && kind == ChainStepKind.AgencyLeader =>
                "Lãnh đạo cơ quan ký ở bước liền trước văn thư; để một lãnh đạo khác xem xét trước đó, hãy chọn “Người được chọn”.",
            _ => null,
        };
    }

    /// <summary>Applies to every document type without an active process of its own.</summary>
    public bool IsDefault => TypeCodeList.Count == 0;

    /// <summary>
    /// The active processes among <paramref name="others"/> that this one, were it active, would compete with: one that
    /// names a type this one names, or the other default when both are defaults. An agency applies one process per type.
    /// </summary>
    public IReadOnlyList<OutgoingProcess> ClashesWith(IEnumerable<OutgoingProcess> others) =>
        [.. others.Where(o => o.Id != Id && o.IsActive && (IsDefault ? o.IsDefault : o.TypeCodeList.Any(AppliesTo)))];

    /// <summary>The clash of <see cref="ClashesWith"/> in words, naming each competing process; <c>null</c> when there is none.</summary>
    public BrokenRule? ClashRule(IReadOnlyList<OutgoingProcess> clashes, string? field = null)
    {
        if (clashes.Count == 0)
        {
            return null;
        }

        var reasons = clashes.Select(o => IsDefault
            ? $"“{o.Name}” đang là quy trình mặc định (cho các loại văn bản chưa có quy trình riêng)"
            : $"“{o.Name}” đang áp dụng cho {string.Join(", ", o.TypeCodeList.Where(AppliesTo).Select(t => Contracts.DocumentTypes.NameOf(t)))}");
        return new BrokenRule($"Mỗi loại văn bản chỉ áp dụng một quy trình: {string.Join("; ", reasons)}. Hãy ngừng áp dụng quy trình đó trước, hoặc áp dụng thay thế.",
            RuleKind.Conflict, field);
    }

    /// <summary>The agency must keep one active default, or the types without a process of their own could not be drafted.</summary>
    public static BrokenRule? KeepsDefault(IEnumerable<OutgoingProcess> activeAfter, string? field = null) =>
        activeAfter.Any(p => p.IsActive && p.IsDefault)
            ? null
            : new BrokenRule("Cơ quan phải luôn có một quy trình mặc định đang áp dụng (cho các loại văn bản chưa có quy trình riêng). "
                + "Hãy áp dụng một quy trình mặc định khác thay thế trước.", RuleKind.Conflict, field);

    /// <summary>Regulation 000 Điều 8: specialist → unit head → legal review → agency leader → clerk.</summary>
    public static IReadOnlyList<ChainStep> Regulation000Steps { get; } =
    [
        new(1, ChainStepKind.Drafter, "Chuyên viên dự thảo"),
        new(2, ChainStepKind.UnitHead, "Lãnh đạo phòng xem xét", AllowsAddedSteps: true, Records: StepApproval.Content),
        new(3, ChainStepKind.LegalReview, "Pháp chế thẩm định", CanSkip: true, Records: StepApproval.Format),
        new(4, ChainStepKind.AgencyLeader, "Lãnh đạo Sở xét duyệt, ký", AllowsAddedSteps: true),
        new(5, ChainStepKind.Clerk, "Văn thư phát hành"),
    ];

    /// <summary>Regulation 003 Điều 6: specialist → unit head → chief of office → agency leader → clerk.</summary>
    public static IReadOnlyList<ChainStep> Regulation003Steps { get; } =
    [
        new(1, ChainStepKind.Drafter, "Chuyên viên dự thảo"),
        new(2, ChainStepKind.UnitHead, "Trưởng phòng thẩm định", Records: StepApproval.Content),
        new(3, ChainStepKind.ChiefOfOffice, "Chánh Văn phòng thẩm định thể thức", Records: StepApproval.Format),
        new(4, ChainStepKind.AgencyLeader, "Lãnh đạo Sở ký ban hành"),
        new(5, ChainStepKind.Clerk, "Văn thư phát hành"),
    ];

    public const string Regulation000Code = "quy-che-000-dieu-8";
    public const string Regulation003Code = "quy-che-003-dieu-6";

    public static string KindName(ChainStepKind kind) => kind switch
    {
        ChainStepKind.Drafter => "Chuyên viên dự thảo",
        ChainStepKind.UnitHead => "Lãnh đạo đơn vị soạn thảo",
        ChainStepKind.LegalReview => "Pháp chế",
        ChainStepKind.ChiefOfOffice => "Chánh Văn phòng",
        ChainStepKind.AgencyLeader => "Lãnh đạo cơ quan",
        ChainStepKind.Clerk => "Văn thư",
        _ => "Người được chọn",
    };
}

/// <summary>
/// An agency's settings for outgoing documents: what its documents print above the number (the superior body, the
/// place), its abbreviation in symbols, the units that review (legal, office), how numbers run, and how internal
/// recipients receive issued documents.
/// </summary>
public sealed class OutgoingSettings
{
    public const int NameMaxLength = 200;
    public const int PlaceMaxLength = 100;
    public const int AbbreviationMaxLength = 20;

    private OutgoingSettings()
    {
        Place = null!;
        Abbreviation = null!;
    }

    public OutgoingSettings(Guid agencyId, string abbreviation, string place)
    {
        AgencyId = agencyId;
        Abbreviation = abbreviation;
        Place = place;
    }

    public Guid AgencyId { get; private set; }

    /// <summary>Tên cơ quan chủ quản printed above the issuer ("UBND TỈNH NINH BÌNH"); <c>null</c> when none.</summary>
    public string? SuperiorName { get; set; }

    /// <summary>Tên cơ quan ban hành as printed; <c>null</c>: the agency's full name.</summary>
    public string? IssuerName { get; set; }

    /// <summary>Địa danh of the date line ("Ninh Bình").</summary>
    public string Place { get; set; }

    /// <summary>The agency's abbreviation in symbols (<c>SGTVT</c>).</summary>
    public string Abbreviation { get; set; }

    /// <summary>Số văn bản đi: one series for the agency, or one per document type (Decree 30 Art. 15; the head decides).</summary>
    public bool NumberPerType { get; set; }

    /// <summary>The legal review unit (Phòng Pháp chế), whose leaders hold the legal review step when nobody holds the legal role.</summary>
    public Guid? LegalUnitId { get; set; }

    /// <summary>The office (Văn phòng), whose head is the chief of office.</summary>
    public Guid? OfficeUnitId { get; set; }

    /// <summary>
    /// Issued documents reach internal recipients registered and presented at once (with the next arrival number of the
    /// recipient's register) instead of waiting in the "chờ tiếp nhận" list for a clerk.
    /// </summary>
    public bool DeliverInternallyDirectly { get; set; }
}
