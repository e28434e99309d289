using System.Text;
using Eoffice.Web.Platform.Text;

namespace Eoffice.UnitTests.Platform;

public sealed class VietnameseTextTests
{
    private const string Composed = "Quyết định đầu tư";

    [Fact]
    public void Decomposed_input_from_another_keyboard_is_stored_as_nfc()
    {
        var decomposed = Composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Composed, decomposed);

        Assert.Equal(Composed, VietnameseText.Normalize(decomposed));
        Assert.True(VietnameseText.Normalize(decomposed).IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Quyết định ĐẦU TƯ", "quyet dinh dau tu")]
    [InlineData("Đông Hưng", "dong hung")]
    [InlineData("  Sở   Giao thông\tvận tải ", "so giao thong van tai")]
    [InlineData("Số 12/QĐ-SGTVT", "so 12/qd-sgtvt")]
    [InlineData("ƯU TIÊN Hỏa tốc", "uu tien hoa toc")]
    public void Folding_removes_case_tones_vowel_marks_and_maps_d_bar_to_d(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Composed_and_decomposed_forms_fold_to_the_same_search_key() =>
        Assert.Equal(VietnameseText.Fold(Composed), VietnameseText.Fold(Composed.Normalize(NormalizationForm.FormD)));

    [Fact]
    public void The_latin_eth_mistyped_for_d_bar_folds_like_d_bar() =>
        Assert.Equal(VietnameseText.Fold("QĐ"), VietnameseText.Fold("Q\u00D0"));

    [Fact]
    public void Names_sort_in_vietnamese_alphabetical_order()
    {
        // Vietnamese alphabet: a ă â b c d đ e ê … o ô ơ … u ư …
        string[] shuffled = ["Ưng", "Đức", "Dũng", "Ân", "Ánh", "Ơn", "Bình", "Ốc", "Uyên", "Anh", "Ăn", "Oanh"];

        var sorted = shuffled.Order(VietnameseText.Comparer).ToArray();

        Assert.Equal(["Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức", "Oanh", "Ốc", "Ơn", "Uyên", "Ưng"], sorted);
    }

    [Fact]
    public void Empty_and_null_fold_to_empty()
    {
        Assert.Equal(string.Empty, VietnameseText.Fold(null));
        Assert.Equal(string.Empty, VietnameseText.Fold("   "));
    }
}
