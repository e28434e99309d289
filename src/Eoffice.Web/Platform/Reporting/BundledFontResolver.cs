using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// Serves the serif fonts bundled in the application (Noto Serif, SIL OFL 1.1: Resources/Fonts/OFL.txt) for every family
/// PDFsharp asks for; nothing is read from system font folders at run time. Noto Serif covers Vietnamese.
/// </summary>
internal sealed class BundledFontResolver : IFontResolver
{
    public const string Family = "Noto Serif";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Bold italic is drawn from the bold face with a simulated slant; the application never uses it.
        if (bold)
        {
            return italic ? new FontResolverInfo("NotoSerif-Bold", false, true) : new FontResolverInfo("NotoSerif-Bold");
        }

        return new FontResolverInfo(italic ? "NotoSerif-Italic" : "NotoSerif-Regular");
    }

    public byte[]? GetFont(string faceName) => Cache.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(BundledFontResolver).Assembly.GetManifestResourceStream($"Eoffice.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The bundled font {faceName} is missing from the application.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
