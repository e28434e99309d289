using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// <c>/api/v1/files</c>: streaming upload (multipart/form-data, one or several files), streaming download and metadata.
/// <para>
/// Antiforgery: like every cookie-authenticated write under /api, an upload with a session cookie must carry the token
/// in the <c>X-CSRF-TOKEN</c> header, obtained from <c>GET /api/v1/files/antiforgery-token</c> after signing in;
/// <see cref="RequestForgeryGuard"/> checks it before a single byte of the body is read.
/// </para>
/// </summary>
public static class FilesApi
{
    /// <summary>Most files accepted in one upload request.</summary>
    public const int MaxFilesPerRequest = MultipartUpload.MaxFilesPerRequest;

    public sealed record UploadedFile(Guid Id, string FileName, long Length, string ContentType, string Sha256, DateTime CreatedAt);

    public sealed record UploadResponse(IReadOnlyList<UploadedFile> Files);

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/api/v1/files").WithTags("Tệp").RequireAuthorization();

        files.MapPost("/", UploadAsync)
            .WithName("UploadFiles")
            .WithSummary("Tải lên một hoặc nhiều tệp (multipart/form-data, truyền dòng).")
            .WithDescription("Each file part is streamed to the store, its type sniffed from its content and its size limited " +
                "(Storage:MaxFileSizeBytes, 413 beyond it); executables, scripts and HTML/SVG are refused with 415. Either all " +
                "files of the request are recorded or none. Cookie sessions must send the X-CSRF-TOKEN header.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(DescribeUpload);

        files.MapGet("/{id:guid}", DownloadAsync)
            .WithName("DownloadFile")
            .WithSummary("Tải xuống tệp (kiểm tra toàn vẹn SHA-256 khi đọc).");

        files.MapGet("/{id:guid}/metadata", GetMetadataAsync)
            .WithName("GetFileMetadata")
            .WithSummary("Thông tin tệp: tên, kích thước, kiểu, mã băm SHA-256.");

        files.MapGet("/antiforgery-token", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName ?? RequestForgeryGuard.HeaderName, tokens.RequestToken!));
            })
            .WithName("GetAntiforgeryToken")
            .WithSummary("Mã chống giả mạo yêu cầu cho phiên đăng nhập, gửi lại trong tiêu đề X-CSRF-TOKEN khi tải tệp lên.");

        return endpoints;
    }

    /// <summary>
    /// The handler reads the body itself (to stream it), so the framework sees no form parameter: the document is told
    /// the form's shape (file parts under <c>files</c>) and the antiforgery header, for clients generated from it.
    /// </summary>
    private static Task DescribeUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "files" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["files"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                Description = $"One to {MaxFilesPerRequest} files; each part's file name is kept.",
                                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RequestForgeryGuard.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Required with a cookie session (not with an access token): the token of GET /api/v1/files/antiforgery-token.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }

    private static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext http,
        FileStore store,
        UnitOfWork unitOfWork,
        IOptions<StorageOptions> options,
        CancellationToken cancellationToken)
    {
        var staged = new List<StoredFile>();
        try
        {
            await MultipartUpload.Of(http.Request, options.Value.MaxFileSizeBytes)(
                async (part, ct) => staged.Add(await store.StageAsync(part.Content, part.FileName, part.ContentType, ct)), cancellationToken);
        }
        catch (FileRejectedException rejected)
        {
            // The contents staged for earlier parts (and their rows) go with the refused request.
            await store.DiscardAsync(staged);
            return Problem(rejected.StatusCode, rejected.Message);
        }
        catch
        {
            await store.DiscardAsync(staged);
            throw;
        }

        // All rows and their audit entries, one per file, commit together.
        await unitOfWork.CommitWithEntriesAsync(staged
            .Select(file => new AuditEvent("file.upload", "file", file.Id.ToString(),
                Details: $"{file.FileName} ({file.Length} byte, {file.ContentType}, sha256 {file.Sha256})"))
            .ToList(), cancellationToken);

        return TypedResults.Ok(new UploadResponse(staged.Select(ToDto).ToList()));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, HttpContext http, FileStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        OpenedFile opened;
        try
        {
            opened = await store.OpenReadAsync(id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return Problem(StatusCodes.Status404NotFound, notFound.Message);
        }

        http.Response.RegisterForDisposeAsync(opened);
        await audit.RecordAsync(new AuditEvent("file.download", "file", id.ToString(), Details: opened.File.FileName), cancellationToken);

        // The content stream cannot seek (it verifies while reading), so the length is declared here: a download cut
        // short by a failed integrity check is then visibly incomplete to the client.
        http.Response.ContentLength = opened.File.Length;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(opened.Content, opened.File.ContentType, opened.File.FileName,
            lastModified: new DateTimeOffset(opened.File.CreatedAt, TimeSpan.Zero),
            entityTag: new EntityTagHeaderValue($"\"{opened.File.Sha256}\""));
    }

    private static async Task<Results<Ok<UploadedFile>, ProblemHttpResult>> GetMetadataAsync(
        Guid id, FileStore store, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(ToDto(await store.GetAsync(id, cancellationToken)));
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return Problem(StatusCodes.Status404NotFound, notFound.Message);
        }
    }

    private static UploadedFile ToDto(StoredFile file) =>
        new(file.Id, file.FileName, file.Length, file.ContentType, file.Sha256, file.CreatedAt);

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
