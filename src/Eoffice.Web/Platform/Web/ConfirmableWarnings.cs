using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// A request that meets a reason to think twice (a probable duplicate, a support due after its lead), not a broken rule:
/// nothing is saved, the API answers 409 with the warnings (problem details, extension <c>warnings</c>) and the caller
/// sends the request again with <c>confirmWarnings = true</c>; a page shows them with a button that does it anyway.
/// </summary>
public static class ConfirmableWarnings
{
    public static ProblemHttpResult Problem<TWarning>(string title, string detail, IReadOnlyList<TWarning> warnings) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["warnings"] = warnings });
}
