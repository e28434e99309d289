namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>One kind of document (tên loại văn bản) of Decree 30/2020 Phụ lục III, with the abbreviation used in its symbol.</summary>
/// <param name="Code">Stable code stored with a document (the abbreviation, or a fixed code for types without one).</param>
/// <param name="Name">The Vietnamese name as printed.</param>
/// <param name="Abbreviation">The symbol abbreviation, kept exactly as written (mixed case such as <c>QyĐ</c>, <c>TTr</c>); <c>null</c> for công văn and thư công.</param>
/// <param name="IsCopy">Copy types (bản sao y, trích sao, sao lục).</param>
public sealed record DocumentType(string Code, string Name, string? Abbreviation, bool IsCopy = false);

/// <summary>
/// The Decree 30/2020 list of administrative document types (Phụ lục III.I): 27 types with an abbreviation, công văn
/// and thư công without one, and the three copy types. Incoming documents pick their type from it; the same list serves
/// outgoing numbering.
/// </summary>
public static class DocumentTypes
{
    public const string OfficialLetterCode = "CV";
    public const string PublicLetterCode = "THUCONG";

    public static readonly IReadOnlyList<DocumentType> All =
    [
        new("NQ", "Nghị quyết", "NQ"),
        new("QĐ", "Quyết định", "QĐ"),
        new("CT", "Chỉ thị", "CT"),
        new("QC", "Quy chế", "QC"),
        new("QyĐ", "Quy định", "QyĐ"),
        new("TC", "Thông cáo", "TC"),
        new("TB", "Thông báo", "TB"),
        new("HD", "Hướng dẫn", "HD"),
        new("CTr", "Chương trình", "CTr"),
        new("KH", "Kế hoạch", "KH"),
        new("PA", "Phương án", "PA"),
        new("ĐA", "Đề án", "ĐA"),
        new("DA", "Dự án", "DA"),
        new("BC", "Báo cáo", "BC"),
        new("BB", "Biên bản", "BB"),
        new("TTr", "Tờ trình", "TTr"),
        new("HĐ", "Hợp đồng", "HĐ"),
        new("CĐ", "Công điện", "CĐ"),
        new("BGN", "Bản ghi nhớ", "BGN"),
        new("BTT", "Bản thỏa thuận", "BTT"),
        new("GUQ", "Giấy ủy quyền", "GUQ"),
        new("GM", "Giấy mời", "GM"),
        new("GGT", "Giấy giới thiệu", "GGT"),
        new("GNP", "Giấy nghỉ phép", "GNP"),
        new("PG", "Phiếu gửi", "PG"),
        new("PC", "Phiếu chuyển", "PC"),
        new("PB", "Phiếu báo", "PB"),
        new(OfficialLetterCode, "Công văn", null),
        new(PublicLetterCode, "Thư công", null),
        new("SY", "Bản sao y", "SY", IsCopy: true),
        new("TrS", "Bản trích sao", "TrS", IsCopy: true),
        new("SL", "Bản sao lục", "SL", IsCopy: true),
    ];

    private static readonly Dictionary<string, DocumentType> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static DocumentType? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var type) ? type : null;

    public static string NameOf(string? code) => Find(code)?.Name ?? code ?? "";
}
