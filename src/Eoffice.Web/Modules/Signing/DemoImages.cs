using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Eoffice.Web.Platform.Reporting;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The pictures of the demo certificates, drawn in code: a leader's blue handwriting (their name in the bundled italic
/// face, with a flourish) and the agency's red round seal (two rings, the agency's name around, a star in the middle),
/// as PNGs with a transparent background. Shapes are filled polygons with anti-aliased edges; glyph outlines come from
/// the bundled Noto Serif through PdfPig's TrueType reader.
/// </summary>
internal static class DemoImages
{
    private static readonly (byte R, byte G, byte B) Blue = (0x1A, 0x3C, 0xA8);
    private static readonly (byte R, byte G, byte B) Red = (0xD2, 0x14, 0x1E);

    public static byte[] Handwriting(string fullName)
    {
        const int width = 420, height = 170;
        var canvas = new Canvas(width, height);
        var font = Font("NotoSerif-Italic");
        // A Vietnamese signature is often the given name written out: the last word of the full name.
        var givenName = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var size = 78.0;
        var textWidth = font.Advance(givenName, size);
        var x = (width - textWidth) / 2;
        // Slanted a little more than the italic face, as a hand writes.
        canvas.Fill(font.Outline(givenName, size, (gx, gy) => (x + gx + 0.18 * gy, 105 - gy)));

        // The flourish under the name: a thick stroke along a wave that thins at both ends.
        var stroke = new List<(double, double)>();
        var back = new List<(double, double)>();
        const int steps = 120;
        for (var i = 0; i <= steps; i++)
        {
            var t = i / (double)steps;
            var px = 30 + t * (width - 60);
            var py = 128 + 14 * Math.Sin(t * Math.PI * 1.6 + 0.4) - 10 * t;
            var half = 0.4 + 3.2 * Math.Sin(t * Math.PI);
            stroke.Add((px, py - half));
            back.Add((px, py + half));
        }

        back.Reverse();
        canvas.Fill([[.. stroke, .. back]]);
        return canvas.ToPng(Blue);
    }

    public static byte[] Seal(string agencyName)
    {
        const int side = 440;
        const double centre = side / 2.0;
        var canvas = new Canvas(side, side);
        canvas.Fill([Circle(centre, centre, 212, clockwise: false), Circle(centre, centre, 200, clockwise: true)]);
        canvas.Fill([Circle(centre, centre, 138, clockwise: false), Circle(centre, centre, 132, clockwise: true)]);
        canvas.Fill([Star(centre, centre, 62, 25)]);

        // The name around the ring, reading clockwise from the left, each glyph upright towards the centre.
        var font = Font("NotoSerif-Bold");
        var text = agencyName.ToUpperInvariant().Normalize(NormalizationForm.FormC) + " • ";
        const double size = 33, radius = 150;
        var total = font.Advance(text, size);
        var arc = total / radius;
        var start = -Math.PI / 2 - Math.Min(arc, 2 * Math.PI) / 2;
        var scale = Math.Min(1, 2 * Math.PI * radius / total);
        var advance = 0.0;
        foreach (var glyph in text.EnumerateRunes().Select(r => r.ToString()))
        {
            var glyphWidth = font.Advance(glyph, size) * scale;
            var angle = start + (advance + glyphWidth / 2) / radius;
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            var offset = -glyphWidth / 2;
            canvas.Fill(font.Outline(glyph, size * scale, (gx, gy) =>
            {
                // Glyph space: x along the ring, y outwards from the baseline on the ring's radius.
                var lx = offset + gx;
                var ly = radius + gy;
                return (centre + ly * cos - lx * sin, centre + ly * sin + lx * cos);
            }));
            advance += glyphWidth;
        }

        return canvas.ToPng(Red);
    }

    private static List<(double X, double Y)> Circle(double cx, double cy, double r, bool clockwise)
    {
        var points = new List<(double, double)>();
        for (var i = 0; i < 360; i++)
        {
            var a = (clockwise ? -i : i) * Math.PI / 180;
            points.Add((cx + r * Math.Cos(a), cy + r * Math.Sin(a)));
        }

        return points;
    }

    private static List<(double X, double Y)> Star(double cx, double cy, double outer, double inner) =>
        [.. Enumerable.Range(0, 10).Select(i =>
        {
            var r = i % 2 == 0 ? outer : inner;
            var a = -Math.PI / 2 + i * Math.PI / 5;
            return (cx + r * Math.Cos(a), cy + r * Math.Sin(a));
        })];

    private static GlyphFont Font(string face) =>
        new(TrueTypeFontParser.Parse(new TrueTypeDataBytes(new BundledFontResolver().GetFont(face)!)));

    private sealed class GlyphFont(TrueTypeFont font)
    {
        private readonly double unitsPerEm = font.GetUnitsPerEm();

        public double Advance(string text, double size) =>
            text.EnumerateRunes().Sum(r => font.TryGetAdvanceWidth(r.Value, out var w) ? w : unitsPerEm / 2) * size / unitsPerEm;

        /// <summary>The outlines of <paramref name="text"/> at <paramref name="size"/> pixels, placed by <paramref name="place"/> (glyph space, y up).</summary>
        public List<List<(double X, double Y)>> Outline(string text, double size, Func<double, double, (double, double)> place)
        {
            var polygons = new List<List<(double, double)>>();
            var pen = 0.0;
            var scale = size / unitsPerEm;
            foreach (var rune in text.EnumerateRunes())
            {
                if (font.TryGetPath(rune.Value, out var path))
                {
                    foreach (var subpath in path)
                    {
                        var polygon = new List<(double, double)>();
                        foreach (var command in subpath.Commands)
                        {
                            Flatten(command, polygon, (x, y) => place(pen + x * scale, y * scale));
                        }

                        if (polygon.Count > 2)
                        {
                            polygons.Add(polygon);
                        }
                    }
                }

                pen += (font.TryGetAdvanceWidth(rune.Value, out var w) ? w : unitsPerEm / 2) * scale;
            }

            return polygons;
        }

