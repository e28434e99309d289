using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;
using PdfSharp.Drawing;

namespace Eoffice.Bench;

/// <summary>
/// Signs and verifies PDFs through the real signing code (<see cref="PdfSigner"/>, <see cref="KeyHolderCmsSigner"/>,
/// <see cref="Pkcs12RawSigner"/>, <see cref="PdfSignatureVerifier"/>), with test material made here: a root CA and two
/// signers (the leader, the agency seal) exported as PKCS#12 and loaded back as the server does, a one-page document
/// rendered by the report renderer, a ~2 MB document with an incompressible image signed twice, and large files with a
/// raw image stream written to disk chunk by chunk. No time-stamp service and no CRLs: the figures are the PDF and
/// key work alone.
/// </summary>
internal static class SigningBenchmark
{
    private const string Password = "bench";

    /// <param name="Documents">One-page PDFs signed per throughput row.</param>
    /// <param name="Runs">Timed verifications of the twice-signed 2 MB file (and of each large file signature).</param>
    /// <param name="LargeMegabytes">Size of the large file (the memory row).</param>
    /// <param name="EllipticCurve">Signers with EC P-256 keys instead of RSA 2048 (the CA is RSA 2048 either way).</param>
    /// <param name="Only">throughput, verify or memory; empty runs all three.</param>
    public sealed record Settings(int Documents, int Runs, int LargeMegabytes, bool EllipticCurve, string Only);

