using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Outputs;

/// <summary>
/// The period of a book or report: dates from/to (Vietnam dates, inclusive; arrival dates for incoming books, issue or
/// creation dates for outgoing ones, as each says). Missing dates mean from the first of January of this year to today.
/// At most a year and a day.
/// </summary>
public sealed record BookPeriod(DateOnly? From, DateOnly? To) : IValidatableRequest
{
    public const int MaxDays = 366;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (From is { } f && To is { } t)
        {
            if (f > t)
            {
                errors["to"] = ["Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."];
            }
            else if (t.DayNumber - f.DayNumber >= MaxDays)
            {
                errors["to"] = ["Mỗi lần in, xuất sổ tối đa một năm (366 ngày)."];
            }
        }

        return errors;
    }

    public (DateOnly From, DateOnly To) Resolve(DateOnly today)
    {
        this.ThrowIfInvalid();
        var to = To ?? (From is { } f && f.Year < today.Year ? new DateOnly(f.Year, 12, 31) : today);
        var from = From ?? new DateOnly(to.Year, 1, 1);
        return (from, to);
    }
}

/// <summary>
/// The query of a book or report exported as a file: its period (<see cref="BookPeriod"/>) and <c>format=xlsx|pdf</c>;
/// a wrong period or a missing or unknown format answers 400 with the field named.
/// </summary>
public sealed record ExportQuery(DateOnly? From, DateOnly? To, string? Format) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = Period().Validate();
        if (ReportFiles.ParseFormat(Format) is null)
        {
            errors["format"] = [ReportFiles.FormatMessage];
        }

        return errors;
    }

    public BookPeriod Period() => new(From, To);

    public ReportFormat FileFormat() => ReportFiles.ParseFormat(Format) ?? throw RuleException.Invalid(ReportFiles.FormatMessage, "format");
}
