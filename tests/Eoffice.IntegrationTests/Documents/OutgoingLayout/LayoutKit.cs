using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.IntegrationTests.Documents.OutgoingLayout;

/// <summary>Intents of the layout tests: a .docx written from paragraphs, uploaded through the file store.</summary>
internal static class LayoutKit
{
    public sealed record TemplateRow(string TypeCode, string TypeName, string Source, bool IsReplaced, string FileName, string? UploadedByName, DateTime? UploadedAt);

    /// <summary>A .docx of one paragraph per text.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The text of every paragraph of a .docx.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))];
    }

    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] content, string fileName, string contentType = FileTypeSniffer.Docx)
    {
        var response = await FileStoreClient.UploadAsync(client, (content, fileName, contentType));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files.Single().Id;
    }

    public static async Task<List<TemplateRow>> TemplatesAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<TemplateRow>>("/api/v1/documents/outgoing-templates"))!;

    public static string TemplateUrl(string typeCode) => $"/api/v1/documents/outgoing-templates/{Uri.EscapeDataString(typeCode)}";
}
