using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// Lays an outgoing document out in the format of Decree 30/2020 Phụ lục I (thể thức và kỹ thuật trình bày) as a .docx:
/// a layout template (the built-in one of <see cref="OfficialLayoutTemplates"/>, or an administrator's replacement) filled
/// from <see cref="OfficialLayout"/>, with the paragraphs and tables of the drafter's file in place of
/// <see cref="OfficialLayoutPlaceholders.Body"/>. Every run is set in Times New Roman and every text is NFC; the page is
/// A4 with margins inside Phụ lục I's ranges. Pure: no database, no file store, no clock.
/// </summary>
public sealed partial class OfficialLayoutWriter
{
    public const string NotADocxMessage = "Tệp không phải văn bản Word (.docx) hợp lệ.";

    /// <summary>Why a template cannot be used, for the administrator who uploads it; <c>null</c> when it can.</summary>
    public static string? CheckTemplate(Stream template)
    {
        using var copy = new MemoryStream();
        template.CopyTo(copy);
        copy.Position = 0;
        try
        {
            using var document = WordprocessingDocument.Open(copy, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return NotADocxMessage;
            }

            return body.Descendants<Paragraph>().Any(p => TextOf(p).Contains(OfficialLayoutPlaceholders.Body, StringComparison.Ordinal))
                ? null
                : $"Mẫu phải có một đoạn chứa {OfficialLayoutPlaceholders.Body} (nơi đặt nội dung văn bản).";
        }
        catch (Exception ex) when (IsPackageError(ex))
        {
            return NotADocxMessage;
        }
    }

    /// <summary>
    /// The document as a .docx. <paramref name="body"/>: the drafter's .docx (none: an empty body);
    /// <paramref name="template"/>: a layout template (none: the built-in one for the type). A body or template that
    /// is not a .docx is a <see cref="RuleException"/> (invalid).
    /// </summary>
    public byte[] Write(OfficialLayout layout, Stream? body, Stream? template)
    {
        ArgumentNullException.ThrowIfNull(layout);
        IReadOnlyList<OpenXmlElement> content;
        try
        {
            content = body is null ? [] : DrafterBody.Read(body);
        }
        catch (InvalidDataException)
        {
            throw RuleException.Invalid("Tệp nội dung của dự thảo không phải văn bản Word (.docx) hợp lệ.", "body");
        }

        using var output = new MemoryStream();
        if (template is null)
        {
            output.Write(OfficialLayoutTemplates.BuiltIn(layout.TypeCode));
        }
        else
        {
            template.CopyTo(output);
        }

        output.Position = 0;
        try
        {
            using (var document = WordprocessingDocument.Open(output, true))
            {
                var main = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
                var documentBody = main.Document?.Body ?? throw new InvalidDataException("No document body.");
                Fill(documentBody, layout, content);
                SetPage(documentBody);
                Finish(main.Document);
                foreach (var header in main.HeaderParts)
                {
                    Finish(header.Header);
                }

                foreach (var footer in main.FooterParts)
                {
                    Finish(footer.Footer);
                }

                main.Document.Save();
            }

            return output.ToArray();
        }
        catch (Exception ex) when (IsPackageError(ex))
        {
            throw RuleException.Invalid("Mẫu trình bày không phải văn bản Word (.docx) hợp lệ.", "template");
        }
    }

