using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Platform.Web;

/// <summary>The field checks requests share, writing Vietnamese messages keyed by the JSON field name.</summary>
public static class FieldChecks
{
    /// <summary>At most <paramref name="max"/> characters once trimmed and composed (NFC).</summary>
    public static void MaxLength(this IDictionary<string, string[]> errors, string field, string? value, int max, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && VietnameseText.Normalize(value.Trim()).Length > max)
        {
            errors[field] = [$"{label} dài tối đa {max} ký tự."];
        }
    }

    /// <summary>Present (not blank) and at most <paramref name="max"/> characters.</summary>
    public static void Required(this IDictionary<string, string[]> errors, string field, string? value, int max, string missing, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [missing];
        }
        else
        {
            errors.MaxLength(field, value, max, label);
        }
    }
}
