using System.Text;
using Eoffice.Web.Modules.Identity.People;

namespace Eoffice.UnitTests.Organization;

public sealed class StaffFileTests
{
    private static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_comma_separated_file_with_bom_and_quoted_fields_is_read_row_by_row()
    {
        var csv = "Họ và tên,Đơn vị,Chức vụ,Email,Điện thoại,Tên đăng nhập,Vai trò\r\n"
            + "Nguyễn Văn Bình,\"Phòng Kế hoạch - Tài chính\",Chuyên viên,nvbinh@ninhbinh.gov.vn,0912 000 111,,\"Chuyên viên, Pháp chế\"\r\n"
            + ",,,,,,\r\n"
            + "\"Trần \"\"Út\"\" Lan\",Văn phòng,Văn thư,,,,\n";

        var file = StaffFile.Read(Utf8(csv, bom: true), StaffFileFormat.Csv);

        Assert.Null(file.Error);
        Assert.Equal(2, file.Rows.Count);
        var first = file.Rows[0];
        Assert.Equal(2, first.RowNumber);
        Assert.Equal("Nguyễn Văn Bình", first.FullName);
        Assert.Equal("Phòng Kế hoạch - Tài chính", first.Unit);
        Assert.Equal("0912 000 111", first.Phone);
        Assert.Equal("Chuyên viên, Pháp chế", first.Roles);
        Assert.Equal(4, file.Rows[1].RowNumber);
        Assert.Equal("Trần \"Út\" Lan", file.Rows[1].FullName);
    }

    [Fact]
    public void Control_and_bidirectional_characters_in_a_cell_are_removed_and_a_tab_becomes_a_space()
    {
        var csv = "Họ và tên,Đơn vị,Chức vụ\nNguyễn\u202E Văn\tAn,Văn phòng\u0007,\u200BChuyên viên\n";

        var row = Assert.Single(StaffFile.Read(Utf8(csv), StaffFileFormat.Csv).Rows);

        Assert.Equal(("Nguyễn Văn An", "Văn phòng", "Chuyên viên"), (row.FullName, row.Unit, row.Position));
    }

    [Fact]
    public void A_semicolon_separated_file_without_bom_and_with_headers_in_another_case_is_read()
    {
        var csv = "HỌ VÀ TÊN;don vi;Chức vụ\nLê Thị Hoa;Văn phòng;Văn thư";

        var file = StaffFile.Read(Utf8(csv), StaffFileFormat.Csv);

        Assert.Null(file.Error);
        var row = Assert.Single(file.Rows);
        Assert.Equal(("Lê Thị Hoa", "Văn phòng", "Văn thư", ""), (row.FullName, row.Unit, row.Position, row.Email));
    }

    [Theory]
    [InlineData("Họ và tên,Chức vụ\nA,B", "Thiếu cột: Đơn vị")]
    [InlineData("Họ và tên,Đơn vị,Chức vụ\n", "không có dòng dữ liệu")]
    [InlineData("", "không có dữ liệu")]
    [InlineData("Họ và tên,Đơn vị,Chức vụ\n\"Lê,Văn phòng,Văn thư", "ngoặc kép")]
    public void Files_that_cannot_be_used_say_why(string csv, string reason)
    {
        var file = StaffFile.Read(Utf8(csv), StaffFileFormat.Csv);

        Assert.Contains(reason, file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void A_csv_that_is_not_utf8_is_refused()
    {
        // "ê" in Latin-1 is the single byte 0xEA, which is not valid UTF-8 here.
        var latin1 = Encoding.Latin1.GetBytes("Ho va ten,Don vi,Chuc vu\nL\u00EA,V,V");

        var file = StaffFile.Read(latin1, StaffFileFormat.Csv);

        Assert.Equal("Tệp CSV phải được lưu với bảng mã UTF-8.", file.Error);
    }

    [Fact]
    public void An_xlsx_written_by_the_template_writer_reads_back_and_keeps_vietnamese_text()
    {
        var xlsx = StaffFile.WriteXlsx([
            StaffFile.Columns,
            ["Đỗ Đức Đạt", "Phòng Pháp chế", "Trưởng phòng", "dddat@ninhbinh.gov.vn", "0912345678", "", "Lãnh đạo đơn vị"],
            ["", "", "", "", "", "", ""],
            ["Phạm Thu Trang", "Văn phòng", "Chuyên viên", "", "", "pttrang", ""],
        ]);

        var file = StaffFile.Read(xlsx, StaffFileFormat.Xlsx);

        Assert.Null(file.Error);
        Assert.Equal([2, 4], file.Rows.Select(r => r.RowNumber));
        Assert.Equal("Đỗ Đức Đạt", file.Rows[0].FullName);
        Assert.Equal("Lãnh đạo đơn vị", file.Rows[0].Roles);
        Assert.Equal("pttrang", file.Rows[1].UserName);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_as_xlsx()
    {
        var file = StaffFile.Read(Utf8("Họ và tên,Đơn vị,Chức vụ"), StaffFileFormat.Xlsx);

        Assert.Equal("Không đọc được tệp Excel: tệp phải ở định dạng .xlsx.", file.Error);
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("G2", 6)]
    [InlineData("AA10", 26)]
    public void Cell_references_map_to_column_indexes(string reference, int index)
    {
        Assert.Equal(index, StaffFile.ColumnIndex(reference));
    }

    [Theory]
    [InlineData("Văn thư", "clerk")]
    [InlineData("van thu", "clerk")]
    [InlineData("LÃNH ĐẠO ĐƠN VỊ", "unit-leader")]
    [InlineData("legal", "legal")]
    [InlineData("Thủ trưởng", null)]
    public void Roles_are_named_by_code_or_vietnamese_name(string text, string? role)
    {
        Assert.Equal(role, PersonRules.ParseRole(text));
    }

    [Theory]
    [InlineData("nvan", null)]
    [InlineData("nvan.sgtvt", null)]
    [InlineData("NVan", "Tên đăng nhập gồm")]
    [InlineData("nguyễn", "Tên đăng nhập gồm")]
    [InlineData("n van", "Tên đăng nhập gồm")]
    [InlineData("a", "Tên đăng nhập gồm")]
    [InlineData("", "Vui lòng nhập tên đăng nhập.")]
    public void User_names_are_lower_case_ascii(string userName, string? error)
    {
        var actual = PersonRules.UserNameError(userName);
        if (error is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.StartsWith(error, actual, StringComparison.Ordinal);
        }
    }
}
