using System.Buffers.Binary;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The administrator uploads a person's handwritten signature (blue) or the agency's seal (red) as a PNG with a
/// transparent background (Decree 30 Phụ lục I, boxes 7c and 8); it replaces the previous one. The picture must really
/// be a PNG with transparency, of a sensible size. <c>PUT /api/v1/signing/images/{owner}</c> (owner: a person's id, or
/// <c>seal</c>) with a file uploaded through <c>/api/v1/files</c>; the page sends the file with the form.
/// </summary>
public sealed class ReplaceSignatureImage(EofficeDbContext db, FileStore files, ICurrentUser currentUser, IPeopleDirectory people,
    UnitOfWork unitOfWork, TimeProvider time)
{
    public const string Seal = "seal";
    public const long MaxBytes = 1024 * 1024;
    public const int MaxSide = 3000;
    public const string SealOwnerName = "con dấu của cơ quan";

    public sealed record Request(Guid? FileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() =>
            FileId is null || FileId == Guid.Empty ? new() { ["fileId"] = ["Vui lòng tải lên ảnh (.png)."] } : [];
    }

    public async Task<SignatureImageResponse> HandleAsync(string owner, Request request, CancellationToken cancellationToken)
    {
        var (agencyId, ownerId, ownerName) = await OwnerAsync(owner, cancellationToken);
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.FileId && f.CreatedBy == currentUser.Id, cancellationToken)
            ?? throw RuleException.NotFound(FileStore.NotFoundMessage);
        byte[] bytes;
        await using (var opened = await files.OpenReadAsSystemAsync(file.Id, cancellationToken))
        {
            bytes = await ReadAsync(opened.Content, "fileId", cancellationToken);
        }

        var (width, height) = Check(bytes, "fileId");
        return await ApplyAsync(agencyId, ownerId, ownerName, file.Id, file.FileName, width, height, cancellationToken);
    }

    public async Task<SignatureImageResponse> HandleUploadAsync(string owner, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (agencyId, ownerId, ownerName) = await OwnerAsync(owner, cancellationToken);
        var bytes = await ReadAsync(content, "file", cancellationToken);
        var (width, height) = Check(bytes, "file");
        var stored = await files.StageAsync(new MemoryStream(bytes, writable: false), fileName, "image/png", cancellationToken);
        return await ApplyAsync(agencyId, ownerId, ownerName, stored.Id, stored.FileName, width, height, cancellationToken);
    }

    /// <summary>The agency's current images, the seal first, then people by name: what the page shows before a replacement.</summary>
    public async Task<IReadOnlyList<SignatureImageResponse>> CurrentAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var images = await db.Set<SignatureImage>().AsNoTracking().Where(i => i.AgencyId == agencyId).ToListAsync(cancellationToken);
        var names = (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(p => p.Id, p => p.FullName);
        return [.. images
            .Select(i => SignatureImageResponse.From(i, i.OwnerId is { } id ? names.GetValueOrDefault(id, string.Empty) : SealOwnerName))
            .OrderBy(i => i.OwnerId is not null).ThenBy(i => i.OwnerName, StringComparer.CurrentCulture)];
    }

    /// <summary>The content of <paramref name="owner"/>'s current image (the page's preview); not found when there is none.</summary>
    public async Task<OpenedFile> OpenCurrentAsync(string owner, CancellationToken cancellationToken)
    {
        var (agencyId, ownerId, _) = await OwnerAsync(owner, cancellationToken);
        var fileId = await db.Set<SignatureImage>().AsNoTracking().Where(i => i.AgencyId == agencyId && i.OwnerId == ownerId)
            .Select(i => (Guid?)i.FileId).FirstOrDefaultAsync(cancellationToken) ?? throw RuleException.NotFound("Chưa có ảnh.");
        return await files.OpenReadAsSystemAsync(fileId, cancellationToken);
    }

    /// <summary>Width and height of a PNG that has an alpha channel or a transparent colour; a refusal otherwise.</summary>
    public static (int Width, int Height) Check(byte[] png, string field)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw RuleException.Invalid("Ảnh chữ ký, con dấu phải là tệp PNG.", field);
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        if (width is < 16 or > MaxSide || height is < 16 or > MaxSide)
        {
            throw RuleException.Invalid($"Kích thước ảnh phải từ 16 đến {MaxSide} điểm ảnh mỗi chiều.", field);
        }

        var colourType = png[25];
        var transparent = colourType is 4 or 6 || HasChunk(png, "tRNS"u8);
        return transparent ? (width, height) : throw RuleException.Invalid("Ảnh phải có nền trong suốt (PNG có kênh alpha).", field);
    }

    private static bool HasChunk(byte[] png, ReadOnlySpan<byte> type)
    {
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var chunk = png.AsSpan(at + 4, 4);
            if (chunk.SequenceEqual(type))
            {
                return true;
            }

            // A length past the end (or negative) ends the search: the ancillary chunks we look for come before IDAT.
            if (chunk.SequenceEqual("IDAT"u8) || length < 0 || length > png.Length - at - 12)
            {
                return false;
            }

            at += 12 + length;
        }

        return false;
    }

    private async Task<(Guid AgencyId, Guid? OwnerId, string OwnerName)> OwnerAsync(string owner, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        if (owner == Seal)
        {
            return (agencyId, null, SealOwnerName);
        }

        var person = Guid.TryParse(owner, out var id) ? await people.FindPersonAsync(id, cancellationToken) : null;
        return person is not null && person.AgencyId == agencyId
            ? (agencyId, person.Id, person.FullName)
            : throw RuleException.NotFound("Không tìm thấy người này.");
    }

    private static async Task<byte[]> ReadAsync(Stream content, string field, CancellationToken cancellationToken) =>
        await BoundedRead.ReadAtMostAsync(content, MaxBytes, cancellationToken)
        ?? throw RuleException.Invalid("Ảnh lớn hơn 1 MB.", field);

    private async Task<SignatureImageResponse> ApplyAsync(Guid agencyId, Guid? ownerId, string ownerName, Guid fileId, string fileName,
        int width, int height, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw RuleException.NotFound();
        var name = currentUser.FullName ?? currentUser.UserName ?? string.Empty;
        var now = time.GetUtcNow().UtcDateTime;
        var image = await db.Set<SignatureImage>().FirstOrDefaultAsync(i => i.AgencyId == agencyId && i.OwnerId == ownerId, cancellationToken);
        if (image is null)
        {
            image = new SignatureImage(agencyId, ownerId, fileId, fileName, width, height, userId, name, now);
            db.Add(image);
        }
        else
        {
            image.Replace(fileId, fileName, width, height, userId, name, now);
        }

        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("signing.image.replace", "signature-image", image.Id.ToString(),
                Details: $"Ảnh {(ownerId is null ? "con dấu" : "chữ ký")} của {ownerName}: {fileName} ({width}×{height}, tệp {fileId})"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw RuleException.Conflict("Ảnh này vừa được người khác thay. Vui lòng tải lại trang.");
        }

        return SignatureImageResponse.From(image, ownerName);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/images/{owner}", async Task<Ok<SignatureImageResponse>> (string owner, Request request, ReplaceSignatureImage handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(owner, request, ct)))
            .RequireAuthorization(Policies.For(SigningPermissions.ManageSigning))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReplaceSignatureImage")
            .WithSummary("Thay ảnh chữ ký của một người (owner = mã người) hoặc ảnh con dấu của cơ quan (owner = seal); tệp PNG nền trong suốt.");
}

public sealed record SignatureImageResponse(Guid Id, Guid? OwnerId, string OwnerName, Guid FileId, string FileName, int Width, int Height,
    string UploadedByName, DateTime UploadedAt)
{
    public static SignatureImageResponse From(SignatureImage image, string ownerName) =>
        new(image.Id, image.OwnerId, ownerName, image.FileId, image.FileName, image.Width, image.Height, image.UploadedByName, image.UploadedAt);
}
