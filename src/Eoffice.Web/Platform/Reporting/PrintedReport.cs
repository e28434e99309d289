namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// A printable output (a book, a list, a slip) as data: an optional cover page, then blocks of text and tables. The same
/// report is rendered as a print view (HTML), as PDF (<see cref="IReportPdfRenderer"/>) and, for tabular books, as
/// .xlsx (<see cref="XlsxWriter"/>), so that the three never disagree. <see cref="PrintedBy"/> is the "In bởi … lúc …"
/// mark every printed page carries (Decree 30 Phụ lục VI III.6.k). Owner-agnostic: the incoming and outgoing register
/// books, the tracking book and statistics are all built as one.
/// </summary>
public sealed record PrintedReport(
    string Title,
    string AgencyName,
    bool Landscape,
    string PrintedBy,
    ReportCover? Cover,
    IReadOnlyList<ReportBlock> Blocks,
    string FileName);

/// <summary>The first page of a book: agency, the book's name, year and the period it covers.</summary>
public sealed record ReportCover(string AgencyName, string Title, IReadOnlyList<string> Lines);

public abstract record ReportBlock;

public enum TextStyle
{
    Normal = 0,
    Bold = 1,
    Italic = 2,

    /// <summary>A centred bold title.</summary>
    Title = 3,

    /// <summary>A centred line under the title.</summary>
    Centered = 4,

    /// <summary>A bold section heading.</summary>
    Heading = 5,
}

public sealed record ReportParagraph(string Text, TextStyle Style = TextStyle.Normal) : ReportBlock;

/// <summary>The agency name at the top left and a line at the top right, as on official forms.</summary>
public sealed record ReportLetterhead(string Left, string? Right) : ReportBlock;

/// <summary>
/// One column of a table: its header, its relative width, whether its values are whole numbers (written as numbers in
/// .xlsx) or centred, and whether each value stays on one line (<paramref name="NoWrap"/>: a number and symbol such as
/// "1234/STC-QLNS" is never broken; the PDF writes a value wider than the column in a smaller size instead).
/// </summary>
public sealed record ReportColumn(string Header, double Width, bool Numeric = false, bool Centered = false, bool NoWrap = false);

/// <summary>A table whose rows may be streamed from the database (a year of a large agency).</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IAsyncEnumerable<IReadOnlyList<string>> Rows, string? Caption = null) : ReportBlock;

public static class ReportRows
{
    public static async IAsyncEnumerable<IReadOnlyList<string>> From(IEnumerable<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
