using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Documents.OutgoingLayout;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Conversion;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.IntegrationTests.Platform.Signing.Pdf;
using Eoffice.IntegrationTests.Platform.Signing.Remote;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Signing;

/// <summary>
/// Decree 30's electronic original, end to end in the demo agency: the deputy director signs the PDF of the layout
/// with the key on her token (SoftHSM through PKCS#11), her handwriting in the signature block; the clerk issues it,
/// which writes the number and the day into their blanks and adds the agency's signature with the seal over the left
/// third of her image. pdfsig and our verifier find both signatures valid, the page shows each stamp where the decree
/// puts it, and a flipped byte fails everywhere. Nobody signs with another person's certificate, and a refused seal
/// takes no number.
/// </summary>
[Collection(SoftHsmCollection.Name)]
public abstract class DigitalOutgoingChainTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IDigitalSigningApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SigningChainFact]
    public async Task The_leader_signs_with_her_token_and_the_clerk_issues_with_the_agency_seal_and_every_verifier_finds_both_signatures_valid()
    {
        var setup = await SetUpAsync();
        var id = await DraftWithPdfAsync(setup, "Sửa chữa cầu Non Nước năm 2026");

        // Someone else's certificate is refused, and so is a wrong PIN: nothing changes.
        var foreign = await setup.Deputy.TryOutAsync(id, "sign-digitally", new { certificateId = setup.DirectorCertificate, pin = SoftHsmToken.UserPin });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Contains("Không được ký bằng chứng thư số của người khác.", foreign.Body, StringComparison.Ordinal);
        var wrongPin = await setup.Deputy.TryOutAsync(id, "sign-digitally", new { certificateId = setup.DeputyCertificate, pin = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPin.Status);
        Assert.Contains("pin", wrongPin.Body, StringComparison.Ordinal);
        Assert.Equal(OutgoingStatus.InReview, (await app.LoadOutgoingAsync(id)).Status);

        var signed = await setup.Deputy.ActOutAsync(id, "sign-digitally", new { certificateId = setup.DeputyCertificate, pin = SoftHsmToken.UserPin, note = "Đồng ý ký." });
        Assert.Equal("Chờ phát hành", signed.GetProperty("status").GetString());
        var afterSigning = await app.LoadOutgoingAsync(id);
        Assert.Equal(OutgoingStatus.ToIssue, afterSigning.Status);
        Assert.True(afterSigning.SignedDigitally);
        Assert.Contains(setup.Token.RsaCertificate.SerialNumber, afterSigning.SignerCertificate, StringComparison.Ordinal);

        // Until the clerk is given the seal she cannot issue it, and no number is taken.
        (await setup.Admin.PutAsJsonAsync($"/api/v1/signing/certificates/{setup.SealCertificate}/seal-holders", new { holderIds = Array.Empty<Guid>() }))
            .EnsureSuccessStatusCode();
        var refused = await setup.Clerk.TryOutAsync(id, "issue", new { });
        Assert.True(refused.Status == HttpStatusCode.Forbidden, refused.Body);
        Assert.Contains("Bạn không giữ chứng thư số của cơ quan", refused.Body, StringComparison.Ordinal);
        Assert.Equal((OutgoingStatus.ToIssue, (int?)null), ((await app.LoadOutgoingAsync(id)).Status, (await app.LoadOutgoingAsync(id)).Number));
        (await setup.Admin.PutAsJsonAsync($"/api/v1/signing/certificates/{setup.SealCertificate}/seal-holders", new { holderIds = new[] { setup.ClerkId } }))
            .EnsureSuccessStatusCode();

        var issued = await setup.Clerk.ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());
        var document = await app.LoadOutgoingAsync(id);
        Assert.NotNull(document.IssuedFileId);
        var pdf = await DownloadAsync(setup.Clerk, document.IssuedFileId!.Value, "ban-phat-hanh.pdf");

        // poppler: two signatures, both intact; the last covers the whole file.
        var pdfsig = Poppler.Pdfsig(pdf);
        Assert.Equal(2, pdfsig.Count);
        Assert.All(pdfsig, s => Assert.True(s.Valid, s.Validation));
        Assert.True(pdfsig[^1].TotalDocumentSigned);

        // Ours: both valid with their signers; the leader's reports that only stamps and a signature came after it.
        var report = await VerifyAsync(setup.Clerk, document.IssuedFileId!.Value);
        Assert.True(report.GetProperty("summary").GetString() == "valid", report.ToString());
        var rows = report.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("valid", r.GetProperty("verdict").GetString()));
        Assert.Equal(TestPki.PersonName, rows[0].GetProperty("signerName").GetString());
        Assert.Equal(TestPki.AgencyName, rows[1].GetProperty("signerName").GetString());

        // The page: the number and the day in their blanks, the blue handwriting in the signature block, the red seal over its left third.
        var leader = SignatureBox.Parse(document.SignaturePlacement)!;
        var (width, height, rgb) = Poppler.RenderFirstPage(pdf);
        var page = new RenderedPage(width, height, rgb, 50.0 / 72);
        Assert.Equal(0, leader.PageIndex);
        Assert.True(page.Count(leader.X + (leader.Width * 0.5), leader.Y, leader.Width * 0.45, leader.Height, Blue) > 50, "the leader's handwriting shows in the signature block");
        Assert.True(page.Count(leader.X, leader.Y - 20, leader.Width * 0.5, leader.Height + 40, Red) > 50, "the seal shows over the left of the signature");
        // …and in the bottom margin the QR code and short code of the public verification page.
        var stamps = Stamps(await File.ReadAllBytesAsync(pdf));
        var date = document.Metadata.IssuedDate!.Value;
        Assert.Equal([OfficialDateLine.NumberText(document.Number!.Value), date.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            OfficialDateLine.MonthText(date.Month)], stamps.Take(3).Select(s => s.Text));
        Assert.All(stamps, s => Assert.True(page.Count(s.X, s.Y, s.Width, s.Height, Dark) > 3, $"the stamp {s.Text} shows on the page"));
        var code = document.VerificationCode!;
        Assert.StartsWith($"Mã xác thực: {PublicVerification.Display(code)}", stamps[3].Text, StringComparison.Ordinal);
        Assert.True(page.Count(stamps[3].X, stamps[3].Y, stamps[3].Height, stamps[3].Height, Dark) > 200, "the QR code shows on the page");

        // The signatures are audited with the certificates' subjects and serials.
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "signing.sign").Select(e => e.Details!).ToListAsync());
        Assert.Contains(audit, d => d.Contains(setup.Token.RsaCertificate.SerialNumber, StringComparison.Ordinal));
        Assert.Contains(audit, d => d.Contains(setup.SealSerial, StringComparison.Ordinal));

        // A flipped byte fails in pdfsig and in our verifier.
        var bytes = await File.ReadAllBytesAsync(pdf);
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("/MediaBox", StringComparison.Ordinal) + 2;
        bytes[at] ^= 0x01;
        var tampered = PdfSamples.TempFile("ban-sua.pdf");
        await File.WriteAllBytesAsync(tampered, bytes);
        Assert.All(Poppler.Pdfsig(tampered), s => Assert.False(s.Valid, s.Validation));
        var tamperedId = await UploadAsync(setup.Clerk, bytes);
        Assert.Equal("invalid", (await VerifyAsync(setup.Clerk, tamperedId)).GetProperty("summary").GetString());
        // Anyone, without an account, finds the document by its code and learns whether a file is exactly the original.
        using var outsider = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var publicPage = await outsider.GetAsync($"/xac-thuc/{PublicVerification.Display(code).ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        var publicHtml = await publicPage.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(document.CodeText), publicHtml, StringComparison.Ordinal);
        Assert.Contains("Sửa chữa cầu Non Nước năm 2026", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(document.DrafterName), publicHtml, StringComparison.Ordinal); // nothing but the four facts: not the drafter
        Assert.DoesNotContain(document.IssuedFileId!.Value.ToString(), publicHtml, StringComparison.Ordinal);
        Assert.True(await PublicCheckAsync(outsider, code, await File.ReadAllBytesAsync(pdf)));
        Assert.False(await PublicCheckAsync(outsider, code, bytes));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/api/v1/public/verification/0000000000")).StatusCode);
        Assert.Contains("verify-not-found", await outsider.GetStringAsync("/xac-thuc/ZZZZZ-ZZZZZ"), StringComparison.Ordinal);

        // Sent to another agency's eOffice, it arrives in "Chờ tiếp nhận" with its signatures shown valid and registers
        // straight away; the tampered copy is flagged to the clerk before registration.
        var arrival = await ArriveAsync(setup.Clerk, document.IssuedFileId!.Value);
        var pendingPage = await setup.Clerk.GetStringAsync($"/van-ban-den/cho-tiep-nhan/{arrival}");
        Assert.Contains("data-summary=\"valid\"", pendingPage, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(TestPki.PersonName), pendingPage, StringComparison.Ordinal);
        var registerId = await app.AgencyRegisterIdAsync();
        var straight = await setup.Clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{arrival}/register", new { registerId });
        Assert.Equal(HttpStatusCode.Created, straight.StatusCode);
        var broken = await ArriveAsync(setup.Clerk, tamperedId);
        Assert.Contains("data-summary=\"invalid\"", await setup.Clerk.GetStringAsync($"/van-ban-den/cho-tiep-nhan/{broken}"), StringComparison.Ordinal);
        var flagged = await setup.Clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{broken}/register", new { registerId });
        Assert.NotEqual(HttpStatusCode.Created, flagged.StatusCode);
        Assert.Contains("\"signature\"", await flagged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Directory.CreateDirectory(Artifacts);
        File.Copy(pdf, Path.Combine(Artifacts, $"van-ban-ky-so-{typeof(TApp).Name}.pdf"), overwrite: true);
    }

    [SigningChainFact]
    public async Task The_clerk_makes_a_sao_y_a_sao_luc_and_a_trich_sao_each_numbered_in_the_copies_series_and_signed_by_the_agency()
    {
        var setup = await SetUpAsync();
        (await setup.Admin.PutAsJsonAsync($"/api/v1/signing/certificates/{setup.SealCertificate}/seal-holders", new { holderIds = new[] { setup.ClerkId } }))
            .EnsureSuccessStatusCode();
        var id = await DraftWithPdfAsync(setup, "Kế hoạch bảo trì đường tỉnh năm 2027");
        await setup.Deputy.ActOutAsync(id, "sign-digitally", new { certificateId = setup.DeputyCertificate, pin = SoftHsmToken.UserPin });
        Assert.True((await setup.Clerk.ActOutAsync(id, "issue", new { })).GetProperty("issued").GetBoolean());
        var registerId = (await app.LoadOutgoingAsync(id)).RegisterId;

        // Sao y of the electronic original: a third signature, the agency's, over the two earlier ones.
        var saoY = await CopyAsync(setup.Clerk, new { sourceKind = "outgoing", sourceId = id, form = "sao-y", registerId, note = "Sao gửi Sở Tài chính" });
        var number = int.Parse(saoY.GetProperty("codeText").GetString()!.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("SAO Y", $"{number:00}/SY"), (saoY.GetProperty("label").GetString(), saoY.GetProperty("codeText").GetString()));
        var saoYFile = saoY.GetProperty("fileId").GetGuid();
        await AssertSignedAsync(setup.Clerk, saoYFile, 3);

        // Sao lục is made from the sao y, with the next number of the same series; never from the document itself.
        var refused = await setup.Clerk.PostAsJsonAsync("/api/v1/documents/copies", new { sourceKind = "outgoing", sourceId = id, form = "sao-luc", registerId });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var saoLuc = await CopyAsync(setup.Clerk, new { sourceKind = "copy", sourceId = saoY.GetProperty("id").GetGuid(), form = "sao-luc", registerId });
        Assert.Equal(($"{number + 1:00}/SL", "SAO LỤC"), (saoLuc.GetProperty("codeText").GetString(), saoLuc.GetProperty("label").GetString()));
        await AssertSignedAsync(setup.Clerk, saoLuc.GetProperty("fileId").GetGuid(), 4);

        // Trích sao: the extract the clerk re-created, signed once by the agency.
        var extract = await UploadAsync(setup.Clerk, PdfSamples.PdfSharpVietnamese());
        var trichSao = await CopyAsync(setup.Clerk, new { sourceKind = "outgoing", sourceId = id, form = "trich-sao", fileId = extract, registerId });
        Assert.Equal($"{number + 2:00}/TrS", trichSao.GetProperty("codeText").GetString());
        var trichSaoPdf = await DownloadAsync(setup.Clerk, trichSao.GetProperty("fileId").GetGuid(), "trich-sao.pdf");
        var (width, height, rgb) = Poppler.RenderFirstPage(trichSaoPdf);
        var page = new RenderedPage(width, height, rgb, 50.0 / 72);
        Assert.True(page.Count(width / page.Scale - 290, height / page.Scale - 50, 250, 48, Dark) > 30, "the copy's text shows at the top right of page 1");
        await AssertSignedAsync(setup.Clerk, trichSao.GetProperty("fileId").GetGuid(), 1);

        // Whoever sees the document sees its copies; someone who does not sees neither them nor their files; a
        // specialist cannot make copies.
        var list = await setup.Clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/copies?sourceKind=outgoing&sourceId={id}", Json);
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await setup.Drafter.GetAsync($"/api/v1/files/{saoYFile}")).StatusCode);
        var (_, strangerName) = await app.CreateUserAsync("Văn Thư Đơn Vị Khác", Eoffice.Web.Modules.Identity.Contracts.DefaultRoles.Clerk);
        var stranger = await app.SignedInAsAsync(strangerName);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{saoYFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/documents/copies?sourceKind=outgoing&sourceId={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/v1/documents/copies",
            new { sourceKind = "outgoing", sourceId = id, form = "sao-y", registerId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await setup.Drafter.PostAsJsonAsync("/api/v1/documents/copies",
            new { sourceKind = "outgoing", sourceId = id, form = "sao-y", registerId })).StatusCode);
        var copiesPage = await setup.Clerk.GetStringAsync($"/ban-sao/outgoing/{id}");
        Assert.Contains($"{number + 1:00}/SL", copiesPage, StringComparison.Ordinal);

        // A received document is copied the same way.
        var arrival = await ArriveAsync(setup.Clerk, (await app.LoadOutgoingAsync(id)).IssuedFileId!.Value);
        var registered = await setup.Clerk.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{arrival}/register",
            new { registerId = await app.AgencyRegisterIdAsync(), confirmWarnings = true });
        var incomingId = (await registered.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var incomingCopy = await CopyAsync(setup.Clerk, new { sourceKind = "incoming", sourceId = incomingId, form = "sao-y", registerId });
        Assert.Equal($"{number + 3:00}/SY", incomingCopy.GetProperty("codeText").GetString());
        await AssertSignedAsync(setup.Clerk, incomingCopy.GetProperty("fileId").GetGuid(), 3);

        // A withdrawn document has no effect any more: no copy is made of it, and no number is taken.
        await setup.Clerk.ActOutAsync(id, "withdraw", new { reason = "Ban hành nhầm đối tượng" });
        var ofWithdrawn = await setup.Clerk.PostAsJsonAsync("/api/v1/documents/copies", new { sourceKind = "outgoing", sourceId = id, form = "sao-y", registerId });
        Assert.Equal(HttpStatusCode.Conflict, ofWithdrawn.StatusCode);
        var next = await CopyAsync(setup.Clerk, new { sourceKind = "incoming", sourceId = incomingId, form = "sao-y", registerId });
        Assert.Equal($"{number + 4:00}/SY", next.GetProperty("codeText").GetString());
    }

    [SigningChainFact]
    public async Task The_leader_signs_by_approving_on_her_phone_or_through_the_agent_on_her_machine_and_a_refusal_or_expiry_leaves_the_draft_unsigned()
    {
        var setup = await SetUpAsync();
        var remote = app.Remote;
        var issuingCa = setup.Token.Pki.IssuingCaPublic.ExportCertificatePem();
        var remoteCertificate = await RegisterAsync(setup.Admin, new
        {
            use = "personal", location = "remote", ownerId = setup.DeputyId, capacities = new[] { "kt" },
            certificateBase64 = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(remote.Certificate.ExportCertificatePem() + "\n" + issuingCa)),
            remoteUserId = TestRemoteSigningService.UserId,
        });
        var id = await DraftWithPdfAsync(setup, "Kế hoạch phòng, chống lụt bão năm 2027");

        // She refuses on the phone, or lets the request expire: the draft stays unsigned, with the reason shown.
        remote.Script(new TransactionScript(Outcome.Reject, Reason: "Cần sửa lại trích yếu."));
        var refused = await CompleteRemoteAsync(setup, id, remoteCertificate);
        Assert.True(refused.Status == HttpStatusCode.BadRequest, refused.Body);
        Assert.Contains("Cần sửa lại trích yếu.", refused.Body, StringComparison.Ordinal);
        remote.Script(new TransactionScript(Outcome.Expire));
        var expired = await CompleteRemoteAsync(setup, id, remoteCertificate);
        Assert.True(expired.Status == HttpStatusCode.BadRequest, expired.Body);
        Assert.Contains("hết hạn", expired.Body, StringComparison.Ordinal);
        Assert.False((await app.LoadOutgoingAsync(id)).SignedDigitally);

        // She approves after a while: until then the page's polls are answered 202; a forged session is refused.
        remote.Script(new TransactionScript(Outcome.Approve, PendingPolls: 1));
        var begun = await setup.Deputy.ActOutAsync(id, "sign-digitally/begin", new { certificateId = remoteCertificate });
        Assert.Equal("RemoteService", begun.GetProperty("signer").GetString());
        Assert.Equal(JsonValueKind.Null, begun.GetProperty("hashToSign").ValueKind);
        var token = begun.GetProperty("token").GetString()!;
        Assert.Contains(remote.Transactions.Values, t => t.Description.Contains("Kế hoạch phòng, chống lụt bão năm 2027", StringComparison.Ordinal));
        var waiting = await setup.Deputy.TryOutAsync(id, "sign-digitally", new { certificateId = remoteCertificate, token });
        Assert.True(waiting.Status == HttpStatusCode.Accepted, waiting.Body);
        var forged = await setup.Deputy.TryOutAsync(id, "sign-digitally", new { certificateId = remoteCertificate, token = token[..^6] + "AAAAAA" });
        Assert.True(forged.Status == HttpStatusCode.BadRequest, forged.Body);
        var signed = await setup.Deputy.ActOutAsync(id, "sign-digitally", new { certificateId = remoteCertificate, token, note = "Đồng ý ký." });
        Assert.Equal("Chờ phát hành", signed.GetProperty("status").GetString());
        var document = await app.LoadOutgoingAsync(id);
        Assert.True(document.SignedDigitally);
        Assert.Contains(remote.Certificate.SerialNumber, document.SignerCertificate, StringComparison.Ordinal);
        await AssertSignedAsync(setup.Deputy, document.SignedFileId!.Value, 1);
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "signing.request" || e.Action == "signing.sign").Select(e => e.Details!).ToListAsync());
        Assert.Contains(audit, d => d.StartsWith("Yêu cầu ký số", StringComparison.Ordinal) && d.Contains(remote.Certificate.SerialNumber, StringComparison.Ordinal));
        Assert.Contains(audit, d => d.StartsWith("Ký số", StringComparison.Ordinal) && d.Contains(remote.Certificate.SerialNumber, StringComparison.Ordinal));

        // Through the agent on her machine: the page gets the hash, the agent signs it with the token's key.
        var onHerToken = setup.Token.Pki.Issue("Trần Thị Bích Hạnh", TestPki.AgencyName);
        var agentCertificate = await RegisterAsync(setup.Admin, new
        {
            use = "personal", location = "agent", ownerId = setup.DeputyId, capacities = new[] { "kt" },
            certificateBase64 = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(onHerToken.ExportCertificatePem() + "\n" + issuingCa)),
        });
        var second = await DraftWithPdfAsync(setup, "Báo cáo công tác phòng, chống thiên tai năm 2026");
        var ticket = await setup.Deputy.ActOutAsync(second, "sign-digitally/begin", new { certificateId = agentCertificate });
        Assert.Equal("LocalAgent", ticket.GetProperty("signer").GetString());
        Assert.Equal(Eoffice.Web.Platform.Signing.Remote.SignatureValues.Thumbprint(onHerToken), ticket.GetProperty("certificateThumbprint").GetString());
        var hash = Convert.FromBase64String(ticket.GetProperty("hashToSign").GetString()!);
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        var wrong = await setup.Deputy.TryOutAsync(second, "sign-digitally", new
        {
            certificateId = agentCertificate, token = ticket.GetProperty("token").GetString(),
            signatureValue = Convert.ToBase64String(otherKey.SignHash(hash, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)),
        });
        Assert.True(wrong.Status == HttpStatusCode.BadRequest, wrong.Body);
        Assert.False((await app.LoadOutgoingAsync(second)).SignedDigitally);
        using var key = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(onHerToken)!;
        var byAgent = await setup.Deputy.ActOutAsync(second, "sign-digitally", new
        {
            certificateId = agentCertificate, token = ticket.GetProperty("token").GetString(),
            signatureValue = Convert.ToBase64String(key.SignHash(hash, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)),
        });
        Assert.Equal("Chờ phát hành", byAgent.GetProperty("status").GetString());
        await AssertSignedAsync(setup.Deputy, (await app.LoadOutgoingAsync(second)).SignedFileId!.Value, 1);
    }

    /// <summary>Begins a remote signature and asks for its outcome once, after the service has answered.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> CompleteRemoteAsync(Setup setup, Guid id, Guid certificateId)
    {
        var begun = await setup.Deputy.ActOutAsync(id, "sign-digitally/begin", new { certificateId });
        return await setup.Deputy.TryOutAsync(id, "sign-digitally", new { certificateId, token = begun.GetProperty("token").GetString() });
    }

    private static async Task<JsonElement> CopyAsync(HttpClient clerk, object body)
    {
        var response = await clerk.PostAsJsonAsync("/api/v1/documents/copies", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>pdfsig and our verifier both find <paramref name="count"/> signatures, all valid.</summary>
    private static async Task AssertSignedAsync(HttpClient client, Guid fileId, int count)
    {
        var path = await DownloadAsync(client, fileId, $"ban-sao-{fileId:N}.pdf");
        var pdfsig = Poppler.Pdfsig(path);
        Assert.Equal(count, pdfsig.Count);
        Assert.All(pdfsig, s => Assert.True(s.Valid, s.Validation));
        var report = await VerifyAsync(client, fileId);
        Assert.True(report.GetProperty("summary").GetString() == "valid", report.ToString());
        Assert.Equal(count, report.GetProperty("signatures").GetArrayLength());
    }

    private static string Artifacts => Path.Combine(Environment.GetEnvironmentVariable("EOFFICE_TEST_ARTIFACTS") ?? Path.GetTempPath(), "signing");

    private static bool Blue(byte r, byte g, byte b) => b > 150 && r < 120 && g < 120;

    private static bool Red(byte r, byte g, byte b) => r > 150 && g < 110 && b < 110;

    private static bool Dark(byte r, byte g, byte b) => r < 110 && g < 110 && b < 110;

    /// <summary>The FreeText stamps on page 1 (the number and the day), left to right and top to bottom as written.</summary>
    private static List<(string Text, double X, double Y, double Width, double Height)> Stamps(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPage(1).GetAnnotations()
            .Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.FreeText)
            .Select(a => (a.Content ?? "", a.Rectangle.Left, a.Rectangle.Bottom, a.Rectangle.Width, a.Rectangle.Height))];
    }

    /// <summary>The certificates and images are registered once per app: both tests of the class share them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EofficeApp, Task<Setup>> Setups = [];

    private Task<Setup> SetUpAsync()
    {
        lock (Setups)
        {
            return Setups.GetValue(app, _ => RegisterAllAsync());
        }
    }

    private async Task<Setup> RegisterAllAsync()
    {
        var admin = await app.SignedInClientAsync();
        var deputyId = await app.DemoUserIdAsync("ttbhanh");
        var directorId = await app.DemoUserIdAsync("nvan");
        var clerkId = await app.DemoUserIdAsync("dtmai");
        var token = app.Token;
        var deputyCertificate = await RegisterAsync(admin, new
        {
            use = "personal",
            location = "pkcs11",
            ownerId = deputyId,
            capacities = new[] { "kt" },
            // As the CA hands it out: the token's certificate and, after it, the issuing CA's.
            certificateBase64 = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(
                token.RsaCertificate.ExportCertificatePem() + "\n" + token.Pki.IssuingCaPublic.ExportCertificatePem())),
            pkcs11Library = token.LibraryPath,
            pkcs11TokenLabel = SoftHsmToken.TokenLabel,
            pkcs11KeyLabel = SoftHsmToken.RsaKeyLabel,
        });
        var directorCertificate = await RegisterAsync(admin, new
        {
            use = "personal",
            location = "server-file",
            ownerId = directorId,
            keyFileBase64 = Convert.ToBase64String(token.Pki.ExportPkcs12(token.Pki.Issue("Nguyễn Văn An Giám đốc", TestPki.AgencyName))),
            keyFilePassword = TestPki.Pkcs12Password,
        });
        var seal = token.Pki.IssueSeal();
        var sealCertificate = await RegisterAsync(admin, new
        {
            use = "agency-seal",
            location = "server-file",
            keyFileBase64 = Convert.ToBase64String(token.Pki.ExportPkcs12(seal)),
            keyFilePassword = TestPki.Pkcs12Password,
        });
        var handwriting = await admin.UploadAsync(PdfSamples.Png(240, 90, 20, 40, 200), "chu-ky.png", "image/png");
        (await admin.PutAsJsonAsync($"/api/v1/signing/images/{deputyId}", new { fileId = handwriting })).EnsureSuccessStatusCode();
        var sealImage = await admin.UploadAsync(PdfSamples.Png(200, 200, 220, 30, 30), "con-dau.png", "image/png");
        (await admin.PutAsJsonAsync("/api/v1/signing/images/seal", new { fileId = sealImage })).EnsureSuccessStatusCode();

        return new Setup(token, admin, await app.SignedInDemoAsync("cxtruong"), await app.SignedInDemoAsync("pvhung"), await app.SignedInDemoAsync("ttbhanh"),
            await app.SignedInDemoAsync("dtmai"), deputyId, clerkId, deputyCertificate, directorCertificate, sealCertificate, seal.SerialNumber);
    }

    /// <summary>A công văn signed KT. by the deputy director, at her signing step with the PDF of its layout made.</summary>
    private async Task<Guid> DraftWithPdfAsync(Setup setup, string subject)
    {
        var headId = await app.DemoUserIdAsync("pvhung");
        var body = await setup.Drafter.UploadBodyAsync("Sở Giao thông vận tải đề nghị sửa chữa cầu Non Nước.");
        var id = await setup.Drafter.CreateDraftAsync(OutgoingKit.Draft(subject, setup.DeputyId, mainFileId: body));
        await setup.Drafter.ActOutAsync(id, "submit", new { recipientId = headId });
        await setup.Head.ActOutAsync(id, "approve", new { recipientId = setup.DeputyId, toStep = 4 });
        await Eventually.WaitForAsync(() => setup.Deputy.OutgoingAsync(id), d => d.GetProperty("pdf").GetProperty("state").GetString() == "Ready",
            "the PDF of the layout", TimeSpan.FromMinutes(3));
        return id;
    }

    private static async Task<bool> PublicCheckAsync(HttpClient client, string code, byte[] file)
    {
        var response = await client.PostAsync($"/api/v1/public/verification/{code}/check", new ByteArrayContent(file));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("matches").GetBoolean();
    }

    /// <summary>An electronic arrival from another agency with the file, as the exchange gateway puts it in "Chờ tiếp nhận".</summary>
    private static async Task<Guid> ArriveAsync(HttpClient gateway, Guid fileId)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/documents/incoming/pending", new Dictionary<string, object?>
        {
            ["externalId"] = "edxml-" + Guid.NewGuid().ToString("N"),
            ["fileIds"] = new[] { fileId },
            ["document"] = new Dictionary<string, object?>
            {
                ["issuingOrganName"] = "Sở Giao thông vận tải tỉnh Mẫu", ["typeCode"] = "CV", ["codeNumber"] = Random.Shared.Next(1, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["codeNotation"] = "SGTVT-KCHT", ["issuedDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["subject"] = "V/v sửa chữa cầu Non Nước năm 2026", ["signerPosition"] = "Phó Giám đốc", ["signerFullName"] = "Trần Thị Bích Hạnh",
                ["urgency"] = "normal", ["pageAmount"] = 1,
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> RegisterAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/signing/certificates", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    private static async Task<string> DownloadAsync(HttpClient client, Guid fileId, string name)
    {
        var response = await client.GetAsync($"/api/v1/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = PdfSamples.TempFile(name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private static async Task<Guid> UploadAsync(HttpClient client, byte[] pdf)
    {
        var response = await FileStoreClient.UploadAsync(client, (pdf, "van-ban.pdf", "application/pdf"));
        response.EnsureSuccessStatusCode();
        return Assert.Single((await response.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files).Id;
    }

    private static Task<JsonElement> VerifyAsync(HttpClient client, Guid fileId) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/signing/files/{fileId}/signatures", Json);

    private sealed record Setup(SoftHsmToken Token, HttpClient Admin, HttpClient Drafter, HttpClient Head, HttpClient Deputy, HttpClient Clerk,
        Guid DeputyId, Guid ClerkId, Guid DeputyCertificate, Guid DirectorCertificate, Guid SealCertificate, string SealSerial);

    /// <summary>A page rendered by pdftoppm; rectangles in PDF points from the bottom-left.</summary>
    private sealed record RenderedPage(int Width, int Height, byte[] Rgb, double Scale)
    {
        public int Count(double x, double y, double w, double h, Func<byte, byte, byte, bool> colour)
        {
            var n = 0;
            var left = (int)Math.Max(0, x * Scale);
            var right = (int)Math.Min(Width, (x + w) * Scale);
            var top = (int)Math.Max(0, Height - ((y + h) * Scale));
            var bottom = (int)Math.Min(Height, Height - (y * Scale));
            for (var row = top; row < bottom; row++)
            {
                for (var col = left; col < right; col++)
                {
                    var i = ((row * Width) + col) * 3;
                    n += colour(Rgb[i], Rgb[i + 1], Rgb[i + 2]) ? 1 : 0;
                }
            }

            return n;
        }
    }
}

/// <summary>An app whose signing trusts the root of a SoftHSM token's PKI, may load SoftHSM's PKCS#11 library and makes PDFs with LibreOffice.</summary>
public interface IDigitalSigningApp
{
    SoftHsmToken Token { get; }

    /// <summary>The remote signing service the app is configured with; the deputy director's certificate is there.</summary>
    TestRemoteSigningService Remote { get; }
}

internal static class DigitalSigning
{
    /// <summary>A remote signing service holding a certificate of the deputy director from the token's PKI.</summary>
    public static Task<TestRemoteSigningService> StartRemoteAsync(SoftHsmToken token) =>
        TestRemoteSigningService.StartAsync(token.Pki.Issue("Trần Thị Bích Hạnh", TestPki.AgencyName));

    public static IDictionary<string, string?> Settings(SoftHsmToken token, TestRemoteSigningService remote)
    {
        var settings = new Dictionary<string, string?>(SofficeSettings.With(SofficeFactDiscoverer.ProgramPath));
        foreach (var (key, value) in SigningTrust.Settings(token.Pki))
        {
            settings[key] = value;
        }

        settings["Signing:Pkcs11Libraries:0"] = token.LibraryPath;
        settings["Signing:Remote:BaseUrl"] = remote.BaseUrl.AbsoluteUri;
        settings["Signing:Remote:ApiKey"] = TestRemoteSigningService.ApiKey;
        return settings;
    }
}

public sealed class DigitalSigningSqliteApp : SqliteApp, IDigitalSigningApp
{
    private SoftHsmToken? token;
    private TestRemoteSigningService? remote;

    public SoftHsmToken Token => token ??= new SoftHsmToken();

    public TestRemoteSigningService Remote => remote ?? throw new InvalidOperationException("The app is not initialised.");

    /// <summary>The remote service starts before the app, whose settings point at it (not while the host builds: one host at a time).</summary>
    public override async Task InitializeAsync()
    {
        remote = await DigitalSigning.StartRemoteAsync(Token);
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings => DigitalSigning.Settings(Token, Remote);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (remote is not null)
        {
            await remote.DisposeAsync();
        }

        token?.Dispose();
    }
}

public sealed class DigitalSigningPostgresApp : PostgresApp, IDigitalSigningApp
{
    private SoftHsmToken? token;
    private TestRemoteSigningService? remote;

    public SoftHsmToken Token => token ??= new SoftHsmToken();

    public TestRemoteSigningService Remote => remote ?? throw new InvalidOperationException("The app is not initialised.");

    /// <summary>The remote service starts before the app, whose settings point at it (not while the host builds: one host at a time).</summary>
    public override async Task InitializeAsync()
    {
        remote = await DigitalSigning.StartRemoteAsync(Token);
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings => DigitalSigning.Settings(Token, Remote);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (remote is not null)
        {
            await remote.DisposeAsync();
        }

        token?.Dispose();
    }
}

public sealed class DigitalOutgoingChainTestsOnSqlite(DigitalSigningSqliteApp app) : DigitalOutgoingChainTests<DigitalSigningSqliteApp>(app);

public sealed class DigitalOutgoingChainTestsOnPostgres(DigitalSigningPostgresApp app) : DigitalOutgoingChainTests<DigitalSigningPostgresApp>(app), IPostgresSuite;
