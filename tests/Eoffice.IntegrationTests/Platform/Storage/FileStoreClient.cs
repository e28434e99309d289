using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Eoffice.IntegrationTests.Platform.Storage;

/// <summary>Talks to <c>/api/v1/files</c> the way a script with a cookie session does (antiforgery header included).</summary>
public static class FileStoreClient
{
    public sealed record UploadedFileDto(Guid Id, string FileName, long Length, string ContentType, string Sha256, DateTime CreatedAt);

    public sealed record UploadResponseDto(List<UploadedFileDto> Files);

    private sealed record TokenDto(string HeaderName, string Token);

    public static async Task<HttpRequestMessage> UploadRequestAsync(HttpClient client, HttpContent body, CancellationToken cancellationToken = default)
    {
        var token = await client.GetFromJsonAsync<TokenDto>("/api/v1/files/antiforgery-token", cancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = body };
        request.Headers.Add(token!.HeaderName, token.Token);
        return request;
    }

    public static MultipartFormDataContent Multipart(params (byte[] Content, string FileName, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (content, fileName, contentType) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(part, "files", fileName);
        }

        return form;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (byte[] Content, string FileName, string ContentType)[] files)
    {
        using var request = await UploadRequestAsync(client, Multipart(files));
        return await client.SendAsync(request);
    }

    /// <summary>A minimal valid-looking PDF of about <paramref name="size"/> bytes with random filler.</summary>
    public static byte[] Pdf(int size = 200_000)
    {
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        return content;
    }
}
