using Eoffice.Web.Kernel.Numbering;

namespace Eoffice.UnitTests.Kernel;

public sealed class NumberSeriesTests
{
    [Fact]
    public void The_main_series_is_the_empty_key_and_the_default_value()
    {
        Assert.Equal("", NumberSeries.Main.Key);
        Assert.Equal(NumberSeries.Main, default);
        Assert.Equal("", default(NumberSeries).Key);
    }

    [Fact]
    public void Each_kind_of_series_has_its_own_key_so_that_no_two_kinds_share_a_counter()
    {
        NumberSeries[] series =
        [
            NumberSeries.Main, NumberSeries.Normative, NumberSeries.Copies, NumberSeries.ForType("QĐ"), NumberSeries.ForType("TTr"),
            NumberSeries.Named("tham-muu"), NumberSeries.Named("normative"), NumberSeries.Named("copies"), NumberSeries.Daily(new DateOnly(2026, 1, 2)),
        ];

        Assert.Equal(series.Length, series.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("type:QĐ", NumberSeries.ForType("QĐ").Key);
        Assert.Equal("named:tham-muu", NumberSeries.Named("tham-muu").Key);
        Assert.Equal("day:01-02", NumberSeries.Daily(new DateOnly(2026, 1, 2)).Key);
        Assert.All(series, s => Assert.True(s.Key.Length <= NumberSeries.MaxLength));
    }

    [Fact]
    public void The_same_series_built_twice_is_equal_and_a_type_code_is_taken_composed_and_trimmed()
    {
        Assert.Equal(NumberSeries.ForType("QĐ"), NumberSeries.ForType(" QĐ "));
        Assert.Equal(NumberSeries.ForType("QyĐ"), NumberSeries.ForType("QyĐ".Normalize(System.Text.NormalizationForm.FormD)));
        Assert.True(NumberSeries.Named("hoi-dong") == NumberSeries.Named("hoi-dong"));
    }

    [Fact]
    public void Type_codes_keep_their_case_because_the_type_table_is_mixed_case()
    {
        Assert.NotEqual(NumberSeries.ForType("TTr"), NumberSeries.ForType("TTR"));
        Assert.Equal("type:QyĐ", NumberSeries.ForType("QyĐ").Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("QĐ-UBND")]
    [InlineData("Q Đ")]
    [InlineData("QĐ\u0007")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")] // 21 characters
    public void A_type_code_that_is_not_1_to_20_letters_or_digits_is_refused(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => NumberSeries.ForType(code));
        Assert.Equal("typeCode", error.ParamName);
    }

    [Fact]
    public void A_type_code_of_20_characters_is_the_longest_accepted_and_fits_the_column()
    {
        var series = NumberSeries.ForType(new string('A', NumberSeries.TypeCodeMaxLength));

        Assert.True(series.Key.Length <= NumberSeries.MaxLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Tham-muu")]
    [InlineData("tham muu")]
    [InlineData("tham_muu")]
    [InlineData("-tham-muu")]
    [InlineData("tham-muu-")]
    [InlineData("tham--muu")]
    [InlineData("tham-mưu")]
    [InlineData("abcdefghij-abcdefghij-abcdefghij-abcdefgh")] // 41 characters
    public void A_series_name_that_is_not_a_lower_case_slug_of_at_most_40_characters_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => NumberSeries.Named(name));
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void A_series_name_of_40_characters_is_the_longest_accepted_and_fits_the_column()
    {
        var series = NumberSeries.Named("abcdefghij-abcdefghij-abcdefghij-abcdefg");

        Assert.Equal(NumberSeries.MaxLength - 4, series.Key.Length);
    }

    [Fact]
    public void Null_is_refused_rather_than_taken_for_the_main_series()
    {
        Assert.Throws<ArgumentNullException>(() => NumberSeries.ForType(null!));
        Assert.Throws<ArgumentNullException>(() => NumberSeries.Named(null!));
    }
}
