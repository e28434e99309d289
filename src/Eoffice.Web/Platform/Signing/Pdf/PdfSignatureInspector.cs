using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>What the revisions after a signature did, from harmless to suspicious.</summary>
public enum PdfLaterChanges
{
    /// <summary>Nothing was added after the signed revision.</summary>
    None,

    /// <summary>Only new signature fields, their widgets and appearances, AcroForm/Annots updates for them, or a DSS.</summary>
    SignaturesOnly,

    /// <summary>Annotations were added (the number and date stamp written at issuance, comments).</summary>
    AnnotationsOrStamps,

    /// <summary>Page content, resources, pages or anything else changed or was added.</summary>
    ContentChanged,
}

/// <summary>One signature found in a PDF, with the structural facts a verifier needs besides the CMS check.</summary>
/// <param name="FieldName">The fully qualified field name (/T of the field and its parents).</param>
/// <param name="ByteRange">/ByteRange as written: start and length pairs.</param>
/// <param name="Cms">The DER CMS from /Contents, the zero padding trimmed.</param>
/// <param name="SigningTime">/M, the time the signer claims.</param>
/// <param name="Reason">/Reason.</param>
/// <param name="Location">/Location.</param>
/// <param name="Name">/Name.</param>
/// <param name="SubFilter">/SubFilter (ETSI.CAdES.detached, adbe.pkcs7.detached, …).</param>
/// <param name="ByteRangeWellFormed">Starts at 0, the gap is exactly the &lt;…&gt; of /Contents, no overlap, inside the file.</param>
/// <param name="RevisionIndex">The revision (0 = the original) whose end is the byte range's end; null when it ends elsewhere.</param>
/// <param name="CoversWholeFile">The byte range ends where the file ends: nothing was added after this signature.</param>
/// <param name="LaterChanges">What the revisions after the signed one did.</param>
public sealed record PdfSignatureInfo(
    string FieldName,
    long[] ByteRange,
    byte[] Cms,
    DateTimeOffset? SigningTime,
    string? Reason,
    string? Location,
    string? Name,
    string? SubFilter,
    bool ByteRangeWellFormed,
    int? RevisionIndex,
    bool CoversWholeFile,
    PdfLaterChanges LaterChanges);

/// <summary>
/// Finds every signature in a PDF and says how each one relates to the file: which bytes it covers, which revision it
/// ends, and what the later revisions did (so that "valid, but a page was changed afterwards" is caught). Signature
/// fields are collected from the AcroForm as every revision saw it, so a field removed later is still reported.
/// The CMS itself is checked elsewhere (CmsSignatureVerifier) over <see cref="ComputeDigest"/>. Reads by seeking.
/// </summary>
public sealed class PdfSignatureInspector
{
    private const int BufferSize = 81920;

    public Task<IReadOnlyList<PdfSignatureInfo>> InspectAsync(Stream pdf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var reader = new PdfFileReader(pdf);
        var revisionEnds = RevisionEnds(pdf, ct);
        var found = new Dictionary<string, PdfSignatureInfo>(StringComparer.Ordinal);
        for (var section = 0; section < reader.Sections.Count; section++)
        {
            ct.ThrowIfCancellationRequested();
            var view = reader.View(section);
            foreach (var (name, signature) in SignatureFields(view))
            {
                if (view.Resolve(signature["ByteRange"]) is not PdfArray rangeArray)
                {
                    continue;
                }

                var byteRange = rangeArray.Items.Select(i => view.Resolve(i) is PdfNumber n ? n.LongValue : -1).ToArray();
                var key = string.Join(' ', byteRange);
                if (!found.ContainsKey(key))
                {
                    found[key] = Describe(reader, pdf, view, name, signature, byteRange, revisionEnds);
                }
            }
        }

        IReadOnlyList<PdfSignatureInfo> result = [.. found.Values.OrderBy(s => s.ByteRange.Length == 4 ? s.ByteRange[2] + s.ByteRange[3] : 0)];
        return Task.FromResult(result);
    }

