namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>
/// Nộp lưu and tiêu hủy (Decree 30 Art. 31; REQUIREMENTS §1.9.3; ADR 0031): a dossier kept 5 years or more ("Vĩnh viễn"
/// included) goes to the agency archive within a year after its work ended — construction records within 3 months —;
/// the agency's head may let the unit keep it back at most 2 more years; the records keepers are alerted 30 days before.
/// </summary>
public static class ArchiveRules
{
    public const int MinYearsToTransfer = 5;
    public const int MaxKeepBackYears = 2;
    public const int AlertDaysBefore = 30;
    public const int ConstructionMonths = 3;

    public static bool MustBeTransferred(RetentionPeriod retention) => retention.Years is not { } years || years >= MinYearsToTransfer;

    /// <summary>The last day to transfer a dossier whose work ended on <paramref name="end"/> (as a calendar date; the store moves it off days off).</summary>
    public static DateOnly TransferDue(DateOnly end, bool constructionRecords) => constructionRecords ? end.AddMonths(ConstructionMonths) : end.AddYears(1);
}
