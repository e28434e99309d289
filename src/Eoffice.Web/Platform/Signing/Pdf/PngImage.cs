using System.Buffers.Binary;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// A PNG decoded into PDF image samples: colour (gray or RGB) and, when the image has transparency, a separate alpha
/// channel that becomes the image's /SMask, so that a scanned seal or signature on a transparent background shows the
/// document through it. Decoded here (zlib plus the row filters) because no imaging library is available; 8-bit gray,
/// RGB, palette, gray+alpha and RGBA without interlacing are supported, anything else is refused.
/// </summary>
internal sealed record PngImage(int Width, int Height, bool IsRgb, byte[] Color, byte[]? Alpha)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new ArgumentException("Ảnh chữ ký/con dấu phải là tệp PNG.", nameof(png));
        }

        int width = 0, height = 0, bitDepth = 0, colorType = -1;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (length < 0 || at + 12 + length > png.Length)
            {
                throw new ArgumentException("Tệp PNG bị hỏng (một khối dữ liệu vượt quá cuối tệp).", nameof(png));
            }

            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw new ArgumentException("Ảnh PNG xen kẽ (interlaced) chưa được hỗ trợ; hãy lưu lại ảnh không xen kẽ.", nameof(png));
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            if (type == "IEND")
            {
                break;
            }

            at += 12 + length;
        }

        if (bitDepth != 8 || colorType is not (0 or 2 or 3 or 4 or 6))
        {
            throw new ArgumentException(
                $"Ảnh PNG {bitDepth} bit, kiểu màu {colorType} chưa được hỗ trợ; hãy dùng PNG 8 bit (xám, RGB, bảng màu, có hoặc không có kênh trong suốt).",
                nameof(png));
        }

        if (width <= 0 || height <= 0 || (long)width * height > 40_000_000)
        {
            throw new ArgumentException("Kích thước ảnh PNG không hợp lệ.", nameof(png));
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var pixels = PngFilters.Unfilter(PdfStreams.Inflate(idat.ToArray()), width * channels, channels, height);
        var count = width * height;
        switch (colorType)
        {
            case 0:
                return new PngImage(width, height, false, pixels, GrayKeyAlpha(pixels, transparency));
            case 2:
                return new PngImage(width, height, true, pixels, RgbKeyAlpha(pixels, transparency));
            case 3:
                if (palette is null)
                {
                    throw new ArgumentException("Ảnh PNG bảng màu thiếu khối PLTE.", nameof(png));
                }

                var rgb = new byte[count * 3];
                var alpha = transparency is null ? null : new byte[count];
                for (var i = 0; i < count; i++)
                {
                    var index = pixels[i];
                    if (index * 3 + 2 < palette.Length)
                    {
                        rgb[i * 3] = palette[index * 3];
                        rgb[(i * 3) + 1] = palette[(index * 3) + 1];
                        rgb[(i * 3) + 2] = palette[(index * 3) + 2];
                    }

                    if (alpha is not null)
                    {
                        alpha[i] = index < transparency!.Length ? transparency[index] : (byte)255;
                    }
                }

                return new PngImage(width, height, true, rgb, alpha);
            default:
                var colorChannels = channels - 1;
                var color = new byte[count * colorChannels];
                var mask = new byte[count];
                for (var i = 0; i < count; i++)
                {
                    Buffer.BlockCopy(pixels, i * channels, color, i * colorChannels, colorChannels);
                    mask[i] = pixels[(i * channels) + colorChannels];
                }

                return new PngImage(width, height, colorChannels == 3, color, mask);
        }
    }

    private static byte[]? GrayKeyAlpha(byte[] pixels, byte[]? transparency)
    {
        if (transparency is not { Length: >= 2 })
        {
            return null;
        }

        var key = transparency[1];
        return pixels.Select(p => p == key ? (byte)0 : (byte)255).ToArray();
    }

    private static byte[]? RgbKeyAlpha(byte[] pixels, byte[]? transparency)
    {
        if (transparency is not { Length: >= 6 })
        {
            return null;
        }

        var alpha = new byte[pixels.Length / 3];
        for (var i = 0; i < alpha.Length; i++)
        {
            var match = pixels[i * 3] == transparency[1] && pixels[(i * 3) + 1] == transparency[3] && pixels[(i * 3) + 2] == transparency[5];
            alpha[i] = match ? (byte)0 : (byte)255;
        }

        return alpha;
    }
}
