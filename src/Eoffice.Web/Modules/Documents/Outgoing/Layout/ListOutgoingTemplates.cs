using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// One row of the administrators' list: a document type (or "*", all types), which template its documents are laid
/// out with, and the agency's replacement for exactly this row if there is one.
/// </summary>
/// <param name="TypeCode">A <c>Contracts.DocumentTypes</c> code, or <c>*</c> for all types.</param>
/// <param name="TypeName">The type's Vietnamese name.</param>
/// <param name="Source"><c>builtIn</c>, <c>allTypes</c> (the agency's template for all types) or <c>type</c> (its own).</param>
/// <param name="IsReplaced">Whether the agency uploaded a template for this very row (and may revert it).</param>
/// <param name="FileName">The name of the template in effect, as downloaded.</param>
/// <param name="UploadedByName">Who uploaded the agency's template in effect; none for the built-in one.</param>
/// <param name="UploadedAt">When it was uploaded (UTC).</param>
public sealed record OutgoingTemplateRow(
    string TypeCode,
    string TypeName,
    string Source,
    bool IsReplaced,
    string FileName,
    string? UploadedByName,
    DateTime? UploadedAt);

/// <summary>
/// Mẫu trình bày văn bản đi: for every document type of the agency, which layout template is in effect and who replaced
/// the built-in one. <c>GET /api/v1/documents/outgoing-templates</c>.
/// </summary>
public sealed class ListOutgoingTemplates(OutgoingTemplates templates, ICurrentUser currentUser)
{
    public const string AllTypesName = "Tất cả các loại văn bản";

    public async Task<IReadOnlyList<OutgoingTemplateRow>> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        return [.. (await templates.AllAsync(agencyId, cancellationToken)).Select(Row)];
    }

    public static string TypeNameOf(string typeCode) => typeCode == OutgoingTemplate.AllTypes ? AllTypesName : DocumentTypes.NameOf(typeCode);

    internal static string SourceCode(OutgoingTemplateSource source) => source switch
    {
        OutgoingTemplateSource.Type => "type",
        OutgoingTemplateSource.AllTypes => "allTypes",
        _ => "builtIn",
    };

    private static OutgoingTemplateRow Row(EffectiveTemplate effective)
    {
        var own = effective.Replacement is { } replacement && replacement.TypeCode == effective.TypeCode;
        return new OutgoingTemplateRow(effective.TypeCode, TypeNameOf(effective.TypeCode), SourceCode(effective.Source), own, effective.FileName,
            effective.Replacement?.UploadedByName, effective.Replacement?.UploadedAt);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outgoing-templates", async Task<Ok<IReadOnlyList<OutgoingTemplateRow>>> (ListOutgoingTemplates handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListOutgoingTemplates")
            .WithSummary("Mẫu trình bày văn bản đi theo từng loại văn bản: mẫu đang dùng (mặc định, của cơ quan cho mọi loại, hoặc riêng của loại).");
}
