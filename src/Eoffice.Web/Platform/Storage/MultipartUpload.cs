using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Eoffice.Web.Platform.Storage;

/// <summary>One file of an upload as it arrives: its content (read once, not seekable), the name and type the client gave.</summary>
public sealed record UploadPart(Stream Content, string FileName, string? ContentType);

/// <summary>
/// The files of one upload request, handed one at a time to <paramref name="onFile"/> while they stream in (nothing is
/// buffered in memory or on disk before the file store sees it). Throws <see cref="FileRejectedException"/> (400, 415)
/// for a request that is not a well-formed multipart/form-data body or carries too many files.
/// </summary>
public delegate Task UploadParts(Func<UploadPart, CancellationToken, Task> onFile, CancellationToken cancellationToken);

/// <summary>
/// Reading uploads: the multipart body of a request streamed with <see cref="MultipartReader"/> (the files API, the
/// cabinet), or the files a Razor page already bound. The caller stages each part with <see cref="FileStore.StageAsync"/>
/// and, if the request then fails, gives the staged files back with <see cref="FileStore.DiscardAsync"/>.
/// </summary>
public static class MultipartUpload
{
    /// <summary>Most files accepted in one upload request.</summary>
    public const int MaxFilesPerRequest = 20;

    /// <summary>Room for multipart boundaries, part headers and small form fields around the files.</summary>
    private const long EnvelopeAllowance = 1024 * 1024;

    /// <summary>
    /// The file parts of <paramref name="request"/>'s body. Kestrel's global body limit (30 MB) would cut uploads short,
    /// so the request's limit is raised to what <see cref="MaxFilesPerRequest"/> files of <paramref name="maxFileBytes"/>
    /// may need (the file store still refuses each file beyond its own limit, with its message).
    /// </summary>
    public static UploadParts Of(HttpRequest request, long maxFileBytes) => async (onFile, cancellationToken) =>
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxFileBytes > (long.MaxValue - EnvelopeAllowance) / MaxFilesPerRequest
                ? null
                : (maxFileBytes * MaxFilesPerRequest) + EnvelopeAllowance;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileRejectedException("Yêu cầu tải tệp phải ở dạng multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            throw new FileRejectedException("Yêu cầu multipart/form-data thiếu hoặc sai ranh giới (boundary).", StatusCodes.Status400BadRequest);
        }

        var count = 0;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    // Plain form fields carry nothing the store needs; the reader skips their bodies without buffering.
                    continue;
                }

                if (count == MaxFilesPerRequest)
                {
                    throw TooMany();
                }

                count++;
                var fileName = disposition.FileNameStar.HasValue
                    ? disposition.FileNameStar.Value
                    : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                await onFile(new UploadPart(section.Body, fileName ?? string.Empty, section.ContentType), cancellationToken);
            }
        }
        catch (InvalidDataException)
        {
            throw new FileRejectedException("Nội dung multipart/form-data không hợp lệ.", StatusCodes.Status400BadRequest);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The reader found the body's end before the closing boundary: a truncated request, not a failing disk.
            if (await request.Body.ReadAsync(new byte[1], cancellationToken) != 0)
            {
                throw;
            }

            throw new FileRejectedException("Nội dung multipart/form-data bị cắt cụt (thiếu phần cuối hoặc ranh giới kết thúc). Hãy tải lại tệp.",
                StatusCodes.Status400BadRequest);
        }

        if (count == 0)
        {
            throw NoFile();
        }
    };

    /// <summary>Files a page's form already bound (small forms posted without script), in their order.</summary>
    public static UploadParts Of(IReadOnlyList<IFormFile> files) => async (onFile, cancellationToken) =>
    {
        if (files.Count == 0)
        {
            throw NoFile();
        }

        if (files.Count > MaxFilesPerRequest)
        {
            throw TooMany();
        }

        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            await onFile(new UploadPart(content, file.FileName, file.ContentType), cancellationToken);
        }
    };

    private static FileRejectedException NoFile() =>
        new("Yêu cầu không có tệp nào. Hãy gửi tệp trong một trường kiểu tệp (file).", StatusCodes.Status400BadRequest);

    private static FileRejectedException TooMany() =>
        new($"Mỗi lần chỉ tải lên được tối đa {MaxFilesPerRequest} tệp.", StatusCodes.Status400BadRequest);
}
