namespace Eoffice.UnitTests.Platform.Web;

/// <summary>
/// The site's style sheets are plain files no build step checks. A block left open (an <c>@media</c> without its
/// closing brace) is not an error to a browser: every rule after it silently applies only inside that block — once, on
/// desktop, the drop zone, the preview, the urgent rows and the processing tree lost their styles that way.
/// </summary>
public sealed class StyleSheetTests
{
    [Fact]
    public void Every_style_sheet_of_the_site_closes_every_block_it_opens()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Eoffice.Web", "wwwroot", "css");
        var files = Directory.GetFiles(folder, "*.css", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var problems = files.SelectMany(file => CssBlocks.Problems(File.ReadAllText(file)).Select(p => $"{Path.GetFileName(file)}: {p}")).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_check_finds_a_media_block_left_open_and_a_stray_brace_but_not_braces_inside_strings_or_comments()
    {
        Assert.Equal(
            ["line 2: block \"@media (max-width: 767.98px)\" is never closed"],
            CssBlocks.Problems(".a { color: red; }\n@media (max-width: 767.98px) {\n    .b { margin: 0; }\n\n.c { padding: 0; }\n"));
        Assert.Equal(["line 2: \"}\" closes no block"], CssBlocks.Problems(".a { color: red; }\n}\n"));
        Assert.Equal(["line 1: comment is never closed"], CssBlocks.Problems("/* .a { color: red; }\n"));
        Assert.Equal(["line 1: string is never closed"], CssBlocks.Problems(".a::before { content: \"{ }\n"));
        Assert.Empty(CssBlocks.Problems(
            "/* { not a block */\n.a::before { content: \"}\"; }\n.b::after { content: '{\\'' }\n@media print { .c { d: e; } }\n"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Eoffice.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Eoffice.slnx) was not found above the test assembly.");
    }
}

/// <summary>
/// A small CSS tokenizer for the one question the browser never answers: does every block close? It follows the
/// tokenization of CSS Syntax Level 3 as far as that question needs — comments, quoted strings and backslash escapes
/// are passed over, so a brace inside them counts for nothing.
/// </summary>
internal static class CssBlocks
{
    public static IReadOnlyList<string> Problems(string css)
    {
        var problems = new List<string>();
        var open = new Stack<(int At, string Prelude)>();
        var prelude = new System.Text.StringBuilder();
        var i = 0;
        while (i < css.Length)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"line {LineOf(css, i)}: comment is never closed");
                    return problems;
                }

                i = end + 2;
            }
            else if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < css.Length && css[j] != c && css[j] != '\n')
                {
                    j += css[j] == '\\' ? 2 : 1;
                }

                if (j >= css.Length || css[j] != c)
                {
                    problems.Add($"line {LineOf(css, i)}: string is never closed");
                    return problems;
                }

                prelude.Append(css, i, j - i + 1);
                i = j + 1;
            }
            else if (c == '\\')
            {
                prelude.Append(css, i, Math.Min(2, css.Length - i));
                i += 2;
            }
            else
            {
                switch (c)
                {
                    case '{':
                        open.Push((i, prelude.ToString().Trim()));
                        prelude.Clear();
                        break;
                    case '}' when open.Count == 0:
                        problems.Add($"line {LineOf(css, i)}: \"}}\" closes no block");
                        break;
                    case '}':
                        open.Pop();
                        prelude.Clear();
                        break;
                    case ';':
                        prelude.Clear();
                        break;
                    default:
                        prelude.Append(c);
                        break;
                }

                i++;
            }
        }

        // The stack holds the innermost block first: report the outermost first, where the reader should look.
        problems.AddRange(open.Reverse().Select(b => $"line {LineOf(css, b.At)}: block \"{b.Prelude}\" is never closed"));
        return problems;
    }

    private static int LineOf(string css, int index) => 1 + css.AsSpan(0, index).Count('\n');
}
