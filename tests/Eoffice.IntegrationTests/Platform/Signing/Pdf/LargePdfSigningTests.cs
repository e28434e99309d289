using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>Runs alone, so that the allocation count it measures is its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}

/// <summary>A 100 MB PDF signs and inspects without being loaded: allocations stay far below the file size.</summary>
[Collection(MemoryMeasuringCollection.Name)]
public sealed class LargePdfSigningTests
{
    private const long StreamSize = 100L * 1024 * 1024;

    [Fact]
    public async Task Signing_a_100_MB_file_keeps_memory_flat()
    {
        var input = PdfSamples.TempFile("large.pdf");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "large-signed.pdf");
        PdfSamples.WriteLarge(input, StreamSize);
        var signer = PdfSamples.Signer("UBND Tỉnh Mẫu");
        try
        {
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            PdfSignOutcome outcome;
            await using (var source = File.OpenRead(input))
            await using (var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite))
            {
                outcome = await new PdfSigner().SignAsync(source, target, new PdfSignatureOptions(), signer, CancellationToken.None);
            }

            IReadOnlyList<PdfSignatureInfo> signatures;
            await using (var check = File.OpenRead(output))
            {
                signatures = await new PdfSignatureInspector().InspectAsync(check, CancellationToken.None);
                Assert.Equal(outcome.DocumentDigest, PdfSignatureInspector.ComputeDigest(check, outcome.ByteRange));
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            Assert.True(allocated < 30L * 1024 * 1024, $"signing and inspecting allocated {allocated / 1024 / 1024} MB for a {StreamSize / 1024 / 1024} MB file");
            var signature = Assert.Single(signatures);
            Assert.True(signature.ByteRangeWellFormed);
            Assert.True(signature.CoversWholeFile);
            Assert.True(new FileInfo(output).Length > StreamSize);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