        private static void Flatten(PdfSubpath.IPathCommand command, List<(double, double)> polygon, Func<double, double, (double, double)> place)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    polygon.Add(place(move.Location.X, move.Location.Y));
                    break;
                case PdfSubpath.Line line:
                    polygon.Add(place(line.To.X, line.To.Y));
                    break;
                case PdfSubpath.QuadraticBezierCurve quadratic:
                    for (var i = 1; i <= 8; i++)
                    {
                        var t = i / 8.0;
                        var u = 1 - t;
                        polygon.Add(place(
                            u * u * quadratic.StartPoint.X + 2 * u * t * quadratic.ControlPoint.X + t * t * quadratic.EndPoint.X,
                            u * u * quadratic.StartPoint.Y + 2 * u * t * quadratic.ControlPoint.Y + t * t * quadratic.EndPoint.Y));
                    }

                    break;
                case PdfSubpath.CubicBezierCurve cubic:
                    for (var i = 1; i <= 8; i++)
                    {
                        var t = i / 8.0;
                        var u = 1 - t;
                        polygon.Add(place(
                            u * u * u * cubic.StartPoint.X + 3 * u * u * t * cubic.FirstControlPoint.X + 3 * u * t * t * cubic.SecondControlPoint.X + t * t * t * cubic.EndPoint.X,
                            u * u * u * cubic.StartPoint.Y + 3 * u * u * t * cubic.FirstControlPoint.Y + 3 * u * t * t * cubic.SecondControlPoint.Y + t * t * t * cubic.EndPoint.Y));
                    }

                    break;
            }
        }
    }

    /// <summary>A coverage mask filled by polygons with the non-zero winding rule, four sub-scanlines a pixel.</summary>
    private sealed class Canvas(int width, int height)
    {
        private const int SubLines = 4;
        private readonly float[] coverage = new float[width * height];

        public void Fill(IReadOnlyList<List<(double X, double Y)>> polygons)
        {
            var edges = new List<(double X0, double Y0, double X1, double Y1, int Winding)>();
            foreach (var polygon in polygons)
            {
                for (var i = 0; i < polygon.Count; i++)
                {
                    var (a, b) = (polygon[i], polygon[(i + 1) % polygon.Count]);
                    if (a.Y != b.Y)
                    {
                        edges.Add(a.Y < b.Y ? (a.X, a.Y, b.X, b.Y, 1) : (b.X, b.Y, a.X, a.Y, -1));
                    }
                }
            }

            var crossings = new List<(double X, int Winding)>();
            for (var row = 0; row < height; row++)
            {
                for (var sub = 0; sub < SubLines; sub++)
                {
                    var y = row + (sub + 0.5) / SubLines;
                    crossings.Clear();
                    foreach (var e in edges)
                    {
                        if (y >= e.Y0 && y < e.Y1)
                        {
                            crossings.Add((e.X0 + (y - e.Y0) / (e.Y1 - e.Y0) * (e.X1 - e.X0), e.Winding));
                        }
                    }

                    crossings.Sort((p, q) => p.X.CompareTo(q.X));
                    var winding = 0;
                    for (var i = 0; i < crossings.Count - 1; i++)
                    {
                        winding += crossings[i].Winding;
                        if (winding != 0)
                        {
                            Span(row, crossings[i].X, crossings[i + 1].X, 1f / SubLines);
                        }
                    }
                }
            }
        }

        private void Span(int row, double from, double to, float weight)
        {
            from = Math.Clamp(from, 0, width);
            to = Math.Clamp(to, 0, width);
            for (var x = (int)from; x < Math.Min(width, (int)Math.Ceiling(to)); x++)
            {
                var covered = Math.Min(to, x + 1) - Math.Max(from, x);
                coverage[row * width + x] = Math.Min(1f, coverage[row * width + x] + (float)covered * weight);
            }
        }

        /// <summary>An 8-bit RGBA PNG: <paramref name="colour"/> where covered, transparent elsewhere.</summary>
        public byte[] ToPng((byte R, byte G, byte B) colour)
        {
            var raw = new byte[height * (1 + width * 4)];
            for (var y = 0; y < height; y++)
            {
                var at = y * (1 + width * 4) + 1; // filter type 0 (None) at the start of each row
                for (var x = 0; x < width; x++, at += 4)
                {
                    (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = (colour.R, colour.G, colour.B, (byte)Math.Round(coverage[y * width + x] * 255));
                }
            }

            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            (header[8], header[9]) = (8, 6); // 8 bits per channel, RGBA; compression, filter and interlace 0
            using var png = new MemoryStream();
            png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
            Chunk(png, "IHDR"u8, header);
            Chunk(png, "IDAT"u8, compressed.ToArray());
            Chunk(png, "IEND"u8, []);
            return png.ToArray();
        }

        private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            png.Write(type);
            png.Write(data);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(type, data));
            png.Write(number);
        }

        private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var part in new[] { type.ToArray(), data.ToArray() })
            {
                foreach (var b in part)
                {
                    crc ^= b;
                    for (var k = 0; k < 8; k++)
                    {
                        crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                    }
                }
            }

            return ~crc;
        }
    }
}