    public static async Task RunAsync(Settings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eoffice-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var pki = new BenchPki(settings.EllipticCurve);
        Console.WriteLine($"signing: CA RSA 2048, signers {(settings.EllipticCurve ? "EC P-256 (ECDSA)" : "RSA 2048 (PKCS#1 v1.5)")}, SHA-256; " +
            $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");
        try
        {
            // Memory first: the process's peak working set only grows, and the parallel rows would raise it.
            if (settings.Only is "" or "memory")
            {
                await MemoryAsync(pki, folder, settings);
            }

            if (settings.Only is "" or "throughput")
            {
                await ThroughputAsync(pki, folder, settings.Documents);
            }

            if (settings.Only is "" or "verify")
            {
                await VerifyAsync(pki, folder, settings.Runs);
            }

            Console.WriteLine($"load average at the end {LoadAverage()}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ThroughputAsync(BenchPki pki, string folder, int documents)
    {
        var source = Path.Combine(folder, "one-page.pdf");
        await File.WriteAllBytesAsync(source, await OnePageAsync());
        var png = SealPng(240);
        var visible = new PdfSignatureOptions
        {
            Name = BenchPki.AgencyName,
            Reason = "Phát hành văn bản",
            Location = "Tỉnh Mẫu",
            Appearance = new PdfSignatureAppearance(0, new PdfRectangle(330, 80, 200, 110))
            {
                Png = png,
                TextLines = ["Ký bởi: UBND tỉnh Mẫu", "Thời gian: 03/12/2026 09:30"],
            },
        };
        var invisible = new PdfSignatureOptions { Name = BenchPki.AgencyName, Reason = "Phát hành văn bản" };
        Console.WriteLine($"one-page PDF {new FileInfo(source).Length:N0} bytes (report renderer); seal PNG {png.Length:N0} bytes 240×240 RGBA; N={documents}");

        var loads = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            pki.SealSigner().Dispose();
            loads.Add(Stats.Elapsed(watch));
        }

        Console.WriteLine($"PKCS#12 load (Pkcs12RawSigner.Load, {pki.SealPkcs12.Length:N0} bytes): {Stats.Describe(loads)}");

        var row = 0;
        foreach (var (name, options, keyPerSignature) in new[]
        {
            ("invisible, key loaded once", invisible, false),
            ("visible seal (PNG + 2 lines), key loaded once", visible, false),
            ("visible seal, PKCS#12 loaded per signature", visible, true),
        })
        {
            foreach (var workers in new[] { 1, 2 })
            {
                var output = Path.Combine(folder, $"throughput-{row++}");
                Directory.CreateDirectory(output);
                await SignManyAsync(pki, source, Path.Combine(output, "warm-up"), options, keyPerSignature, 1, 20);
                var (times, seconds) = await SignManyAsync(pki, source, output, options, keyPerSignature, workers, documents);
                var last = Path.Combine(output, $"{documents - 1}.pdf");
                await CheckValidAsync(pki, last, 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sign one page, {name}, {workers} worker{(workers == 1 ? "" : "s")}: {documents / seconds:F1} PDFs/s; per signature {Stats.Describe(times)}; signed file {new FileInfo(last).Length:N0} bytes"));
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Signs <paramref name="count"/> copies of <paramref name="source"/> into files 0.pdf … in <paramref name="output"/>, on <paramref name="workers"/> threads.</summary>
    private static async Task<(List<double> Times, double Seconds)> SignManyAsync(BenchPki pki, string source, string output,
        PdfSignatureOptions options, bool keyPerSignature, int workers, int count)
    {
        Directory.CreateDirectory(output);
        var signer = new PdfSigner();
        var next = -1;
        var perWorker = new List<double>[workers];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var times = perWorker[w] = new List<double>(count);
            using var shared = keyPerSignature ? null : pki.SealSigner();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                var key = shared ?? pki.SealSigner();
                try
                {
                    await using var input = File.OpenRead(source);
                    await using var file = new FileStream(Path.Combine(output, $"{i}.pdf"), FileMode.CreateNew, FileAccess.ReadWrite);
                    await signer.SignAsync(input, file, options, new KeyHolderCmsSigner(key), CancellationToken.None);
                }
                finally
                {
                    if (keyPerSignature)
                    {
                        key.Dispose();
                    }
                }

                times.Add(Stats.Elapsed(watch));
            }
        })));
        return ([.. perWorker.SelectMany(t => t)], wall.Elapsed.TotalSeconds);
    }

    private static async Task VerifyAsync(BenchPki pki, string folder, int runs)
    {
        var source = Path.Combine(folder, "two-mb.pdf");
        await File.WriteAllBytesAsync(source, ImageDocument(2 * 1024 * 1024));
        var once = Path.Combine(folder, "two-mb-leader.pdf");
        var twice = Path.Combine(folder, "two-mb-signed-twice.pdf");
        var signer = new PdfSigner();
        await SignFileAsync(signer, source, once, pki.LeaderSigner, new PdfSignatureOptions
        {
            Name = BenchPki.PersonName,
            Reason = "Ký ban hành",
            Appearance = new PdfSignatureAppearance(0, new PdfRectangle(330, 150, 200, 60)) { TextLines = [BenchPki.PersonName, "Chủ tịch"] },
        });
        await SignFileAsync(signer, once, twice, pki.SealSignerOnce, new PdfSignatureOptions
        {
            Name = BenchPki.AgencyName,
            Reason = "Phát hành văn bản",
            Appearance = new PdfSignatureAppearance(0, new PdfRectangle(300, 120, 120, 120)) { Png = SealPng(240) },
        });
        Console.WriteLine($"verify: {new FileInfo(twice).Length:N0} bytes, 2 pages (text; {new FileInfo(source).Length:N0}-byte source with an incompressible image), 2 signatures (leader, seal); R={runs}");

        var verifier = new PdfSignatureVerifier(new PdfSignatureInspector(), new CmsSignatureVerifier());
        for (var i = 0; i < 3; i++)
        {
            await CheckValidAsync(pki, twice, 2);
        }

        var full = new List<double>(runs);
        var structure = new List<double>(runs);
        var crypto = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var file = File.OpenRead(twice))
            {
                var report = await verifier.VerifyAsync(file, pki.Policy(), CancellationToken.None);
                if (!report.AllValid || report.Signatures.Count != 2)
                {
                    throw new InvalidOperationException($"Unexpected verification result: {report.Summary}");
                }
            }

            full.Add(Stats.Elapsed(watch));

            await TimeHalvesAsync(pki, twice, structure, crypto);
        }

        Console.WriteLine($"verify 2 MB twice-signed (PdfSignatureVerifier): {Stats.Describe(full)}");
        Console.WriteLine($"  of which structure (PdfSignatureInspector): {Stats.Describe(structure)}");
        Console.WriteLine($"  of which digests + CMS + chain (CmsSignatureVerifier): {Stats.Describe(crypto)}");
    }

    /// <summary>The verifier's work in its two halves, to see where the time goes.</summary>
    private static async Task TimeHalvesAsync(BenchPki pki, string path, List<double> structure, List<double> crypto)
    {
        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        var found = await new PdfSignatureInspector().InspectAsync(file, CancellationToken.None);
        structure.Add(Stats.Elapsed(watch));
        watch.Restart();
        var cms = new CmsSignatureVerifier();
        foreach (var signature in found)
        {
            if (!cms.Verify(signature.Cms, PdfSignatureInspector.ComputeDigest(file, signature.ByteRange), pki.Policy()).IsValid)
            {
                throw new InvalidOperationException("A signature did not verify.");
            }
        }

        crypto.Add(Stats.Elapsed(watch));
    }

    private static async Task MemoryAsync(BenchPki pki, string folder, Settings settings)
    {
        var signer = new PdfSigner();
        var options = new PdfSignatureOptions
        {
            Name = BenchPki.AgencyName,
            Reason = "Phát hành văn bản",
            Appearance = new PdfSignatureAppearance(0, new PdfRectangle(300, 120, 120, 120)) { Png = SealPng(240) },
        };

        // Warm up (JIT, crypto, fonts) on a small file so that the first measured row is not charged with it.
        var warm = Path.Combine(folder, "warm.pdf");
        WriteRawImagePdf(warm, 64 * 1024);
        await SignFileAsync(signer, warm, warm + ".signed.pdf", pki.SealSignerOnce, options);
        await CheckValidAsync(pki, warm + ".signed.pdf", 1);

        var runs = Math.Clamp(settings.Runs / 10, 1, 5);
        foreach (var megabytes in new[] { 1, settings.LargeMegabytes })
        {
            var source = Path.Combine(folder, $"large-{megabytes}.pdf");
            WriteRawImagePdf(source, megabytes * 1024L * 1024);
            var signTimes = new List<double>();
            var verifyTimes = new List<double>();
            var structure = new List<double>();
            var crypto = new List<double>();
            MemorySample? worstSign = null;
            MemorySample? worstVerify = null;
            for (var run = 0; run < runs; run++)
            {
                var output = source + $".signed-{run}.pdf";
                var before = MemorySample.ResetAndTake();
                var watch = Stopwatch.StartNew();
                await SignFileAsync(signer, source, output, pki.SealSignerOnce, options);
                signTimes.Add(Stats.Elapsed(watch));
                var sign = MemorySample.Since(before);
                worstSign = worstSign is null || sign.PeakWorkingSetGrowth > worstSign.PeakWorkingSetGrowth ? sign : worstSign;

                before = MemorySample.ResetAndTake();
                watch.Restart();
                await CheckValidAsync(pki, output, 1);
                verifyTimes.Add(Stats.Elapsed(watch));
                var verify = MemorySample.Since(before);
                worstVerify = worstVerify is null || verify.PeakWorkingSetGrowth > worstVerify.PeakWorkingSetGrowth ? verify : worstVerify;
                await TimeHalvesAsync(pki, output, structure, crypto);
                File.Delete(output);
            }

            Console.WriteLine($"sign {megabytes} MB ({new FileInfo(source).Length:N0} bytes, one page with a raw image stream): {Stats.Describe(signTimes)}");
            Console.WriteLine($"  memory while signing (worst of {runs}): {worstSign}");
            Console.WriteLine($"verify it (1 signature, PdfSignatureVerifier): {Stats.Describe(verifyTimes)}");
            Console.WriteLine($"  memory while verifying (worst of {runs}): {worstVerify}");
            Console.WriteLine($"  of which structure (PdfSignatureInspector): {Stats.Describe(structure)}");
            Console.WriteLine($"  of which digest + CMS + chain (CmsSignatureVerifier): {Stats.Describe(crypto)}");
            File.Delete(source);
        }
    }

    private static async Task SignFileAsync(PdfSigner signer, string source, string target, Pkcs12RawSigner key, PdfSignatureOptions options)
    {
        await using var input = File.OpenRead(source);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.ReadWrite);
        await signer.SignAsync(input, output, options, new KeyHolderCmsSigner(key), CancellationToken.None);
    }

