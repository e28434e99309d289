using System.Globalization;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>Where a file plan is in its year: drafted by the office, submitted, approved by the agency leader.</summary>
public enum FilePlanStatus
{
    /// <summary>Dự thảo: the office edits it.</summary>
    Draft = 0,

    /// <summary>Đã trình: waiting for the agency leader; nobody edits it.</summary>
    Submitted = 1,

    /// <summary>Đã phê duyệt: in force for the year, read-only; dossiers are opened from its entries.</summary>
    Approved = 2,
}

/// <summary>How the entries' numbers run (Phụ lục V: "đánh số liên tục trong toàn danh mục" or "trong từng đề mục lớn").</summary>
public enum FilePlanNumbering
{
    /// <summary>01, 02, … through the whole plan.</summary>
    AcrossPlan = 0,

    /// <summary>01, 02, … again under each heading (Roman numeral).</summary>
    PerHeading = 1,
}

/// <summary>
/// Danh mục hồ sơ (Decree 30 Art. 28, Phụ lục V; ADR 0031): the agency's yearly list of the dossiers it will open, one
/// per agency and year. Headings (đề mục lớn, Roman numerals) hold sub-headings (đề mục nhỏ, Arabic numerals) and
/// entries; each entry is a dossier to be opened, numbered by <see cref="Numbering"/> and given the code "01.TCCB"
/// (number + the abbreviation of its heading). The office drafts it, submits it, the agency leader approves it (then it
/// is read-only) or returns it with a reason; returning an approved plan reopens it as an amendment (<see cref="Revision"/>
/// + 1) that needs approval again. Entries keep their ids through amendments and copies, so dossiers can hang on them.
/// </summary>
public sealed class FilePlan
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int TitleMaxLength = 500;
    public const int AbbreviationMaxLength = 20;
    public const int NotesMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int MaxHeadings = 500;
    public const int MaxEntries = 5000;

    private readonly List<FilePlanHeading> headings = [];
    private readonly List<FilePlanEntry> entries = [];

    private FilePlan()
    {
    }

    public FilePlan(Guid agencyId, int year, FilePlanNumbering numbering, Guid createdById, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Year = year;
        Numbering = numbering;
        Status = FilePlanStatus.Draft;
        Revision = 1;
        CreatedById = createdById;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Year { get; private set; }

    public FilePlanNumbering Numbering { get; private set; }

    public FilePlanStatus Status { get; private set; }

    /// <summary>1 for the first approval; each reopening of an approved plan (sửa đổi, bổ sung) adds one.</summary>
    public int Revision { get; private set; }

    /// <summary>The approved plan of the year before that this draft was copied from.</summary>
    public Guid? CopiedFromId { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public string? SubmittedByName { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    /// <summary>Why the leader last returned the plan to draft (kept until the next approval).</summary>
    public string? ReturnReason { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    public string? ReturnedByName { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<FilePlanHeading> Headings => headings;

    public IReadOnlyList<FilePlanEntry> Entries => entries;

    // ---- checks (the page offers only what passes) ----

    public BrokenRule? CanEdit() => Status switch
    {
        FilePlanStatus.Draft => null,
        FilePlanStatus.Submitted => BrokenRule.Conflict("Danh mục hồ sơ đã trình lãnh đạo, không sửa được; chờ phê duyệt hoặc trả lại."),
        _ => BrokenRule.Conflict("Danh mục hồ sơ đã được phê duyệt, không sửa được; cần lãnh đạo mở lại để sửa đổi, bổ sung."),
    };

    public BrokenRule? CanSubmit() =>
        Status != FilePlanStatus.Draft ? BrokenRule.Conflict("Chỉ trình được danh mục hồ sơ đang dự thảo.")
        : entries.Count == 0 ? BrokenRule.Invalid("Danh mục hồ sơ chưa có hồ sơ nào.")
        : null;

    public BrokenRule? CanApprove() => Status == FilePlanStatus.Submitted ? null : BrokenRule.Conflict("Chỉ phê duyệt được danh mục hồ sơ đã trình.");

    public BrokenRule? CanReturn() => Status == FilePlanStatus.Draft ? BrokenRule.Conflict("Danh mục hồ sơ đang dự thảo.") : null;

    public BrokenRule? CanCopyForward() =>
        Status == FilePlanStatus.Approved ? null : BrokenRule.Conflict("Chỉ sao chép được danh mục hồ sơ đã được phê duyệt.");

    // ---- settings ----

    public void SetNumbering(FilePlanNumbering numbering, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        Numbering = numbering;
        Renumber();
        Touch(now);
    }

    // ---- headings ----

    /// <summary>Adds a heading at the end (<paramref name="parentId"/> null) or a sub-heading at the end of its heading.</summary>
    public FilePlanHeading AddHeading(Guid? parentId, string title, string? abbreviation, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        if (headings.Count >= MaxHeadings)
        {
            throw RuleException.Invalid($"Danh mục hồ sơ có tối đa {MaxHeadings} đề mục.");
        }

        if (parentId is { } pid)
        {
            var parent = Heading(pid, "parentId");
            if (parent.ParentId is not null)
            {
                throw RuleException.Invalid("Đề mục nhỏ chỉ nằm trong đề mục lớn (danh mục có hai cấp đề mục).", "parentId");
            }
        }

        var heading = new FilePlanHeading(this, parentId, title, AbbreviationFor(parentId, abbreviation), Siblings(parentId).Count() + 1);
        headings.Add(heading);
        Renumber();
        Touch(now);
        return heading;
    }

    public FilePlanHeading ChangeHeading(Guid headingId, string title, string? abbreviation, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var heading = Heading(headingId);
        heading.Change(title, AbbreviationFor(heading.ParentId, abbreviation));
        Renumber();
        Touch(now);
        return heading;
    }

    /// <summary>Moves a heading to <paramref name="position"/> (1-based, clamped) among its siblings.</summary>
    public FilePlanHeading MoveHeading(Guid headingId, int position, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var heading = Heading(headingId);
        var siblings = Siblings(heading.ParentId).Where(h => h != heading).ToList();
        siblings.Insert(Math.Clamp(position, 1, siblings.Count + 1) - 1, heading);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(i + 1);
        }

        Renumber();
        Touch(now);
        return heading;
    }

    public void RemoveHeading(Guid headingId, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var heading = Heading(headingId);
        if (headings.Any(h => h.ParentId == heading.Id) || entries.Any(e => e.HeadingId == heading.Id))
        {
            throw RuleException.Conflict("Đề mục còn đề mục nhỏ hoặc hồ sơ; hãy chuyển hoặc xóa chúng trước.");
        }

        headings.Remove(heading);
        Close(Siblings(heading.ParentId).ToList());
        Renumber();
        Touch(now);
    }

    // ---- entries ----

    public FilePlanEntry AddEntry(Guid headingId, FilePlanEntryContent content, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        if (entries.Count >= MaxEntries)
        {
            throw RuleException.Invalid($"Danh mục hồ sơ có tối đa {MaxEntries} hồ sơ.");
        }

        var heading = Heading(headingId, "headingId");
        var entry = new FilePlanEntry(this, heading.Id, content, entries.Count(e => e.HeadingId == heading.Id) + 1);
        entries.Add(entry);
        Renumber();
        Touch(now);
        return entry;
    }

    public FilePlanEntry ChangeEntry(Guid entryId, FilePlanEntryContent content, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var entry = Entry(entryId);
        entry.Change(content);
        Touch(now);
        return entry;
    }

    /// <summary>Moves an entry to <paramref name="position"/> (1-based, clamped) under <paramref name="headingId"/> (null: its own heading).</summary>
    public FilePlanEntry MoveEntry(Guid entryId, Guid? headingId, int position, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var entry = Entry(entryId);
        var target = headingId is { } id ? Heading(id, "headingId").Id : entry.HeadingId;
        var source = entry.HeadingId;
        var siblings = entries.Where(e => e.HeadingId == target && e != entry).OrderBy(e => e.SortOrder).ToList();
        siblings.Insert(Math.Clamp(position, 1, siblings.Count + 1) - 1, entry);
        entry.PlaceUnder(target);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(i + 1);
        }

        if (source != target)
        {
            Close(entries.Where(e => e.HeadingId == source).OrderBy(e => e.SortOrder).ToList());
        }

        Renumber();
        Touch(now);
        return entry;
    }

    public void RemoveEntry(Guid entryId, DateTime now)
    {
        CanEdit().ThrowIfBroken();
        var entry = Entry(entryId);
        entries.Remove(entry);
        Close(entries.Where(e => e.HeadingId == entry.HeadingId).OrderBy(e => e.SortOrder).ToList());
        Renumber();
        Touch(now);
    }

    // ---- states ----

    public void Submit(string byName, DateTime now)
    {
        CanSubmit().ThrowIfBroken();
        Status = FilePlanStatus.Submitted;
        SubmittedAt = now;
        SubmittedByName = byName;
        Touch(now);
    }

    public void Approve(Guid byId, string byName, DateTime now)
    {
        CanApprove().ThrowIfBroken();
        Status = FilePlanStatus.Approved;
        ApprovedAt = now;
        ApprovedById = byId;
        ApprovedByName = byName;
        ReturnReason = null;
        ReturnedAt = null;
        ReturnedByName = null;
        Touch(now);
    }

    /// <summary>
    /// The leader sends a submitted plan back to the office, or reopens an approved one for an amendment (a new revision
    /// that must be approved again); the reason is kept and shown on the plan.
    /// </summary>
    public void ReturnToDraft(string reason, string byName, DateTime now)
    {
        CanReturn().ThrowIfBroken();
        if (Status == FilePlanStatus.Approved)
        {
            Revision++;
        }

        Status = FilePlanStatus.Draft;
        ApprovedAt = null;
        ApprovedById = null;
        ApprovedByName = null;
        SubmittedAt = null;
        SubmittedByName = null;
        ReturnReason = reason;
        ReturnedAt = now;
        ReturnedByName = byName;
        Touch(now);
    }

    /// <summary>Next year's draft with the same settings, headings and entries (new ids), as a starting point (Art. 28).</summary>
    public FilePlan CopyForward(Guid createdById, DateTime now)
    {
        CanCopyForward().ThrowIfBroken();
        if (Year >= MaxYear)
        {
            throw RuleException.Invalid($"Năm của danh mục phải từ {MinYear} đến {MaxYear}.");
        }

        var copy = new FilePlan(AgencyId, Year + 1, Numbering, createdById, now) { CopiedFromId = Id };
        var map = new Dictionary<Guid, Guid>();
        foreach (var heading in headings.OrderBy(h => h.ParentId is null ? 0 : 1))
        {
            var copied = new FilePlanHeading(copy, heading.ParentId is { } p ? map[p] : null, heading.Title, heading.Abbreviation, heading.SortOrder);
            map[heading.Id] = copied.Id;
            copy.headings.Add(copied);
        }

        foreach (var entry in entries)
        {
            copy.entries.Add(new FilePlanEntry(copy, map[entry.HeadingId], entry.Content, entry.SortOrder));
        }

        copy.Renumber();
        return copy;
    }

    // ---- layout ----

    /// <summary>The headings of one level in order (<paramref name="parentId"/> null: the large headings).</summary>
    public IEnumerable<FilePlanHeading> Siblings(Guid? parentId) => headings.Where(h => h.ParentId == parentId).OrderBy(h => h.SortOrder);

    /// <summary>The plan as Phụ lục V lists it: each heading, its own entries, then its sub-headings each with their entries.</summary>
    public IEnumerable<FilePlanRow> Layout()
    {
        var major = 0;
        foreach (var heading in Siblings(null))
        {
            major++;
            yield return new FilePlanRow(heading, null, ToRoman(major));
            foreach (var entry in EntriesUnder(heading.Id))
            {
                yield return new FilePlanRow(heading, entry, null);
            }

            var minor = 0;
            foreach (var sub in Siblings(heading.Id))
            {
                minor++;
                yield return new FilePlanRow(sub, null, minor.ToString(CultureInfo.InvariantCulture));
                foreach (var entry in EntriesUnder(sub.Id))
                {
                    yield return new FilePlanRow(sub, entry, null);
                }
            }
        }
    }

    public IEnumerable<FilePlanEntry> EntriesUnder(Guid headingId) => entries.Where(e => e.HeadingId == headingId).OrderBy(e => e.SortOrder);

    public static string ToRoman(int number)
    {
        (int Value, string Text)[] parts =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new System.Text.StringBuilder();
        foreach (var (value, roman) in parts)
        {
            while (number >= value)
            {
                text.Append(roman);
                number -= value;
            }
        }

        return text.ToString();
    }

    /// <summary>Gives every entry its number and code in layout order: "01.TCCB", through the plan or per heading.</summary>
    private void Renumber()
    {
        var number = 0;
        foreach (var heading in Siblings(null))
        {
            if (Numbering == FilePlanNumbering.PerHeading)
            {
                number = 0;
            }

            foreach (var entry in EntriesUnder(heading.Id).Concat(Siblings(heading.Id).SelectMany(s => EntriesUnder(s.Id))))
            {
                number++;
                entry.Numbered(number, $"{number.ToString("00", CultureInfo.InvariantCulture)}.{heading.Abbreviation}");
            }
        }
    }

    private static string? AbbreviationFor(Guid? parentId, string? abbreviation)
    {
        if (parentId is not null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(abbreviation))
        {
            throw RuleException.Invalid("Vui lòng nhập chữ viết tắt của đề mục lớn (ví dụ TCCB).", "abbreviation");
        }

        return abbreviation;
    }

    private FilePlanHeading Heading(Guid id, string? field = null) =>
        headings.SingleOrDefault(h => h.Id == id)
        ?? throw (field is null ? RuleException.NotFound("Không tìm thấy đề mục trong danh mục hồ sơ.") : RuleException.Invalid("Không tìm thấy đề mục trong danh mục hồ sơ.", field));

    private FilePlanEntry Entry(Guid id) =>
        entries.SingleOrDefault(e => e.Id == id) ?? throw RuleException.NotFound("Không tìm thấy hồ sơ trong danh mục.");

    private static void Close<T>(IReadOnlyList<T> ordered)
        where T : IFilePlanItem
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Place(i + 1);
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A heading or an entry: ordered among its siblings.</summary>
public interface IFilePlanItem
{
    int SortOrder { get; }

    void Place(int sortOrder);
}

/// <summary>One row of the Phụ lục V table: a heading (with its label "I" or "1") or an entry under it.</summary>
public sealed record FilePlanRow(FilePlanHeading Heading, FilePlanEntry? Entry, string? Label);

/// <summary>Đề mục: a large heading (Roman numeral, with the abbreviation that ends its entries' codes) or a sub-heading.</summary>
public sealed class FilePlanHeading : IFilePlanItem
{
    private FilePlanHeading()
    {
        Title = string.Empty;
    }

    internal FilePlanHeading(FilePlan plan, Guid? parentId, string title, string? abbreviation, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        FilePlanId = plan.Id;
        ParentId = parentId;
        Title = title;
        Abbreviation = abbreviation;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid FilePlanId { get; private set; }

    /// <summary>The large heading of a sub-heading; null for a large heading.</summary>
    public Guid? ParentId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The large heading's abbreviation (TCCB, VP…); null for a sub-heading, whose entries use their heading's.</summary>
    public string? Abbreviation { get; private set; }

    public int SortOrder { get; private set; }

    public void Place(int sortOrder) => SortOrder = sortOrder;

    internal void Change(string title, string? abbreviation)
    {
        Title = title;
        Abbreviation = abbreviation;
    }
}

/// <summary>What the office writes of an entry: title, retention, the unit and person who will open it, notes.</summary>
public sealed record FilePlanEntryContent(string Title, RetentionPeriod Retention, Guid ResponsibleUnitId, Guid? ResponsiblePersonId, string? Notes);

/// <summary>
/// One dossier to be opened during the year: its number and code ("01.TCCB", given by the plan), title, retention, the
/// unit and person responsible for opening it (đơn vị/người lập hồ sơ) and notes.
/// </summary>
public sealed class FilePlanEntry : IFilePlanItem
{
    public const int CodeMaxLength = 40;

    private FilePlanEntry()
    {
        Title = Code = string.Empty;
    }

    internal FilePlanEntry(FilePlan plan, Guid headingId, FilePlanEntryContent content, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        FilePlanId = plan.Id;
        HeadingId = headingId;
        SortOrder = sortOrder;
        Title = Code = string.Empty;
        Change(content);
    }

    public Guid Id { get; private set; }

    public Guid FilePlanId { get; private set; }

    /// <summary>The heading or sub-heading the entry is listed under.</summary>
    public Guid HeadingId { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>The sequence number in the plan or in its heading (<see cref="FilePlan.Numbering"/>).</summary>
    public int Sequence { get; private set; }

    /// <summary>Số và ký hiệu hồ sơ: "01.TCCB".</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    /// <summary>Years to keep the dossier; null: permanent (<see cref="Retention"/>).</summary>
    public int? RetentionYears { get; private set; }

    public Guid ResponsibleUnitId { get; private set; }

    public Guid? ResponsiblePersonId { get; private set; }

    public string? Notes { get; private set; }

    public RetentionPeriod Retention => RetentionPeriod.FromStored(RetentionYears);

    public FilePlanEntryContent Content => new(Title, Retention, ResponsibleUnitId, ResponsiblePersonId, Notes);

    public void Place(int sortOrder) => SortOrder = sortOrder;

    internal void PlaceUnder(Guid headingId) => HeadingId = headingId;

    internal void Numbered(int sequence, string code)
    {
        Sequence = sequence;
        Code = code;
    }

    internal void Change(FilePlanEntryContent content)
    {
        Title = content.Title;
        RetentionYears = content.Retention.Years;
        ResponsibleUnitId = content.ResponsibleUnitId;
        ResponsiblePersonId = content.ResponsiblePersonId;
        Notes = content.Notes;
    }
}
