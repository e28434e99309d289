namespace Eoffice.Web.Modules.Dossiers.Domain;

/// <summary>
/// Thời hạn bảo quản (Decree 30 Art. 28, Phụ lục V): "Vĩnh viễn" or a number of years. Stored as a nullable number of
/// years, <c>null</c> being permanent; shown as "Vĩnh viễn" or "10 năm".
/// </summary>
public readonly record struct RetentionPeriod
{
    public const int MaxYears = 100;

    public const string PermanentText = "Vĩnh viễn";

    private RetentionPeriod(int? years) => Years = years;

    /// <summary>The number of years; <c>null</c> when permanent.</summary>
    public int? Years { get; }

    public bool IsPermanent => Years is null;

    public static RetentionPeriod Permanent => new(null);

    public static RetentionPeriod OfYears(int years) =>
        years is >= 1 and <= MaxYears ? new(years) : throw new ArgumentOutOfRangeException(nameof(years), years, $"1–{MaxYears} years.");

    /// <summary>The period a stored value stands for (<c>null</c>: permanent).</summary>
    public static RetentionPeriod FromStored(int? years) => years is null ? Permanent : OfYears(years.Value);

    public string Text => Years is { } n ? $"{n} năm" : PermanentText;

    public override string ToString() => Text;
}
