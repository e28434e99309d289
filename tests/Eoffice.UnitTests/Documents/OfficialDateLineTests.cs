using Eoffice.Web.Modules.Documents.Domain;

namespace Eoffice.UnitTests.Documents;

/// <summary>The date and number lines of Decree 30/2020 Phụ lục I: leading zeros for days below 10, months 1 and 2, numbers below 10.</summary>
public sealed class OfficialDateLineTests
{
    [Theory]
    [InlineData(2026, 1, 5, "ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 2, 9, "ngày 09 tháng 02 năm 2026")]
    [InlineData(2026, 3, 31, "ngày 31 tháng 3 năm 2026")]
    [InlineData(2026, 6, 5, "ngày 05 tháng 6 năm 2026")]
    [InlineData(2026, 11, 23, "ngày 23 tháng 11 năm 2026")]
    [InlineData(2026, 12, 10, "ngày 10 tháng 12 năm 2026")]
    public void Days_below_ten_and_the_first_two_months_carry_a_leading_zero_and_no_other(int year, int month, int day, string expected) =>
        Assert.Equal(expected, OfficialDateLine.DateText(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(1, "01")]
    [InlineData(2, "02")]
    [InlineData(3, "3")]
    [InlineData(9, "9")]
    [InlineData(10, "10")]
    [InlineData(12, "12")]
    public void The_month_is_written_with_a_zero_only_for_january_and_february(int month, string expected) =>
        Assert.Equal(expected, OfficialDateLine.MonthText(month));

    [Fact]
    public void The_date_line_puts_the_place_before_the_date()
    {
        Assert.Equal("Ninh Bình, ngày 05 tháng 02 năm 2026", OfficialDateLine.Of("Ninh Bình", new DateOnly(2026, 2, 5), 2026));
        Assert.Equal("Hà Nội, ngày 15 tháng 8 năm 2026", OfficialDateLine.Of("Hà Nội", new DateOnly(2026, 8, 15), 2026));
    }

    [Fact]
    public void Before_numbering_the_date_line_leaves_day_and_month_blank_and_keeps_the_year() =>
        Assert.Equal("Ninh Bình, ngày      tháng      năm 2027", OfficialDateLine.Of("Ninh Bình", null, 2027));

    [Theory]
    [InlineData(5, "Số: 05/QĐ-SGTVT")]
    [InlineData(1, "Số: 01/QĐ-SGTVT")]
    [InlineData(10, "Số: 10/QĐ-SGTVT")]
    [InlineData(123, "Số: 123/QĐ-SGTVT")]
    public void The_number_line_pads_numbers_below_ten_and_has_no_spaces_around_the_slash(int number, string expected) =>
        Assert.Equal(expected, OfficialDateLine.NumberLine(number, "QĐ-SGTVT"));

    [Fact]
    public void Before_numbering_the_number_line_leaves_room_for_the_number() =>
        Assert.Equal("Số:      /SGTVT-VP", OfficialDateLine.NumberLine(null, "SGTVT-VP"));

    [Theory]
    [InlineData(5, "05")]
    [InlineData(9, "09")]
    [InlineData(15, "15")]
    [InlineData(1250, "1250")]
    public void The_number_is_written_with_at_least_two_digits(int number, string expected) =>
        Assert.Equal(expected, OfficialDateLine.NumberText(number));
}
