using System.Text.Json;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Eoffice.UnitTests.Platform;

public sealed class SafeTextTests
{
    [Fact]
    public void Tcvn3_text_keeps_its_u_horn_which_is_a_soft_hyphen_code_point()
    {
        Assert.Equal("Trường học số 1 của huyện", SafeText.Clean("Tr\u00AD\u00EAng häc sè 1 cña huyÖn"));
        Assert.Equal("admin", SafeText.Clean("ad\u00ADmin"));
    }

    [Fact]
    public void Control_bidirectional_and_invisible_characters_are_removed_and_letters_and_emoji_stay()
    {
        (string Text, string Expected)[] cases =
        [
            ("hoadon\u202Efdp.zip", "hoadonfdp.zip"),
            ("\u2066Giám\u2069 đốc\u200E\u200F\u061C", "Giám đốc"),
            ("\u202Atrái\u202B\u202Cphải\u202D", "tráiphải"),
            ("\u0000", string.Empty),
            ("a\u0007b\u001Bc\u007Fd\u0085e\u009Ff", "abcdef"),
            ("\uFEFFQuyết định", "Quyết định"),
            ("ad\u200Bmin\u2060\u00AD", "admin"),
            ("gắn\u200Dthẻ\u200C", "gắn\u200Dthẻ\u200C"),
            ("Ảnh 👍🏽 và 👨‍👩‍👧", "Ảnh 👍🏽 và 👨‍👩‍👧"),
            ("lẻ\uD800loi\uDC00", "lẻloi"),
            ("thẻ\U000E0041\U000E007F", "thẻ"),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, SafeText.Clean(c.Text)));
    }

    [Fact]
    public void A_text_that_may_span_lines_keeps_its_tabs_and_line_breaks_and_a_one_line_text_gets_spaces()
    {
        const string text = "Dòng một\r\nDòng\thai\u2028Dòng ba";

        Assert.Equal("Dòng một\r\nDòng\thai\nDòng ba", SafeText.Clean(text));
        Assert.Equal("Dòng một  Dòng hai Dòng ba", SafeText.Clean(text, multiLine: false));
    }

    [Fact]
    public void A_safe_text_is_returned_as_it_is()
    {
        const string text = "Sở Giao thông vận tải tỉnh Ninh Bình\r\n";

        Assert.True(SafeText.IsSafe(text));
        Assert.Same(text, SafeText.Clean(text));
        Assert.False(SafeText.IsSafe("a\u202Eb"));
    }

    [Fact]
    public void Text_for_storage_is_safe_and_composed()
    {
        var decomposed = "Quyết định\u0000".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Quyết định", SafeText.ForStorage(decomposed));
    }

    [Fact]
    public void A_file_name_loses_its_bidirectional_override_and_line_breaks()
    {
        Assert.Equal("hoadonfdp.zip", FileStore.CleanFileName("C:\\tải về\\hoadon\u202Efdp.zip"));
        Assert.Equal("bao cao.pdf", FileStore.CleanFileName("bao\ncao.pdf\u200B"));
        Assert.Equal("tep-khong-ten", FileStore.CleanFileName("\u202E\u0000"));
    }

    [Fact]
    public void Json_request_bodies_lose_the_characters_in_every_string_nested_ones_and_lists_included_but_not_in_texts_used_as_typed()
    {
        var services = new ServiceCollection().AddSafeTextInput().BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        const string json = """
            {"name":"An\u202E\u0000","password":"Mật\u0000khẩu\u202E","tags":["a\u200B","b"],"inner":{"note":"Dòng 1\r\nDòng\u0007 2"},"codes":["x\u2066"]}
            """;

        var request = JsonSerializer.Deserialize<Request>(json, options)!;

        Assert.Equal(("An", "Mật\u0000khẩu\u202E"), (request.Name, request.Password));
        Assert.Equal(["a", "b"], request.Tags!);
        Assert.Equal("Dòng 1\r\nDòng 2", request.Inner!.Note);
        Assert.Equal(["x"], request.Codes!);
    }

    private sealed record Request(string? Name, [property: AsTyped] string? Password, IReadOnlyList<string>? Tags, Inner? Inner, string[]? Codes);

    private sealed class Inner
    {
        public string? Note { get; set; }
    }
}
