using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>The formats a staff list can be imported from.</summary>
public enum StaffFileFormat
{
    Xlsx,
    Csv,
}

/// <summary>One data row of a staff file: its row number in the file (the header is row 1) and its cells by column.</summary>
public sealed record StaffRow(int RowNumber, string FullName, string Unit, string Position, string Email, string Phone, string UserName, string Roles);

/// <summary>A staff file read: its rows, or why it could not be read at all.</summary>
public sealed record StaffFileContent(IReadOnlyList<StaffRow> Rows, string? Error);

/// <summary>
/// Reads and writes staff lists (danh sách cán bộ): an .xlsx workbook (first sheet) or a UTF-8 .csv file (with or
/// without BOM, separated by commas or semicolons, fields optionally in double quotes). The first row holds the
/// Vietnamese column names, matched without case or tone marks: Họ và tên, Đơn vị, Chức vụ, Email, Điện thoại,
/// Tên đăng nhập (optional), Vai trò (optional, several separated by commas or semicolons).
/// </summary>
public static class StaffFile
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    public const string FullNameColumn = "Họ và tên";
    public const string UnitColumn = "Đơn vị";
    public const string PositionColumn = "Chức vụ";
    public const string EmailColumn = "Email";
    public const string PhoneColumn = "Điện thoại";
    public const string UserNameColumn = "Tên đăng nhập";
    public const string RolesColumn = "Vai trò";

    public static readonly IReadOnlyList<string> Columns = [FullNameColumn, UnitColumn, PositionColumn, EmailColumn, PhoneColumn, UserNameColumn, RolesColumn];

    private static readonly string[] RequiredColumns = [FullNameColumn, UnitColumn, PositionColumn];

    public static StaffFileFormat? ParseFormat(string? format) => VietnameseText.Fold(format).TrimStart('.') switch
    {
        "xlsx" => StaffFileFormat.Xlsx,
        "csv" => StaffFileFormat.Csv,
        _ => null,
    };

    /// <summary>Reads a whole staff file; <paramref name="content"/> must be at most <see cref="MaxBytes"/> long.</summary>
    public static StaffFileContent Read(byte[] content, StaffFileFormat format)
    {
        var table = format == StaffFileFormat.Csv ? ReadCsv(content, out var error) : ReadXlsx(content, out error);
        return error is not null ? new StaffFileContent([], error) : ToRows(table!);
    }

    private static StaffFileContent ToRows(IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> table)
    {
        if (table.Count == 0)
        {
            return new StaffFileContent([], "Tệp không có dữ liệu: dòng đầu tiên phải là tên các cột.");
        }

        var header = table[0].Cells.Select(VietnameseText.Fold).ToList();
        int IndexOf(string column) => header.IndexOf(VietnameseText.Fold(column));
        var missing = RequiredColumns.Where(c => IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            return new StaffFileContent([], $"Thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu.");
        }

        var indexes = Columns.ToDictionary(c => c, IndexOf);
        var rows = new List<StaffRow>();
        foreach (var (rowNumber, cells) in table.Skip(1))
        {
            string Cell(string column) => indexes[column] is var i && i >= 0 && i < cells.Count
                ? VietnameseText.Normalize(SafeText.Clean(cells[i], multiLine: false)).Trim()
                : string.Empty;
            var row = new StaffRow(rowNumber, Cell(FullNameColumn), Cell(UnitColumn), Cell(PositionColumn), Cell(EmailColumn),
                Cell(PhoneColumn), Cell(UserNameColumn), Cell(RolesColumn));
            if (row is { FullName: "", Unit: "", Position: "", Email: "", Phone: "", UserName: "", Roles: "" })
            {
                continue;
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return new StaffFileContent([], "Tệp không có dòng dữ liệu nào dưới dòng tên cột.");
        }

        return rows.Count > MaxRows
            ? new StaffFileContent([], $"Mỗi lần nhập tối đa {MaxRows} dòng; tệp có {rows.Count} dòng.")
            : new StaffFileContent(rows, null);
    }

    private static List<(int Row, IReadOnlyList<string> Cells)>? ReadCsv(byte[] content, out string? error)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            error = "Tệp CSV phải được lưu với bảng mã UTF-8.";
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = ChooseSeparator(text);
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                atFieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((records.Count + 1, fields.ToList()));
                fields.Clear();
                atFieldStart = true;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }

        if (inQuotes)
        {
            error = "Tệp CSV có dấu ngoặc kép chưa được đóng.";
            return null;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((records.Count + 1, fields.ToList()));
        }

        error = null;
        return records;
    }

    /// <summary>Semicolons (what a Vietnamese Excel writes) or commas, whichever the header line has more of.</summary>
    private static char ChooseSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    private static List<(int Row, IReadOnlyList<string> Cells)>? ReadXlsx(byte[] content, out string? error)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } sheetId)
            {
                error = "Tệp Excel không có trang tính nào.";
                return null;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var worksheet = (WorksheetPart)workbook.GetPartById(sheetId);
            var phoneColumn = -1;
            var records = new List<(int, IReadOnlyList<string>)>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    var value = CellText(cell, shared);
                    // A phone typed as a number in Excel loses its leading zero (0912… becomes 912…): put it back.
                    if (column == phoneColumn && cell.DataType is null && value.Length == 9 && value.All(char.IsAsciiDigit))
                    {
                        value = "0" + value;
                    }

                    cells.Add(value);
                }

                if (records.Count == 0)
                {
                    phoneColumn = cells.Select(VietnameseText.Fold).ToList().IndexOf(VietnameseText.Fold(PhoneColumn));
                }

                records.Add(((int)(row.RowIndex?.Value ?? (uint)(records.Count + 1)), cells));
            }

            error = null;
            return records;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException)
        {
            error = "Không đọc được tệp Excel: tệp phải ở định dạng .xlsx.";
            return null;
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return raw;
    }

    /// <summary>"A1" → 0, "C7" → 2, "AA3" → 26.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>A one-sheet workbook whose cells are all text; the first row is usually <see cref="Columns"/>.</summary>
    public static byte[] WriteXlsx(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            uint rowIndex = 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = rowIndex };
                for (var i = 0; i < values.Count; i++)
                {
                    row.Append(new Cell
                    {
                        CellReference = ColumnName(i) + rowIndex,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                data.Append(row);
                rowIndex++;
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Cán bộ" }));
        }

        return stream.ToArray();
    }

    /// <summary>A UTF-8 CSV file with BOM (so that Excel shows Vietnamese letters), comma separated, fields quoted when needed.</summary>
    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var builder = new StringBuilder();
        foreach (var values in rows)
        {
            builder.AppendJoin(',', values.Select(v => v.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
            builder.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
