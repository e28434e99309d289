using System.Globalization;
using System.Text;

namespace Eoffice.Web.Kernel.Numbering;

/// <summary>
/// Which sequence of a numbering book a number is taken from (hệ thống số). Under Decree 30/2020/NĐ-CP (Art. 15 and
/// Phụ lục I) a document's number is its order of issue within the calendar year: numbering starts again at 01 on
/// 1 January and ends on 31 December, so a sequence is always one book, one year and one series
/// (<see cref="NumberAllocator.NextAsync"/>). Within a year:
/// <list type="bullet">
/// <item>administrative documents follow the rule the head of the agency sets: one sequence for the whole agency
/// (<see cref="Main"/>) or one per document type (<see cref="ForType"/>: "số 15/QĐ-…" and "số 15/TB-…" may then both
/// exist);</item>
/// <item>legal normative documents (văn bản quy phạm pháp luật) are numbered apart from the administrative ones, each
/// type in a sequence of its own (<see cref="Normative"/>: a body issues one such type, a provincial people's committee
/// its decisions; one issuing several adds a <see cref="Named"/> sequence for each further type);</item>
/// <item>copies (bản sao y, trích sao, sao lục) share one sequence of their own (<see cref="Copies"/>);</item>
/// <item>an advisory body (Hội đồng, Ban, Tổ) that issues under the agency's seal or digital signature keeps a sequence
/// of its own (<see cref="Named"/>, e.g. <c>Named("hoi-dong-thi-dua")</c>);</item>
/// <item>a one-stop desk numbers the dossiers it receives each day from 0001 (<see cref="Daily"/>).</item>
/// </list>
/// Secret documents, numbered apart as well, are never handled in eOffice. Incoming documents take their arrival
/// numbers (số đến) from <see cref="Main"/> of their register.
/// <para>
/// The <see cref="Key"/> is what is stored; each kind has its own prefix, so that no two kinds can meet in one key.
/// <c>default(NumberSeries)</c> is <see cref="Main"/>.
/// </para>
/// </summary>
public readonly record struct NumberSeries
{
    /// <summary>The longest key stored (the <c>series</c> column).</summary>
    public const int MaxLength = 50;

    /// <summary>The longest document type code <see cref="ForType"/> accepts (the documents' type code column).</summary>
    public const int TypeCodeMaxLength = 20;

    /// <summary>The longest name <see cref="Named"/> accepts.</summary>
    public const int NameMaxLength = 40;

    private readonly string? key;

    private NumberSeries(string key) => this.key = key;

    /// <summary>The stored key: empty for <see cref="Main"/>, otherwise <c>&lt;kind&gt;:…</c> or a reserved word.</summary>
    public string Key => key ?? "";

    /// <summary>The book's one sequence: arrival numbers of a register, or outgoing numbers of an agency numbering all its documents together.</summary>
    public static NumberSeries Main => default;

    /// <summary>The sequence of the agency's legal normative documents, kept apart from its administrative documents.</summary>
    public static NumberSeries Normative => new("normative");

    /// <summary>The one sequence shared by every kind of copy (sao y, trích sao, sao lục).</summary>
    public static NumberSeries Copies => new("copies");

    /// <summary>
    /// The sequence of one document type, for agencies that number each type on its own. <paramref name="typeCode"/> is
    /// the type's code as in the type table (<c>QĐ</c>, <c>QyĐ</c>, <c>TTr</c>…): letters and digits, case kept, since
    /// the table's codes are mixed case.
    /// </summary>
    public static NumberSeries ForType(string typeCode)
    {
        ArgumentNullException.ThrowIfNull(typeCode);
        var code = typeCode.Trim().Normalize(NormalizationForm.FormC);
        if (code.Length is 0 or > TypeCodeMaxLength || !code.All(char.IsLetterOrDigit))
        {
            throw new ArgumentException(
                $"A document type code is 1 to {TypeCodeMaxLength} letters or digits; '{typeCode}' is not.", nameof(typeCode));
        }

        return new("type:" + code);
    }

    /// <summary>
    /// A sequence of its own for a part of the book's owner, such as an advisory body. <paramref name="name"/> is a
    /// stable slug: lower-case ASCII letters and digits in groups joined by single hyphens (<c>tham-muu</c>), at most
    /// <see cref="NameMaxLength"/> characters. Choose it once: a renamed series starts again at 1.
    /// </summary>
    public static NumberSeries Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > NameMaxLength || !IsSlug(name))
        {
            throw new ArgumentException(
                $"A series name is 1 to {NameMaxLength} lower-case letters and digits joined by single hyphens; '{name}' is not.", nameof(name));
        }

        return new("named:" + name);
    }

    /// <summary>
    /// The sequence of one day, for numbers that restart every day (one-stop dossier codes, <c>…-YYMMDD-0001</c>). Take
    /// it in the year of <paramref name="day"/>.
    /// </summary>
    public static NumberSeries Daily(DateOnly day) => new("day:" + day.ToString("MM-dd", CultureInfo.InvariantCulture));

    public override string ToString() => Key.Length == 0 ? "(main)" : Key;

    private static bool IsSlug(string name)
    {
        var previousWasHyphen = true; // no leading hyphen
        foreach (var c in name)
        {
            if (c == '-')
            {
                if (previousWasHyphen)
                {
                    return false;
                }

                previousWasHyphen = true;
            }
            else if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                previousWasHyphen = false;
            }
            else
            {
                return false;
            }
        }

        return !previousWasHyphen; // no trailing hyphen
    }
}
