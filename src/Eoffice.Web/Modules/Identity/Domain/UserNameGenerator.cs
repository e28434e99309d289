using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>
/// User names by the rule of regulation 001 Điều 6.2: the first letter of the family name, the first letter of each
/// middle name, then the whole given name — without diacritics (đ → d), lower case, no spaces. When the name is taken,
/// a, b, c… is appended: "Nguyễn Văn An" → <c>nvan</c>, then "Nguyễn Viết An" → <c>nvana</c>.
/// </summary>
public static class UserNameGenerator
{
    /// <summary>The user name before any collision suffix, e.g. "nvan"; empty when the name has no letters.</summary>
    public static string Base(string fullName)
    {
        var words = VietnameseText.Fold(fullName)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return string.Empty;
        }

        return string.Concat(words.Take(words.Count - 1).Select(w => w[0])) + words[^1];
    }

    /// <summary>The first free user name for <paramref name="fullName"/>: the base, then base+a, base+b … base+z, base+aa …</summary>
    public static string Generate(string fullName, Func<string, bool> isTaken)
    {
        var root = Base(fullName);
        if (root.Length == 0)
        {
            throw new ArgumentException("A full name must contain letters.", nameof(fullName));
        }

        if (!isTaken(root))
        {
            return root;
        }

        for (var n = 1; ; n++)
        {
            var candidate = root + Suffix(n);
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>1 → a, 26 → z, 27 → aa, 28 → ab … (bijective base 26).</summary>
    public static string Suffix(int n)
    {
        var letters = new Stack<char>();
        while (n > 0)
        {
            n--;
            letters.Push((char)('a' + (n % 26)));
            n /= 26;
        }

        return new string(letters.ToArray());
    }
}