    /// <summary>SHA-256 of the byte ranges ([start length]…), read with a buffer: what a PDF signature's message-digest must match.</summary>
    public static byte[] ComputeDigest(Stream pdf, IReadOnlyList<long> byteRange)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(byteRange);
        if (byteRange.Count % 2 != 0)
        {
            throw new ArgumentException("A byte range is pairs of start and length.", nameof(byteRange));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        for (var i = 0; i < byteRange.Count; i += 2)
        {
            var (start, length) = (byteRange[i], byteRange[i + 1]);
            if (start < 0 || length < 0 || start + length > pdf.Length)
            {
                throw new ArgumentException("The byte range lies outside the file.", nameof(byteRange));
            }

            pdf.Seek(start, SeekOrigin.Begin);
            while (length > 0)
            {
                var read = pdf.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
                if (read == 0)
                {
                    throw new EndOfStreamException("The file ended inside a byte range.");
                }

                hash.AppendData(buffer, 0, read);
                length -= read;
            }
        }

        return hash.GetHashAndReset();
    }

    private static PdfSignatureInfo Describe(PdfFileReader reader, Stream pdf, PdfView view, string name, PdfDictionary signature,
        long[] byteRange, IReadOnlyList<(long EofEnd, long LineEnd)> revisionEnds)
    {
        var contents = signature["Contents"] as PdfString;
        var wellFormed = byteRange.Length == 4 && contents is { Offset: >= 0 }
            && byteRange[0] == 0 && byteRange[1] == contents.Offset && byteRange[2] == contents.EndOffset
            && byteRange[1] > 0 && byteRange[2] > byteRange[1] && byteRange[3] >= 0 && byteRange[2] + byteRange[3] <= reader.Length
            && Byte(pdf, byteRange[1]) == '<' && Byte(pdf, byteRange[2] - 1) == '>';
        var end = byteRange.Length == 4 ? byteRange[2] + byteRange[3] : -1;
        int? revision = null;
        for (var i = 0; i < revisionEnds.Count; i++)
        {
            if (end == revisionEnds[i].EofEnd || end == revisionEnds[i].LineEnd)
            {
                revision = i;
                break;
            }
        }

        return new PdfSignatureInfo(
            name,
            byteRange,
            TrimDer(contents?.Bytes ?? []),
            ParseDate(Text(view, signature["M"])),
            Text(view, signature["Reason"]),
            Text(view, signature["Location"]),
            Text(view, signature["Name"]),
            signature.NameOf("SubFilter"),
            wellFormed,
            revision,
            end == reader.Length,
            end < 0 ? PdfLaterChanges.ContentChanged : new RevisionComparer(reader, end).Classify());
    }

    private static IEnumerable<(string Name, PdfDictionary Signature)> SignatureFields(PdfView view)
    {
        var (form, _) = view.AcroForm();
        var visited = new HashSet<int>();
        var results = new List<(string, PdfDictionary)>();
        foreach (var field in (view.Resolve(form?["Fields"]) as PdfArray)?.Items ?? [])
        {
            Walk(field, null, null);
        }

        return results;

        void Walk(PdfObject? node, string? parentName, string? inheritedType)
        {
            if (node is PdfReference r && !visited.Add(r.Number))
            {
                return;
            }

            if (view.ResolveDictionary(node) is not { } field)
            {
                return;
            }

            var partial = view.Resolve(field["T"]) is PdfString t ? t.DecodeText() : null;
            var name = partial is null ? parentName : parentName is null ? partial : $"{parentName}.{partial}";
            var type = field.NameOf("FT") ?? inheritedType;
            if (type == "Sig" && view.ResolveDictionary(field["V"]) is { } signature)
            {
                results.Add((name ?? "", signature));
            }

            foreach (var kid in (view.Resolve(field["Kids"]) as PdfArray)?.Items ?? [])
            {
                Walk(kid, name, type);
            }
        }
    }

