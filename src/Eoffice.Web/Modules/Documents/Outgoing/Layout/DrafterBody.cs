using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// The content of the drafter's .docx as it goes into the layout (ô 6): its paragraphs and tables with their text and
/// run formatting, nothing that points into the drafter's package. Styles and numbering are not carried over (the
/// layout's own styles apply, and list numbers the drafter typed stay as text); images, embedded objects, footnotes,
/// comments and hyperlink targets are dropped, since their parts stay behind; tracked changes are taken as accepted.
/// Markup from later Office versions (w14…) is removed so that the result stays valid Office Open XML.
/// </summary>
internal static class DrafterBody
{
    private const string Wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The body's paragraphs and tables, detached and cleaned; throws <see cref="InvalidDataException"/> when it is not a .docx.</summary>
    public static IReadOnlyList<OpenXmlElement> Read(Stream docx)
    {
        using var copy = new MemoryStream();
        docx.CopyTo(copy);
        copy.Position = 0;
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(copy, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new InvalidDataException("The body is not a .docx document.", ex);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The .docx has no document body.");
            var elements = new List<OpenXmlElement>();
            foreach (var child in body.ChildElements)
            {
                foreach (var block in Blocks(child))
                {
                    var clone = (OpenXmlElement)block.CloneNode(true);
                    Clean(clone);
                    if (clone is Paragraph or Table)
                    {
                        elements.Add(clone);
                    }
                }
            }

            return elements;
        }
    }

    /// <summary>Paragraphs and tables at the body's level, content controls and custom XML opened up.</summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement element) => element switch
    {
        Paragraph or Table => [element],
        SdtBlock sdt => sdt.SdtContentBlock?.ChildElements.SelectMany(Blocks) ?? [],
        CustomXmlBlock custom => custom.ChildElements.SelectMany(Blocks),
        _ => [],
    };

    private static void Clean(OpenXmlElement root)
    {
        // A table drawn by its style (Word's "Table Grid") keeps its grid once the style is gone.
        foreach (var table in root.Descendants<Table>().Prepend(root as Table).OfType<Table>())
        {
            if (table.GetFirstChild<TableProperties>() is { TableStyle: not null, TableBorders: null } properties)
            {
                properties.TableBorders = new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
            }
        }

        // Content that lives in other parts of the drafter's package, or that is not (or no longer) text of the document.
        Remove(root, e => e is Drawing or Picture or EmbeddedObject or AlternateContent or FootnoteReference or EndnoteReference
            or CommentRangeStart or CommentRangeEnd or CommentReference or AltChunk or SubDocumentReference or Control
            or DeletedRun or MoveFromRun or MoveFromRangeStart or MoveFromRangeEnd or MoveToRangeStart or MoveToRangeEnd
            or Inserted or Deleted or MoveFrom or MoveTo or CellInsertion or CellDeletion or CellMerge
            or BookmarkStart or BookmarkEnd or SectionProperties
            or ParagraphStyleId or RunStyle or TableStyle or NumberingProperties
            || (e.NamespaceUri == Wordprocessing && (e.LocalName.EndsWith("Change", StringComparison.Ordinal) || e.LocalName == "smartTagPr")));

        // Wrappers whose content is text of the document: keep the content.
        Unwrap(root, e => e is Hyperlink or InsertedRun or MoveToRun or SdtRun or SdtCell or SdtRow or CustomXmlRun
            or CustomXmlCell or CustomXmlRow or SdtBlock or CustomXmlBlock
            || (e.NamespaceUri == Wordprocessing && e.LocalName == "smartTag"));

        Remove(root, e => e.NamespaceUri != Wordprocessing);
        foreach (var element in root.Descendants().Prepend(root))
        {
            foreach (var attribute in element.GetAttributes().Where(a => a.NamespaceUri is not (Wordprocessing or Xml or "")).ToList())
            {
                element.RemoveAttribute(attribute.LocalName, attribute.NamespaceUri);
            }

            if (element is RunFonts fonts)
            {
                fonts.AsciiTheme = null;
                fonts.HighAnsiTheme = null;
                fonts.ComplexScriptTheme = null;
                fonts.EastAsiaTheme = null;
            }
        }

        // A cell must end with a paragraph; an emptied one gets its paragraph back.
        foreach (var cell in root.Descendants<TableCell>().Where(c => c.LastChild is not Paragraph))
        {
            cell.Append(new Paragraph());
        }
    }

    private static void Remove(OpenXmlElement root, Func<OpenXmlElement, bool> match)
    {
        foreach (var element in root.Descendants().Where(match).ToList())
        {
            element.Remove();
        }
    }

    private static void Unwrap(OpenXmlElement root, Func<OpenXmlElement, bool> match)
    {
        while (root.Descendants().FirstOrDefault(match) is { } wrapper)
        {
            var content = wrapper is SdtElement sdt
                ? sdt.ChildElements.Where(c => c is SdtContentRun or SdtContentBlock or SdtContentCell or SdtContentRow).SelectMany(c => c.ChildElements)
                : wrapper.ChildElements.Where(c => c is not CustomXmlProperties);
            foreach (var child in content.ToList())
            {
                child.Remove();
                wrapper.InsertBeforeSelf(child);
            }

            wrapper.Remove();
        }
    }
}
