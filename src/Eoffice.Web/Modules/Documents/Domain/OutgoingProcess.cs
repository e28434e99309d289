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
        Name = name;
        Steps = [.. steps.Select((s, i) => s with { Number = i + 1 })];
        TypeCodes = string.Join(",", typeCodes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
        UpdatedAt = now;
        Version++;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>
    /// A chain is valid when step 1 is the drafter, the last step is the clerk, an agency leader signs before it, and
    /// every return resumes at an existing reviewing step.
    /// </summary>
    public static BrokenRule? Check(IReadOnlyList<ChainStep> steps)
    {
        if (steps.Count < 3 || steps.Count > MaxSteps)
        {
            return BrokenRule.Invalid($"Quy trình có từ 3 đến {MaxSteps} bước.", "steps");
        }

        if (steps[0].Kind != ChainStepKind.Drafter || steps.Skip(1).Any(s => s.Kind == ChainStepKind.Drafter))
        {
            return BrokenRule.Invalid("Bước 1 là chuyên viên dự thảo, và chỉ bước 1.", "steps");
        }

        if (steps[^1].Kind != ChainStepKind.Clerk || steps.SkipLast(1).Any(s => s.Kind == ChainStepKind.Clerk))
        {
            return BrokenRule.Invalid("Bước cuối là văn thư phát hành, và chỉ bước cuối.", "steps");
        }

        if (steps[^2].Kind != ChainStepKind.AgencyLeader || steps[^2].CanSkip)
        {
            return BrokenRule.Invalid("Bước liền trước văn thư là lãnh đạo ký ban hành và không được bỏ qua.", "steps");
        }

        if (steps.Any(s => s.Kind == ChainStepKind.Person && s.UserId is null))
        {
            return BrokenRule.Invalid("Bước do một người cụ thể xử lý phải chọn người đó.", "steps");
        }

        if (steps.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > ChainStep.NameMaxLength))
        {
            return BrokenRule.Invalid($"Mỗi bước có tên, dài tối đa {ChainStep.NameMaxLength} ký tự.", "steps");
        }

        return steps.Any(s => s.ReturnResumesAt != 0 && (s.ReturnResumesAt < 2 || s.ReturnResumesAt > steps.Count - 1))
            ? BrokenRule.Invalid($"Bước tiếp tục sau khi trả lại phải từ 2 đến {steps.Count - 1} (hoặc 0: bước đã trả lại).", "steps")
            : null;
    }

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