    /// <summary>The end of every revision: right after each %%EOF that starts a line, and after its end of line.</summary>
    private static List<(long EofEnd, long LineEnd)> RevisionEnds(Stream pdf, CancellationToken ct)
    {
        var ends = new List<(long, long)>();
        var marker = "%%EOF"u8;
        var buffer = new byte[BufferSize + 8];
        long position = 0;
        var carry = 0;
        var before = (byte)'\n';
        pdf.Seek(0, SeekOrigin.Begin);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var read = pdf.Read(buffer, carry, BufferSize);
            var available = carry + read;
            var limit = read == 0 ? available : available - 7;
            var i = 0;
            for (; i < limit; i++)
            {
                // Skip to the next '%' with a vectorised search: most of a large scan has none.
                var next = buffer.AsSpan(i, limit - i).IndexOf((byte)'%');
                if (next < 0)
                {
                    i = limit;
                    break;
                }

                i += next;
                if (i + 5 <= available && buffer.AsSpan(i, 5).SequenceEqual(marker)
                    && (i > 0 ? buffer[i - 1] : before) is (byte)'\n' or (byte)'\r')
                {
                    var eofEnd = position + i + 5;
                    var lineEnd = eofEnd;
                    if (i + 5 < available && buffer[i + 5] == '\r')
                    {
                        lineEnd++;
                        if (i + 6 < available && buffer[i + 6] == '\n')
                        {
                            lineEnd++;
                        }
                    }
                    else if (i + 5 < available && buffer[i + 5] == '\n')
                    {
                        lineEnd++;
                    }

                    ends.Add((eofEnd, lineEnd));
                }
            }

            if (read == 0)
            {
                return ends;
            }

            // Keep the last bytes so that a marker split across two reads is still seen.
            if (i > 0)
            {
                before = buffer[i - 1];
            }

            carry = available - i;
            Buffer.BlockCopy(buffer, i, buffer, 0, carry);
            position += i;
        }
    }

    private static int Byte(Stream pdf, long offset)
    {
        if (offset < 0 || offset >= pdf.Length)
        {
            return -1;
        }

        pdf.Seek(offset, SeekOrigin.Begin);
        return pdf.ReadByte();
    }

    private static byte[] TrimDer(byte[] contents)
    {
        if (contents.Length == 0)
        {
            return contents;
        }

        try
        {
            return new AsnReader(contents, AsnEncodingRules.BER).PeekEncodedValue().ToArray();
        }
        catch (AsnContentException)
        {
            return contents;
        }
    }

    private static string? Text(PdfView view, PdfObject? value) => view.Resolve(value) is PdfString s ? s.DecodeText() : null;

    /// <summary>Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional).</summary>
    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        int Part(int at, int length, int fallback) =>
            s.Length >= at + length && int.TryParse(s.AsSpan(at, length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;

        if (s.Length < 4)
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (s.Length > 14 && s[14] is '+' or '-')
        {
            offset = new TimeSpan(Part(15, 2, 0), Part(18, 2, 0), 0);
            if (s[14] == '-')
            {
                offset = -offset;
            }
        }

        try
        {
            return new DateTimeOffset(Part(0, 4, 1), Part(4, 2, 1), Part(6, 2, 1), Part(8, 2, 0), Part(10, 2, 0), Part(12, 2, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Compares the document as signed (the newest section that starts before the signature's end) with what the
    /// later sections wrote. Rewritten objects are allowed only where a signature or annotation needs them (the
    /// catalog's /AcroForm and /DSS, the AcroForm's fields and flags, a page's /Annots, an /Annots or /Fields array);
    /// new objects must be signatures, annotations, or reachable only from them (their appearances, fonts, images).
    /// </summary>
    private sealed class RevisionComparer
    {
        private static readonly HashSet<string> CatalogKeys = ["AcroForm", "DSS", "Extensions"];
        private static readonly HashSet<string> FormKeys = ["Fields", "SigFlags", "DR", "DA", "NeedAppearances"];
        private static readonly HashSet<string> PageKeys = ["Annots"];
        private readonly PdfView before;
        private readonly PdfView after;
        private readonly HashSet<int> changed = [];
        private readonly HashSet<int> added = [];
        private readonly HashSet<int> reachable = [];
        private PdfLaterChanges result = PdfLaterChanges.None;

        public RevisionComparer(PdfFileReader reader, long signedEnd)
        {
            var signedSection = reader.Sections.FindIndex(s => s.Offset < signedEnd);
            after = reader.Latest;
            before = reader.View(Math.Max(0, signedSection));
            for (var i = 0; i < signedSection; i++)
            {
                foreach (var (number, entry) in reader.Sections[i].Entries)
                {
                    if (entry.Kind != XrefEntryKind.Free && number != 0)
                    {
                        changed.Add(number);
                    }
                }
            }
        }

        public PdfLaterChanges Classify()
        {
            if (changed.Count == 0)
            {
                return PdfLaterChanges.None;
            }

            var roots = new List<PdfObject>();
            var catalogNumber = before.RootReference.Number;
            var formNumber = (before.Catalog["AcroForm"] as PdfReference)?.Number;
            var pages = before.Pages();
            var pageNumbers = pages.Select(p => p.Reference.Number).ToHashSet();
            var annotArrays = pages.Select(p => p.Dictionary["Annots"]).OfType<PdfReference>().Select(r => r.Number).ToHashSet();
            var fieldArray = (before.AcroForm().Form?["Fields"] as PdfReference)?.Number;
            if (after.RootReference.Number != catalogNumber)
            {
                Raise(PdfLaterChanges.ContentChanged);
            }

            foreach (var number in changed)
            {
                var old = before.GetObject(number);
                var now = after.GetObject(number);
                if (now is null)
                {
                    continue;
                }

                if (old is null)
                {
                    if (now is not PdfStream { Dictionary: var d } || d.NameOf("Type") is not ("XRef" or "ObjStm"))
                    {
                        added.Add(number);
                    }

                    continue;
                }

                if (Same(old, now))
                {
                    continue;
                }

                if (number == catalogNumber)
                {
                    CompareExcept(old, now, CatalogKeys, roots);
                    if (after.Catalog["DSS"] is { } dss && !Same(before.Catalog["DSS"], dss))
                    {
                        Raise(PdfLaterChanges.SignaturesOnly);
                    }
                }
                else if (number == formNumber)
                {
                    CompareExcept(old, now, FormKeys, roots);
                }
                else if (pageNumbers.Contains(number))
                {
                    CompareExcept(old, now, PageKeys, roots);
                }
                else if ((annotArrays.Contains(number) || number == fieldArray) && old is PdfArray && now is PdfArray array)
                {
                    roots.AddRange(array.Items);
                }
                else
                {
                    Raise(PdfLaterChanges.ContentChanged);
                }
            }

            ClassifyAnnotations(pages);
            ClassifyFields();
            foreach (var root in roots)
            {
                Reach(root);
            }

            if (added.Any(n => !reachable.Contains(n)))
            {
                Raise(PdfLaterChanges.ContentChanged);
            }

            return result;
        }

        private void ClassifyAnnotations(IReadOnlyList<PdfPageInfo> pagesBefore)
        {
            var pagesAfter = after.Pages();
            if (pagesAfter.Count != pagesBefore.Count || pagesAfter.Zip(pagesBefore).Any(p => p.First.Reference.Number != p.Second.Reference.Number))
            {
                Raise(PdfLaterChanges.ContentChanged);
                return;
            }

            for (var i = 0; i < pagesAfter.Count; i++)
            {
                var old = Annotations(before, pagesBefore[i]);
                var now = Annotations(after, pagesAfter[i]);
                if (old.Keys.Any(k => !now.ContainsKey(k)))
                {
                    Raise(PdfLaterChanges.ContentChanged);
                }

                foreach (var (key, annotation) in now)
                {
                    if (old.ContainsKey(key))
                    {
                        continue;
                    }

                    var subtype = annotation.Dictionary.NameOf("Subtype");
                    if (subtype == "Widget")
                    {
                        Raise(IsSignatureField(annotation.Dictionary) ? PdfLaterChanges.SignaturesOnly : PdfLaterChanges.ContentChanged);
                    }
                    else
                    {
                        Raise(PdfLaterChanges.AnnotationsOrStamps);
                    }

                    Reach(annotation.Value);
                }
            }
        }

        private void ClassifyFields()
        {
            var old = FieldKeys(before);
            foreach (var (key, field) in Fields(after))
            {
                if (!old.Contains(key))
                {
                    Raise(IsSignatureField(field.Dictionary) ? PdfLaterChanges.SignaturesOnly : PdfLaterChanges.ContentChanged);
                    Reach(field.Value);
                }
            }
        }

        private bool IsSignatureField(PdfDictionary field)
        {
            for (var (node, depth) = (field, 0); node is not null && depth < 32; node = after.ResolveDictionary(node["Parent"]), depth++)
            {
                if (node.NameOf("FT") is { } type)
                {
                    return type == "Sig";
                }
            }

            return false;
        }

        private static Dictionary<string, (PdfObject Value, PdfDictionary Dictionary)> Annotations(PdfView view, PdfPageInfo page)
        {
            var result = new Dictionary<string, (PdfObject, PdfDictionary)>(StringComparer.Ordinal);
            var dictionary = view.ResolveDictionary(page.Reference) ?? page.Dictionary;
            foreach (var item in (view.Resolve(dictionary["Annots"]) as PdfArray)?.Items ?? [])
            {
                if (view.ResolveDictionary(item) is { } annotation)
                {
                    result.TryAdd(Key(item), (item, annotation));
                }
            }

            return result;
        }

        private static HashSet<string> FieldKeys(PdfView view) => Fields(view).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

        private static List<(string Key, (PdfObject Value, PdfDictionary Dictionary) Field)> Fields(PdfView view)
        {
            var result = new List<(string, (PdfObject, PdfDictionary))>();
            foreach (var item in (view.Resolve(view.AcroForm().Form?["Fields"]) as PdfArray)?.Items ?? [])
            {
                if (view.ResolveDictionary(item) is { } field)
                {
                    result.Add((Key(item), (item, field)));
                }
            }

            return result;
        }

        // Indirect items are the same item when they have the same number; direct ones when they serialise the same.
        private static string Key(PdfObject item) =>
            item is PdfReference r ? $"R{r.Number}" : Encoding.Latin1.GetString(PdfSerializer.ToBytes(item));

        private void CompareExcept(PdfObject old, PdfObject now, HashSet<string> allowed, List<PdfObject> roots)
        {
            if (old is not PdfDictionary o || now is not PdfDictionary n)
            {
                Raise(PdfLaterChanges.ContentChanged);
                return;
            }

            foreach (var key in o.Entries.Keys.Union(n.Entries.Keys))
            {
                if (Same(o[key], n[key]))
                {
                    continue;
                }

                if (!allowed.Contains(key))
                {
                    Raise(PdfLaterChanges.ContentChanged);
                }
                else if (n[key] is { } value)
                {
                    roots.Add(value);
                }
            }
        }

        /// <summary>Marks the new objects reachable from a value; objects that existed before are not followed.</summary>
        private void Reach(PdfObject? value)
        {
            switch (value)
            {
                case PdfReference r:
                    if (added.Contains(r.Number) && reachable.Add(r.Number))
                    {
                        Reach(after.GetObject(r.Number));
                    }

                    break;
                case PdfArray a:
                    foreach (var item in a.Items)
                    {
                        Reach(item);
                    }

                    break;
                case PdfDictionary d:
                    foreach (var item in d.Entries.Values)
                    {
                        Reach(item);
                    }

                    break;
                case PdfStream s:
                    Reach(s.Dictionary);
                    break;
            }
        }

        private bool Same(PdfObject? old, PdfObject? now)
        {
            if (old is null || now is null)
            {
                return old is null && now is null;
            }

            if (old is PdfStream os && now is PdfStream ns)
            {
                var od = os.Dictionary.Copy();
                var nd = ns.Dictionary.Copy();
                od["Length"] = null;
                nd["Length"] = null;
                return Same(od, nd) && before.Reader.ReadRaw(os, before).AsSpan().SequenceEqual(after.Reader.ReadRaw(ns, after));
            }

            if (old is PdfStream || now is PdfStream)
            {
                return false;
            }

            return PdfSerializer.ToBytes(old).AsSpan().SequenceEqual(PdfSerializer.ToBytes(now));
        }

        private void Raise(PdfLaterChanges level)
        {
            if (level > result)
            {
                result = level;
            }
        }
    }
}
