using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Organization;

/// <summary>An agency as the API and pages show it.</summary>
public sealed record AgencyResponse(
    Guid Id, string Code, string FullName, string ShortName, string? Address, string? Phone, string? Email,
    Guid? RightsApproverId, bool IsActive)
{
    public static AgencyResponse From(Agency a) =>
        new(a.Id, a.Code, a.FullName, a.ShortName, a.Address, a.Phone, a.Email, a.RightsApproverId, a.IsActive);
}

/// <summary>A unit as the API and pages show it; <see cref="Depth"/> is its level in the tree (0 = directly under the agency).</summary>
public sealed record UnitResponse(
    Guid Id, Guid? ParentId, string Name, string? Code, string Kind, bool HasOwnClerk, int SortOrder,
    string? Phone, string? Email, bool IsActive, int Depth)
{
    public static UnitResponse From(Unit u, int depth = 0) =>
        new(u.Id, u.ParentId, u.Name, u.Code, UnitKinds.Name(u.Kind), u.HasOwnClerk, u.SortOrder, u.Phone, u.Email, u.IsActive, depth);
}

/// <summary>A position as the API and pages show it.</summary>
public sealed record PositionResponse(Guid Id, string Name, bool IsLeadership, int Rank, bool IsActive)
{
    public static PositionResponse From(Position p) => new(p.Id, p.Name, p.IsLeadership, p.Rank, p.IsActive);
}

/// <summary>The names of unit kinds in the API ("department"…) and their Vietnamese labels.</summary>
public static class UnitKinds
{
    private static readonly (UnitKind Kind, string Name, string Label)[] All =
    [
        (UnitKind.Leadership, "leadership", "Ban lãnh đạo"),
        (UnitKind.Office, "office", "Văn phòng"),
        (UnitKind.Department, "department", "Phòng chuyên môn"),
        (UnitKind.SubordinateUnit, "subordinate", "Đơn vị trực thuộc"),
        (UnitKind.Other, "other", "Khác"),
    ];

    public static IEnumerable<(string Name, string Label)> Options => All.Select(k => (k.Name, k.Label));

    public static string Name(UnitKind kind) => All.First(k => k.Kind == kind).Name;

    public static string Label(string name) => All.FirstOrDefault(k => k.Name == name).Label ?? name;

    public static UnitKind? Parse(string? name) =>
        All.Where(k => string.Equals(k.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => (UnitKind?)k.Kind).FirstOrDefault();
}

/// <summary>Field checks shared by the organisation use cases; messages are Vietnamese, keys are the API's field names.</summary>
internal static class FieldRules
{
    public static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [missing];
        }
        else
        {
            MaxLength(errors, field, value, maxLength);
        }
    }

    public static void MaxLength(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors[field] = [$"Tối đa {maxLength} ký tự."];
        }
    }

    public static void Email(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !ContactDetails.IsEmail(value.Trim()))
        {
            errors[field] = ["Địa chỉ thư điện tử không hợp lệ, ví dụ vanphong@ninhbinh.gov.vn."];
        }
        else
        {
            MaxLength(errors, field, value, 256);
        }
    }

    public static void Phone(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !ContactDetails.IsPhone(value.Trim()))
        {
            errors[field] = ["Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + . - ( ), từ 8 đến 15 chữ số."];
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
