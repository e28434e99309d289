using Eoffice.Web.Modules.Identity.Domain;

namespace Eoffice.UnitTests.Organization;

public sealed class UserNameGeneratorTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "nvan")]
    [InlineData("Đỗ Đức Đạt", "dddat")]
    [InlineData("Trần Thị Bích Hạnh", "ttbhanh")]
    [InlineData("  Lê   Thị  Thu Hà ", "lttha")]
    [InlineData("An", "an")]
    [InlineData("NGUYỄN VĂN AN", "nvan")]
    public void The_base_is_the_initials_of_family_and_middle_names_then_the_given_name_without_marks(string fullName, string expected)
    {
        Assert.Equal(expected, UserNameGenerator.Base(fullName));
    }

    [Fact]
    public void Decomposed_input_gives_the_same_name()
    {
        Assert.Equal("dddat", UserNameGenerator.Base("Đỗ Đức Đạt".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Fact]
    public void A_collision_appends_a_then_b()
    {
        var taken = new HashSet<string> { "nvan" };

        var second = UserNameGenerator.Generate("Nguyễn Viết An", taken.Contains);
        taken.Add(second);
        var third = UserNameGenerator.Generate("Ngô Văn An", taken.Contains);

        Assert.Equal("nvana", second);
        Assert.Equal("nvanb", third);
    }

    [Fact]
    public void The_suffix_runs_a_to_z_then_aa()
    {
        Assert.Equal("a", UserNameGenerator.Suffix(1));
        Assert.Equal("z", UserNameGenerator.Suffix(26));
        Assert.Equal("aa", UserNameGenerator.Suffix(27));
        Assert.Equal("ab", UserNameGenerator.Suffix(28));

        var taken = new HashSet<string> { "nvan" };
        taken.UnionWith(Enumerable.Range(1, 26).Select(n => "nvan" + UserNameGenerator.Suffix(n)));
        Assert.Equal("nvanaa", UserNameGenerator.Generate("Nguyễn Văn An", taken.Contains));
    }

    [Fact]
    public void A_name_without_letters_is_refused()
    {
        Assert.Equal(string.Empty, UserNameGenerator.Base(" - "));
        Assert.Throws<ArgumentException>(() => UserNameGenerator.Generate("  ", _ => false));
    }
}
