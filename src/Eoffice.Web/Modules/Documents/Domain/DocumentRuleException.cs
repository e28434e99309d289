using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>A broken rule of the documents module, with its Vietnamese message and (when it belongs to one) the field.</summary>
public sealed class DocumentRuleException(string message, string? field = null, int statusCode = 400)
    : BusinessRuleException(message, statusCode, field)
{
    public static DocumentRuleException Conflict(string message) => new(message, null, 409);
}
