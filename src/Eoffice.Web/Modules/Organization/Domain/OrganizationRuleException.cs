using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Organization.Domain;

/// <summary>An organisation rule broken by the input; <see cref="BusinessRuleException.Field"/> names the field.</summary>
public sealed class OrganizationRuleException(string message, string? field = null, int statusCode = 400)
    : BusinessRuleException(message, statusCode, field);