    /// <summary>The values of the inline placeholders, as printed: upper case where Phụ lục I prints upper case.</summary>
    private static Dictionary<string, string?> InlineValues(OfficialLayout layout)
    {
        var letter = OfficialLayoutTemplates.IsOfficialLetter(layout.TypeCode);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [OfficialLayoutPlaceholders.Superior] = Upper(layout.SuperiorName),
            [OfficialLayoutPlaceholders.Issuer] = Upper(layout.IssuerName),
            [OfficialLayoutPlaceholders.Number] = Clean(layout.NumberLine),
            [OfficialLayoutPlaceholders.PlaceAndDate] = Clean(layout.DateLine),
            [OfficialLayoutPlaceholders.TypeName] = letter ? null : Upper(layout.TypeName),
            [OfficialLayoutPlaceholders.Subject] = Clean(layout.Subject) is { } subject ? (letter ? $"V/v {subject}" : subject) : null,
            [OfficialLayoutPlaceholders.Urgency] = Upper(layout.UrgencyMark),
            [OfficialLayoutPlaceholders.Authority] = Upper(layout.AuthorityLine),
            [OfficialLayoutPlaceholders.Position] = Upper(layout.PositionLine),
            [OfficialLayoutPlaceholders.Signer] = Clean(layout.SignerName),
        };
    }

    /// <summary>The signature's mark, printed as given; the paragraph stays even without one (it keeps the space for the signature).</summary>
    private static Dictionary<string, string?> SignatureValue(OfficialLayout layout) =>
        new(StringComparer.Ordinal) { [OfficialLayoutPlaceholders.Signature] = Clean(layout.SignaturePlaceholder) ?? string.Empty };

    private static void Fill(Body body, OfficialLayout layout, IReadOnlyList<OpenXmlElement> content)
    {
        var values = InlineValues(layout);
        var signature = SignatureValue(layout);
        var recipients = (layout.RecipientLines ?? []).Select(Clean).OfType<string>().Select(l => l.StartsWith('-') ? l : $"- {l}").ToList();
        var addressees = (layout.Addressees ?? []).Select(Clean).OfType<string>().ToList();

        foreach (var paragraph in body.Descendants<Paragraph>().ToList())
        {
            var text = TextOf(paragraph);
            if (!text.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            if (text.Contains(OfficialLayoutPlaceholders.Body, StringComparison.Ordinal))
            {
                ReplaceWithBody(paragraph, content);
                continue;
            }

            if (text.Contains(OfficialLayoutPlaceholders.Recipients, StringComparison.Ordinal))
            {
                Repeat(paragraph, OfficialLayoutPlaceholders.Recipients, recipients, (_, _) => { });
                continue;
            }

            if (text.Contains(OfficialLayoutPlaceholders.Addressees, StringComparison.Ordinal))
            {
                FillAddressees(paragraph, addressees);
                continue;
            }

            var emptied = values.Any(v => string.IsNullOrEmpty(v.Value) && text.Contains(v.Key, StringComparison.Ordinal));
            var holdsSignature = text.Contains(OfficialLayoutPlaceholders.Signature, StringComparison.Ordinal);
            ReplaceAll(paragraph, holdsSignature ? values.Concat(signature).ToDictionary(StringComparer.Ordinal) : values);
            if (!holdsSignature && emptied && string.IsNullOrWhiteSpace(TextOf(paragraph)))
            {
                RemoveParagraph(paragraph);
            }
        }
    }

    /// <summary>
    /// "Kính gửi:" (Phụ lục I II.9.d, ô 9a): one addressee on the same line as the words; several each on a line of its
    /// own from a dash, aligned under the colon, with ";" after each and "." after the last.
    /// </summary>
    private static void FillAddressees(Paragraph paragraph, List<string> addressees)
    {
        if (addressees.Count == 0)
        {
            RemoveParagraph(paragraph);
            return;
        }

        if (addressees.Count == 1)
        {
            Replace(paragraph, OfficialLayoutPlaceholders.Addressees, $"Kính gửi: {addressees[0].TrimStart('-', ' ').TrimEnd(';', '.', ' ')}");
            return;
        }

        const int labelIndent = 2268;
        const int listIndent = labelIndent + 1077;
        var lines = addressees
            .Select((a, i) => $"- {a.TrimStart('-', ' ').TrimEnd(';', '.', ' ')}{(i == addressees.Count - 1 ? "." : ";")}")
            .Prepend("Kính gửi:")
            .ToList();
        Repeat(paragraph, OfficialLayoutPlaceholders.Addressees, lines, (copy, index) =>
        {
            var properties = copy.ParagraphProperties ??= new ParagraphProperties();
            properties.Justification = new Justification { Val = JustificationValues.Left };
            properties.Indentation = new Indentation { Left = (index == 0 ? labelIndent : listIndent).ToString(CultureInfo.InvariantCulture) };
        });
    }

    /// <summary>
    /// One copy of <paramref name="paragraph"/> per line, each with the placeholder replaced by its line; none when there
    /// is no line. The paragraph's space before goes to the first line only, its space after to the last.
    /// </summary>
    private static void Repeat(Paragraph paragraph, string placeholder, IReadOnlyList<string> lines, Action<Paragraph, int> adjust)
    {
        if (lines.Count == 0)
        {
            RemoveParagraph(paragraph);
            return;
        }

        OpenXmlElement after = paragraph;
        for (var i = 0; i < lines.Count; i++)
        {
            var copy = (Paragraph)paragraph.CloneNode(true);
            Replace(copy, placeholder, lines[i]);
            if (copy.ParagraphProperties?.SpacingBetweenLines is { } spacing)
            {
                if (i > 0)
                {
                    spacing.Before = "0";
                }

                if (i < lines.Count - 1)
                {
                    spacing.After = "0";
                }
            }

            adjust(copy, i);
            after.InsertAfterSelf(copy);
            after = copy;
        }

        paragraph.Remove();
    }

    /// <summary>
    /// The drafter's paragraphs and tables in place of the placeholder's paragraph (Phụ lục I II.6.e for the body's own
    /// paragraphs: 13–14 pt, justified, first line indented 1 cm, 6 pt between paragraphs, where the drafter set nothing).
    /// </summary>
    private static void ReplaceWithBody(Paragraph placeholder, IReadOnlyList<OpenXmlElement> content)
    {
        var template = placeholder.ParagraphProperties;
        if (content.Count == 0)
        {
            Replace(placeholder, OfficialLayoutPlaceholders.Body, string.Empty);
            return;
        }

        foreach (var element in content)
        {
            var copy = element.CloneNode(true);
            if (copy is Paragraph paragraph)
            {
                FormatBodyParagraph(paragraph, template);
            }

            placeholder.InsertBeforeSelf(copy);
        }

        var parent = placeholder.Parent;
        placeholder.Remove();
        if (parent is TableCell cell && cell.LastChild is not Paragraph)
        {
            cell.Append(new Paragraph());
        }
    }

    private static void FormatBodyParagraph(Paragraph paragraph, ParagraphProperties? template)
    {
        var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
        properties.Justification ??= template?.Justification?.CloneNode(true) as Justification
            ?? new Justification { Val = JustificationValues.Both };
        properties.Indentation ??= template?.Indentation?.CloneNode(true) as Indentation
            ?? new Indentation { FirstLine = OfficialLayoutTemplates.Page.FirstLineIndent.ToString(CultureInfo.InvariantCulture) };
        properties.SpacingBetweenLines ??= template?.SpacingBetweenLines?.CloneNode(true) as SpacingBetweenLines
            ?? new SpacingBetweenLines { Before = "0", After = "120" };

        var size = OfficialLayoutTemplates.HalfPoints(OfficialLayoutTemplates.Sizes.Body);
        foreach (var run in paragraph.Elements<Run>().Concat(paragraph.Elements<SimpleField>().SelectMany(f => f.Elements<Run>())))
        {
            var runProperties = run.RunProperties ??= new RunProperties();
            // Phụ lục I II.6.e: the body is set in 13 or 14 pt; anything else becomes 14.
            if (runProperties.FontSize?.Val?.Value is not ("26" or "28"))
            {
                runProperties.FontSize = new FontSize { Val = size };
                runProperties.FontSizeComplexScript = new FontSizeComplexScript { Val = size };
            }
        }
    }

    private static void Replace(Paragraph paragraph, string placeholder, string value) =>
        ReplaceAll(paragraph, new Dictionary<string, string?>(StringComparer.Ordinal) { [placeholder] = value });

    /// <summary>
    /// Replaces the placeholders of <paramref name="values"/> in the paragraph's text in one pass (a value that reads like
    /// a placeholder stays as typed), also when an editor split one over several runs: the value takes the place, and
    /// the formatting, of the placeholder's first character.
    /// </summary>
    private static void ReplaceAll(Paragraph paragraph, IReadOnlyDictionary<string, string?> values)
    {
        var texts = paragraph.Descendants<Text>().ToList();
        var joined = string.Concat(texts.Select(t => t.Text));
        var matches = PlaceholderPattern().Matches(joined).Where(m => values.ContainsKey(m.Value)).Reverse().ToList();
        foreach (var match in matches)
        {
            // Matches are replaced from the last: the offsets of earlier ones do not move.
            var (start, end) = (match.Index, match.Index + match.Length);
            var offset = 0;
            var placed = false;
            foreach (var text in texts)
            {
                var length = text.Text.Length;
                var (from, to) = (Math.Max(start - offset, 0), Math.Min(end - offset, length));
                if (from < to)
                {
                    text.Text = text.Text[..from] + (placed ? string.Empty : values[match.Value] ?? string.Empty) + text.Text[to..];
                    text.Space = SpaceProcessingModeValues.Preserve;
                    placed = true;
                }

                offset += length;
                if (offset >= end)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Removes an emptied paragraph; the last paragraph of a table cell stays (a cell must end with one), emptied.</summary>
    private static void RemoveParagraph(Paragraph paragraph)
    {
        if (paragraph.Parent is TableCell cell && cell.Elements<Paragraph>().Count() == 1)
        {
            foreach (var run in paragraph.Elements<Run>().ToList())
            {
                run.Remove();
            }

            return;
        }

        paragraph.Remove();
    }

    /// <summary>A4, and margins brought inside Phụ lục I's ranges (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm).</summary>
    private static void SetPage(Body body)
    {
        var section = body.Elements<SectionProperties>().LastOrDefault();
        if (section is null)
        {
            section = new SectionProperties();
            body.Append(section);
        }

        var size = section.GetFirstChild<PageSize>();
        var landscape = size?.Orient?.Value == PageOrientationValues.Landscape;
        var page = new PageSize
        {
            Width = (uint)(landscape ? OfficialLayoutTemplates.Page.Height : OfficialLayoutTemplates.Page.Width),
            Height = (uint)(landscape ? OfficialLayoutTemplates.Page.Width : OfficialLayoutTemplates.Page.Height),
        };
        if (landscape)
        {
            page.Orient = PageOrientationValues.Landscape;
        }

        var margin = section.GetFirstChild<PageMargin>();
        var fitted = new PageMargin
        {
            Top = Clamp(margin?.Top?.Value, 1134, 1417),
            Bottom = Clamp(margin?.Bottom?.Value, 1134, 1417),
            Left = (uint)Clamp((int?)margin?.Left?.Value, 1701, 1984),
            Right = (uint)Clamp((int?)margin?.Right?.Value, 850, 1134),
            Header = margin?.Header?.Value ?? 567u,
            Footer = margin?.Footer?.Value ?? 567u,
            Gutter = 0,
        };

        if (size is null)
        {
            InsertInSection(section, page);
        }
        else
        {
            section.ReplaceChild(page, size);
        }

        if (margin is null)
        {
            page.InsertAfterSelf(fitted);
        }
        else
        {
            section.ReplaceChild(fitted, margin);
        }
    }

    /// <summary>Puts the page size after the header and footer references, footnote and endnote settings and section type, as the schema orders them.</summary>
    private static void InsertInSection(SectionProperties section, PageSize page)
    {
        var before = section.ChildElements.LastOrDefault(e => e is HeaderReference or FooterReference or FootnoteProperties or EndnoteProperties or SectionType);
        if (before is null)
        {
            section.PrependChild(page);
        }
        else
        {
            before.InsertAfterSelf(page);
        }
    }

    private static int Clamp(int? value, int min, int max) => Math.Clamp(value ?? min, min, max);

    /// <summary>Times New Roman on every run (Phụ lục I I.4) and every text in NFC.</summary>
    private static void Finish(OpenXmlPartRootElement? root)
    {
        if (root is null)
        {
            return;
        }

        foreach (var run in root.Descendants<Run>())
        {
            var properties = run.RunProperties ??= new RunProperties();
            properties.RunFonts = new RunFonts
            {
                Ascii = OfficialLayoutTemplates.Font,
                HighAnsi = OfficialLayoutTemplates.Font,
                ComplexScript = OfficialLayoutTemplates.Font,
                EastAsia = OfficialLayoutTemplates.Font,
            };
        }

        foreach (var text in root.Descendants<Text>())
        {
            if (!text.Text.IsNormalized(NormalizationForm.FormC))
            {
                text.Text = VietnameseText.Normalize(text.Text);
            }
        }
    }

    /// <summary>A paragraph's text as its runs read, across run boundaries.</summary>
    internal static string TextOf(Paragraph paragraph) => string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Runs of spaces stay: "Số:      /QĐ-SGTVT" leaves room for the number to be written in.
        return LineBreaks().Replace(VietnameseText.Normalize(text.Trim()), " ");
    }

    private static string? Upper(string? text) => Clean(text)?.ToUpper(VietnameseText.Culture);

    private static bool IsPackageError(Exception ex) =>
        ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException
            or System.Xml.XmlException or InvalidOperationException;

    [GeneratedRegex(@"[\r\n\t\f\v]+")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\{\{[a-z_]+\}\}")]
    private static partial Regex PlaceholderPattern();
}
