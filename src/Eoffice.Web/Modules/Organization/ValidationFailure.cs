using Eoffice.Web.Modules.Organization.Domain;

namespace Eoffice.Web.Modules.Organization;

/// <summary>Turns the first field error of a request into an exception, for callers that skipped validation.</summary>
internal static class ValidationFailure
{
    public const string Title = "Dữ liệu không hợp lệ.";

    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new OrganizationRuleException(messages[0], field);
        }
    }
}
