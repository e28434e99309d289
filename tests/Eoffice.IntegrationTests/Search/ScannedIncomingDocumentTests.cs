using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.TextExtraction;
using Eoffice.Web.Modules.Documents.Registers.Reading;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// Issue 12's whole path, with the real parts: a paper document scanned to an image-only PDF is uploaded by the clerk,
/// OCR (tesseract with Vietnamese, page by page) reads it, the reader proposes the registration fields, the clerk confirms
/// them by registering, and the document is then found by a word of its body typed without diacritics, and by its number.
/// </summary>
public abstract class ScannedIncomingDocumentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [OcrFact]
    public async Task A_scanned_document_is_read_proposed_confirmed_and_then_found_by_a_body_word_without_diacritics()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var number = Random.Shared.Next(5000, 9999).ToString(CultureInfo.InvariantCulture);
        string[] page =
        [
            "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            $"Số: {number}/UBND-NN",
            "Ninh Bình, ngày 20 tháng 11 năm 2026",
            "V/v nạo vét kênh mương trước mùa mưa lũ",
            "Kính gửi: Sở Giao thông vận tải",
            "Ủy ban nhân dân tỉnh đề nghị Sở khẩn trương phối hợp",
            "nạo vét kênh mương, gia cố đê bao và cống thủy lợi.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Song Tùng",
        ];
        var scan = TextSamples.ScanPdf(TextSamples.Render(TextSamples.TextPdf(page), jpeg: true));
        Assert.Empty(FileTextKit.PdfText(scan));
        var fileId = await FileTextKit.UploadAsync(clerk, scan, "ban-quet.pdf", FileTypeSniffer.Pdf);

        // What the register page does when the upload finishes: ask for the text, then poll the proposals.
        Assert.Equal(HttpStatusCode.Accepted, (await FileTextKit.PostAsync(clerk, fileId)).StatusCode);
        var answer = await Eventually.WaitForAsync(
            async () => (await clerk.GetFromJsonAsync<IncomingProposalResponse>($"/api/v1/documents/incoming/proposals?fileId={fileId}"))!,
            a => a.State is not "pending" and not "notRequested", "the proposals of the scan", TimeSpan.FromMinutes(3));
        Assert.Equal("ready", answer.State);
        var proposal = answer.Proposal!;
        Assert.True(proposal.Readable, proposal.Reason);
        Assert.Equal(
            (number, "UBND-NN", "2026-11-20", "Ủy ban nhân dân tỉnh Ninh Bình"),
            (proposal.Number?.Value, proposal.Symbol?.Value, proposal.DocumentDate?.Value, proposal.IssuingOrgan?.Name));
        Assert.NotNull(proposal.IssuingOrgan!.OrganId);
        Assert.Contains("nạo vét kênh mương", proposal.Subject?.Value, StringComparison.Ordinal);

        // The clerk confirms the proposed fields (nothing was applied before this) and registers.
        var register = await app.AgencyRegisterIdAsync();
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(register, proposal.Subject!.Value,
            ("typeCode", proposal.DocumentType?.Value ?? "CV"),
            ("codeNumber", proposal.Number!.Value),
            ("codeNotation", proposal.Symbol!.Value),
            ("issuedDate", proposal.DocumentDate!.Value),
            ("issuingOrganName", proposal.IssuingOrgan.Name),
            ("issuingOrganId", proposal.IssuingOrgan.Code),
            ("signerPosition", proposal.SignerPosition?.Value ?? "Phó Chủ tịch"),
            ("signerFullName", proposal.SignerName?.Value ?? "Trần Song Tùng"),
            ("fileIds", new[] { fileId })));
        await app.OutboxDrainedAsync();

        // Found by words of the body only ("gia cố đê bao … cống"), typed without marks, and by its number.
        var byBody = await clerk.GetFromJsonAsync<SearchResults>($"/api/v1/search?q={Uri.EscapeDataString("gia co de bao cong thuy loi")}&kind=incoming");
        Assert.Contains(registered.Id, byBody!.Hits.Select(h => h.ItemId));
        var hit = byBody.Hits.First(h => h.ItemId == registered.Id);
        Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
        var byNumber = await clerk.GetFromJsonAsync<SearchResults>($"/api/v1/search?q={Uri.EscapeDataString($"{number}/UBND-NN")}");
        Assert.Equal(registered.Id, byNumber!.Hits.First().ItemId);
    }
}

public sealed class ScannedIncomingDocumentTestsOnSqlite(SqliteApp app) : ScannedIncomingDocumentTests<SqliteApp>(app);

public sealed class ScannedIncomingDocumentTestsOnPostgres(PostgresApp app) : ScannedIncomingDocumentTests<PostgresApp>(app), IPostgresSuite;
