namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// What an outgoing document prints in the layout of Decree 30/2020 Phụ lục I (thể thức văn bản hành chính), element by
/// element, as <see cref="OfficialLayoutWriter"/> lays it out. The texts are given as they read; the writer prints in
/// upper case what the decree prints in upper case (superior, issuer, type name, authority and position).
/// </summary>
/// <param name="SuperiorName">Cơ quan chủ quản trực tiếp (ô 2), e.g. "UBND TỈNH NINH BÌNH"; <c>null</c> when there is none.</param>
/// <param name="IssuerName">Cơ quan ban hành (ô 2), e.g. "SỞ GIAO THÔNG VẬN TẢI", with the short line under it.</param>
/// <param name="NumberLine">Số, ký hiệu (ô 3): "Số: 05/QĐ-SGTVT", or "Số:      /QĐ-SGTVT" before numbering (<c>Domain.OfficialDateLine.NumberLine</c>).</param>
/// <param name="DateLine">Địa danh và thời gian (ô 4): "Ninh Bình, ngày 05 tháng 02 năm 2026" (<c>Domain.OfficialDateLine.Of</c>).</param>
/// <param name="TypeCode">The document type's code (<c>Contracts.DocumentTypes</c>); <c>DocumentTypes.OfficialLetterCode</c> for a công văn.</param>
/// <param name="TypeName">Tên loại (ô 5a), e.g. "Quyết định"; not printed for a công văn.</param>
/// <param name="Subject">Trích yếu (ô 5a), or for a công văn printed "V/v {Subject}" under the number (ô 5b).</param>
/// <param name="UrgencyMark">Dấu chỉ mức độ khẩn (ô 10b): "HỎA TỐC", "THƯỢNG KHẨN" or "KHẨN", printed red and framed; <c>null</c> when normal.</param>
/// <param name="Addressees">The "Kính gửi:" lines (ô 9a) of a công văn, or of a tờ trình or báo cáo sent upward; may be empty.</param>
/// <param name="AuthorityLine">Quyền hạn (ô 7a): "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL. GIÁM ĐỐC"; <c>null</c> when the head signs in their own right.</param>
/// <param name="PositionLine">Chức vụ của người ký (ô 7a/7b): "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG".</param>
/// <param name="SignerName">Họ tên người ký (ô 7b), e.g. "Nguyễn Văn A".</param>
/// <param name="RecipientLines">Nơi nhận (ô 9b), one line each ("Như trên;", "Sở Tài chính;"), the last "Lưu: VT, KHTC."; the writer adds the leading dash.</param>
/// <param name="SignaturePlaceholder">Text left where the signer's signature image is stamped later (ô 7c); <c>null</c> leaves the space empty.</param>
public sealed record OfficialLayout(
    string? SuperiorName,
    string IssuerName,
    string NumberLine,
    string DateLine,
    string TypeCode,
    string TypeName,
    string Subject,
    string? UrgencyMark,
    IReadOnlyList<string> Addressees,
    string? AuthorityLine,
    string PositionLine,
    string SignerName,
    IReadOnlyList<string> RecipientLines,
    string? SignaturePlaceholder = OfficialLayoutPlaceholders.Signature);