    /// <summary>Verifies <paramref name="path"/> and fails the benchmark unless it has <paramref name="signatures"/> valid signatures.</summary>
    private static async Task CheckValidAsync(BenchPki pki, string path, int signatures)
    {
        await using var file = File.OpenRead(path);
        var report = await new PdfSignatureVerifier(new PdfSignatureInspector(), new CmsSignatureVerifier())
            .VerifyAsync(file, pki.Policy(), CancellationToken.None);
        if (!report.AllValid || report.Signatures.Count != signatures)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)}: {report.Summary}; {report.Signatures.FirstOrDefault()?.Cms?.Problem}");
        }
    }

    /// <summary>A one-page official-looking document rendered by the report renderer (letterhead, title, body).</summary>
    private static async Task<byte[]> OnePageAsync()
    {
        var report = new PrintedReport("Quyết định", BenchPki.AgencyName, Landscape: false, "In bởi: Đo hiệu năng lúc 09:30 03/12/2026", null,
        [
            new ReportLetterhead("ỦY BAN NHÂN DÂN TỈNH MẪU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            new ReportParagraph("QUYẾT ĐỊNH", TextStyle.Title),
            new ReportParagraph("Về việc phê duyệt dự án đầu tư xây dựng trường tiểu học xã Mẫu Sơn", TextStyle.Centered),
            .. Enumerable.Range(1, 6).Select(i => new ReportParagraph(
                $"Điều {i}. Phê duyệt nội dung dự án theo đề nghị của Sở Kế hoạch và Đầu tư tại Tờ trình số {100 + i}/TTr-SKHĐT; " +
                "các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.")),
        ], "quyet-dinh.pdf");
        using var memory = new MemoryStream();
        await new PdfSharpReportRenderer().RenderAsync(report, memory, CancellationToken.None);
        return memory.ToArray();
    }

    /// <summary>A two-page PDFsharp document: a page of text and a scan-like page whose image is random (incompressible) pixels.</summary>
    private static byte[] ImageDocument(int imageBytes)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        var side = (int)Math.Ceiling(Math.Sqrt(imageBytes / 3.0));
        using var document = new PdfSharp.Pdf.PdfDocument();
        var text = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(text))
        {
            var font = new XFont(BundledFontResolver.Family, 13);
            graphics.DrawString("ỦY BAN NHÂN DÂN TỈNH MẪU", font, XBrushes.Black, new XPoint(60, 70));
            graphics.DrawString("Quyết định về việc phê duyệt dự án đầu tư (bản chụp kèm theo)", font, XBrushes.Black, new XPoint(60, 110));
        }

        var scan = document.AddPage();
        using (var bitmap = new MemoryStream(RandomBmp(side, side)))
        using (var image = XImage.FromStream(bitmap))
        using (var graphics = XGraphics.FromPdfPage(scan))
        {
            graphics.DrawImage(image, 0, 0, scan.Width.Point, scan.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>A 24-bit bottom-up BMP of random pixels (PDFsharp reads BMP; random data does not deflate).</summary>
    private static byte[] RandomBmp(int width, int height)
    {
        var stride = ((width * 3) + 3) & ~3;
        var bmp = new byte[54 + (stride * height)];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), stride * height);
        new Random(11).NextBytes(bmp.AsSpan(54));
        return bmp;
    }

    /// <summary>
    /// Writes a valid one-page PDF whose page draws an uncompressed RGB image of about <paramref name="imageBytes"/>
    /// bytes (a large scan), streaming the samples to disk in 1 MB chunks so that generating it takes no memory.
    /// </summary>
    private static void WriteRawImagePdf(string path, long imageBytes)
    {
        var side = (long)Math.Ceiling(Math.Sqrt(imageBytes / 3.0));
        var length = side * side * 3;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var offsets = new List<long>();
        void Write(string text) => file.Write(Encoding.Latin1.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(file.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        Object("<</Type/Catalog/Pages 2 0 R>>");
        Object("<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>");
        Object("<</Type/Page/Parent 2 0 R/Resources<</XObject<</Im1 5 0 R>>>>/Contents 4 0 R>>");
        const string content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        Object($"<</Length {content.Length}>>\nstream\n{content}\nendstream");
        offsets.Add(file.Position);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"{offsets.Count} 0 obj\n<</Type/XObject/Subtype/Image/Width {side}/Height {side}/ColorSpace/DeviceRGB/BitsPerComponent 8/Length {length}>>\nstream\n"));
        var random = new Random(13);
        var chunk = new byte[1 << 20];
        for (var left = length; left > 0; left -= chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }

        Write("\nendstream\nendobj\n");
        var xref = file.Position;
        var table = new StringBuilder($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f\r\n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n");
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {offsets.Count + 1}/Root 1 0 R/ID[<{id}><{id}>]>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
    }

    /// <summary>A round red seal on a transparent background, RGBA PNG (what a clerk uploads; decoded by the signing code).</summary>
    private static byte[] SealPng(int size)
    {
        var raw = new byte[size * ((size * 4) + 1)];
        var centre = size / 2.0;
        for (var y = 0; y < size; y++)
        {
            var row = y * ((size * 4) + 1);
            for (var x = 0; x < size; x++)
            {
                var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre)));
                var ink = distance < centre - 2 && (distance > centre - 14 || distance < centre / 3 || Math.Abs(y - centre) < 6);
                raw.AsSpan(row + 1 + (x * 4), 4).Fill(0);
                if (ink)
                {
                    raw[row + 1 + (x * 4)] = 0xD0;
                    raw[row + 4 + (x * 4)] = 0xFF;
                }
            }
        }

        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;
        header[9] = 6;
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        PngChunk(png, "IHDR", header);
        PngChunk(png, "IDAT", deflated.ToArray());
        PngChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void PngChunk(Stream png, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var buffer = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        png.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(buffer, ~crc);
        png.Write(buffer);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// The process's memory around one operation: peak working set (Linux VmHWM, reset first through
    /// /proc/self/clear_refs so the peak is this operation's), GC heap after a full collection, bytes allocated.
    /// </summary>
    private sealed record MemorySample(long WorkingSet, long PeakWorkingSet, long GcHeap, long Allocated)
    {
        public long PeakWorkingSetGrowth { get; init; }

        public long GcHeapAfter { get; init; }

        public long GcHeapSizeAfter { get; init; }

        public long AllocatedDuring { get; init; }

        public static MemorySample ResetAndTake()
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            if (File.Exists("/proc/self/clear_refs"))
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }

            using var process = Process.GetCurrentProcess();
            return new MemorySample(process.WorkingSet64, process.PeakWorkingSet64, heap, GC.GetTotalAllocatedBytes(precise: true));
        }

        public static MemorySample Since(MemorySample before)
        {
            using var process = Process.GetCurrentProcess();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var heapAfter = GC.GetTotalMemory(forceFullCollection: false);
            return before with
            {
                PeakWorkingSetGrowth = process.PeakWorkingSet64 - before.WorkingSet,
                GcHeapAfter = heapAfter,
                GcHeapSizeAfter = GC.GetGCMemoryInfo().HeapSizeBytes,
                AllocatedDuring = allocated - before.Allocated,
            };
        }

        private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

        public override string ToString() =>
            $"working set before {Mb(WorkingSet)}, peak during {Mb(WorkingSet + PeakWorkingSetGrowth)} (+{Mb(PeakWorkingSetGrowth)}); " +
            $"GC heap before {Mb(GcHeap)}, after {Mb(GcHeapAfter)} (last GC heap size {Mb(GcHeapSizeAfter)}); allocated {Mb(AllocatedDuring)}";
    }

    /// <summary>
    /// A throw-away two-level PKI: a root CA (RSA 2048) issuing the leader's and the agency seal's certificates, each
    /// exported as PKCS#12 and loaded back through <see cref="Pkcs12RawSigner.Load"/> as the key vault does.
    /// </summary>
    private sealed class BenchPki : IDisposable
    {
        public const string PersonName = "Nguyễn Văn An";
        public const string AgencyName = "UBND tỉnh Mẫu";

        private readonly X509Certificate2 root;
        private readonly X509Certificate2 rootPublic;

        public BenchPki(bool ellipticCurve)
        {
            var now = DateTimeOffset.UtcNow;
            using var rootKey = RSA.Create(2048);
            var request = new CertificateRequest(Name("eOffice Bench Root CA", "eOffice bench"), rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            root = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
            rootPublic = X509CertificateLoader.LoadCertificate(root.RawData);
            LeaderPkcs12 = Issue(PersonName, ellipticCurve);
            SealPkcs12 = Issue(AgencyName, ellipticCurve);
            LeaderSigner = Pkcs12RawSigner.Load(LeaderPkcs12, Password);
            SealSignerOnce = SealSigner();
        }

        public byte[] LeaderPkcs12 { get; }

        public byte[] SealPkcs12 { get; }

        public Pkcs12RawSigner LeaderSigner { get; }

        /// <summary>One seal signer kept for the single-file rows.</summary>
        public Pkcs12RawSigner SealSignerOnce { get; }

        /// <summary>A new signer for the agency seal, loaded from its PKCS#12 file (the caller disposes it).</summary>
        public Pkcs12RawSigner SealSigner() => Pkcs12RawSigner.Load(SealPkcs12, Password);

        public TrustPolicy Policy() => new([rootPublic], DateTimeOffset.UtcNow);

        public void Dispose()
        {
            LeaderSigner.Dispose();
            SealSignerOnce.Dispose();
            root.Dispose();
            rootPublic.Dispose();
        }

        private byte[] Issue(string commonName, bool ellipticCurve)
        {
            var now = DateTimeOffset.UtcNow;
            using var rsa = ellipticCurve ? null : RSA.Create(2048);
            using var ec = ellipticCurve ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
            var request = ec is not null
                ? new CertificateRequest(Name(commonName, AgencyName), ec, HashAlgorithmName.SHA256)
                : new CertificateRequest(Name(commonName, AgencyName), rsa!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] = (byte)((serial[0] & 0x7F) | 0x01);

            // Through a signature generator: Create(issuer, …) refuses an EC subject under an RSA CA.
            using var caKey = root.GetRSAPrivateKey()!;
            using var certificate = request.Create(root.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
                now.AddDays(-1), now.AddYears(1), serial);
            using var withKey = ec is not null ? certificate.CopyWithPrivateKey(ec) : certificate.CopyWithPrivateKey(rsa!);
            return withKey.Export(X509ContentType.Pkcs12, Password);
        }

        private static X500DistinguishedName Name(string commonName, string organization)
        {
            var builder = new X500DistinguishedNameBuilder();
            builder.AddCountryOrRegion("VN");
            builder.AddOrganizationName(organization);
            builder.AddCommonName(commonName);
            return builder.Build();
        }
    }
}
