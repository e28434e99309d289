using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>Where the layout template of a type comes from: the agency's for the type, the agency's for all types, or the built-in one.</summary>
public enum OutgoingTemplateSource
{
    BuiltIn = 0,
    AllTypes = 1,
    Type = 2,
}

/// <summary>The template in effect for one type of an agency, and the administrator's replacement behind it (if any).</summary>
public sealed record EffectiveTemplate(string TypeCode, OutgoingTemplateSource Source, string FileName, OutgoingTemplate? Replacement);

/// <summary>
/// Which layout template an agency's outgoing documents of a type are written with: the agency's template for that type,
/// else its template for all types (<see cref="OutgoingTemplate.AllTypes"/>), else the built-in one
/// (<see cref="OfficialLayoutTemplates.BuiltIn"/>: the công văn's or the one of the other types).
/// </summary>
public sealed class OutgoingTemplates(EofficeDbContext db, FileStore files)
{
    /// <summary>The types a template can be chosen for: every administrative type of Phụ lục III (copies have their own layout).</summary>
    public static IReadOnlyList<DocumentType> Types { get; } = [.. DocumentTypes.All.Where(t => !t.IsCopy)];

    /// <summary>A type code of <see cref="Types"/> or <see cref="OutgoingTemplate.AllTypes"/>.</summary>
    public static bool IsKnownType(string? typeCode) =>
        typeCode == OutgoingTemplate.AllTypes || Types.Any(t => t.Code == typeCode);

    /// <summary>The .docx template to lay out a document of <paramref name="typeCode"/> with; the caller disposes the stream.</summary>
    public async Task<Stream> ForTypeAsync(Guid agencyId, string typeCode, CancellationToken cancellationToken = default)
    {
        var effective = await EffectiveAsync(agencyId, typeCode, cancellationToken);
        if (effective.Replacement is { } replacement)
        {
            // The template was checked when it was uploaded; the file is the agency's, read here for its documents.
            return (await files.OpenReadAsSystemAsync(replacement.FileId, cancellationToken)).Content;
        }

        return new MemoryStream(OfficialLayoutTemplates.BuiltIn(typeCode), writable: false);
    }

    public async Task<EffectiveTemplate> EffectiveAsync(Guid agencyId, string typeCode, CancellationToken cancellationToken = default)
    {
        var replacements = await db.Set<OutgoingTemplate>().AsNoTracking()
            .Where(t => t.AgencyId == agencyId && (t.TypeCode == typeCode || t.TypeCode == OutgoingTemplate.AllTypes))
            .ToListAsync(cancellationToken);
        return Resolve(typeCode, replacements);
    }

    /// <summary>The effective template of every type (the all-types row first), for the administrators' list.</summary>
    public async Task<IReadOnlyList<EffectiveTemplate>> AllAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var replacements = await db.Set<OutgoingTemplate>().AsNoTracking().Where(t => t.AgencyId == agencyId).ToListAsync(cancellationToken);
        return [.. Types.Select(t => t.Code).Prepend(OutgoingTemplate.AllTypes).Select(code => Resolve(code, replacements))];
    }

    private static EffectiveTemplate Resolve(string typeCode, IReadOnlyList<OutgoingTemplate> replacements)
    {
        if (replacements.FirstOrDefault(t => t.TypeCode == typeCode) is { } own)
        {
            return new(typeCode, typeCode == OutgoingTemplate.AllTypes ? OutgoingTemplateSource.AllTypes : OutgoingTemplateSource.Type, own.FileName, own);
        }

        if (typeCode != OutgoingTemplate.AllTypes && replacements.FirstOrDefault(t => t.TypeCode == OutgoingTemplate.AllTypes) is { } all)
        {
            return new(typeCode, OutgoingTemplateSource.AllTypes, all.FileName, all);
        }

        return new(typeCode, OutgoingTemplateSource.BuiltIn, OfficialLayoutTemplates.FileName(typeCode), null);
    }
}
