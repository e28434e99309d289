using System.IO.Compression;
using System.Text;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.UnitTests.Platform.Storage;

public sealed class FileTypeSnifferTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).Concat(new byte[32]).ToArray();

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] ZipWith(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open());
                writer.Write(name == "mimetype" ? "application/vnd.oasis.opendocument.text" : "<x/>");
            }
        }

        return memory.ToArray();
    }

    [Theory]
    [InlineData("%PDF-1.7\n", "Quyết định.pdf", FileTypeSniffer.Pdf)]
    [InlineData("%PDF-1.4\n", "tai-lieu.bin", FileTypeSniffer.Pdf)]
    [InlineData("Họ và tên,Đơn vị\nNguyễn Văn An,Văn phòng\n", "danh-sach.csv", FileTypeSniffer.Csv)]
    [InlineData("Ghi chú cuộc họp", "ghi-chu.txt", FileTypeSniffer.PlainText)]
    [InlineData("<?xml version=\"1.0\"?><edXML><Header/></edXML>", "goi-tin.edxml", FileTypeSniffer.Xml)]
    [InlineData("{\"so\": 15}", "du-lieu.json", FileTypeSniffer.Json)]
    public void Recognises_documents_and_text_from_their_content(string content, string fileName, string expected)
    {
        var verdict = FileTypeSniffer.Sniff(Text(content), fileName);

        Assert.True(verdict.IsAllowed, verdict.RefusalReason);
        Assert.Equal(expected, verdict.ContentType);
    }

    public static TheoryData<byte[], string, string> BinaryFormats => new()
    {
        { Bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "anh.png", "image/png" },
        { Bytes(0xFF, 0xD8, 0xFF, 0xE0), "anh.jpg", "image/jpeg" },
        { Bytes('G', 'I', 'F', '8', '9', 'a'), "anh.gif", "image/gif" },
        { Bytes('I', 'I', '*', 0), "scan.tif", "image/tiff" },
        { Bytes('M', 'M', 0, '*'), "scan.tiff", "image/tiff" },
        { Bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'), "anh.webp", "image/webp" },
        { Bytes('B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0), "anh.bmp", "image/bmp" },
        { Bytes(0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C), "ho-so.7z", FileTypeSniffer.SevenZip },
        { Bytes('R', 'a', 'r', '!', 0x1A, 0x07, 0x00), "ho-so.rar", FileTypeSniffer.Rar },
        { Bytes(0x1F, 0x8B, 0x08), "sao-luu.gz", FileTypeSniffer.Gzip },
        { Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "cong-van.doc", FileTypeSniffer.Doc },
        { Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "bang-tinh.xls", FileTypeSniffer.Xls },
        { Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "trinh-chieu.ppt", FileTypeSniffer.Ppt },
    };

    [Theory]
    [MemberData(nameof(BinaryFormats))]
    public void Recognises_images_archives_and_legacy_office_by_magic_number(byte[] head, string fileName, string expected)
    {
        var verdict = FileTypeSniffer.Sniff(head, fileName);

        Assert.True(verdict.IsAllowed, verdict.RefusalReason);
        Assert.Equal(expected, verdict.ContentType);
    }

    [Fact]
    public void Tells_office_open_xml_documents_apart_by_their_parts_even_without_an_extension()
    {
        Assert.Equal(FileTypeSniffer.Docx, FileTypeSniffer.Sniff(ZipWith("[Content_Types].xml", "word/document.xml"), "du-thao").ContentType);
        Assert.Equal(FileTypeSniffer.Xlsx, FileTypeSniffer.Sniff(ZipWith("[Content_Types].xml", "xl/workbook.xml"), "bao-cao").ContentType);
        Assert.Equal(FileTypeSniffer.Pptx, FileTypeSniffer.Sniff(ZipWith("[Content_Types].xml", "ppt/presentation.xml"), "trinh-chieu").ContentType);
        Assert.Equal(FileTypeSniffer.Docx, FileTypeSniffer.Sniff(ZipWith("[Content_Types].xml"), "Tờ trình.docx").ContentType);
    }

    [Fact]
    public void Reads_the_opendocument_type_from_its_mimetype_entry_and_treats_other_zips_as_archives()
    {
        Assert.Equal("application/vnd.oasis.opendocument.text", FileTypeSniffer.Sniff(ZipWith("mimetype", "content.xml"), "van-ban.odt").ContentType);
        Assert.Equal(FileTypeSniffer.Zip, FileTypeSniffer.Sniff(ZipWith("anh/1.png", "anh/2.png"), "anh.zip").ContentType);
    }

    public static TheoryData<byte[], string, string> Refused => new()
    {
        { Bytes('M', 'Z', 0x90, 0), "setup.exe", "Không chấp nhận tệp thực thi (.exe)" },
        { Bytes('M', 'Z', 0x90, 0), "bao-cao.pdf", "Không chấp nhận tệp thực thi (.pdf)" },
        { Bytes(0x7F, 'E', 'L', 'F', 2, 1), "tool", "Không chấp nhận tệp thực thi" },
        { Bytes(0xCF, 0xFA, 0xED, 0xFE), "app", "Không chấp nhận tệp thực thi" },
        { Bytes(0xCA, 0xFE, 0xBA, 0xBE), "Main.class", "Không chấp nhận tệp thực thi" },
        { Text("%PDF-1.7"), "virus.exe", "Không chấp nhận tệp thực thi (.exe)" },
        { Text("#!/bin/sh\nrm -rf /\n"), "ghi-chu.txt", "Không chấp nhận tệp kịch bản" },
        { Text("alert(1)"), "ham.js", "Không chấp nhận tệp kịch bản" },
        { Text("MsgBox 1"), "macro.vbs", "Không chấp nhận tệp kịch bản" },
        { Text("Get-Item ."), "script.ps1", "Không chấp nhận tệp kịch bản" },
        { Text("@echo off"), "chay.bat", "Không chấp nhận tệp kịch bản" },
        { Text("@echo off"), "chay.CMD", "Không chấp nhận tệp kịch bản" },
        { Text("echo hi"), "chay.sh", "Không chấp nhận tệp kịch bản" },
        { ZipWith("META-INF/MANIFEST.MF"), "app.jar", "Không chấp nhận tệp thực thi (.jar)" },
        { Text("<!DOCTYPE html><html><body>Xin chào</body></html>"), "trang.txt", "Không chấp nhận tệp HTML/SVG" },
        { Text("  <html><script>alert(1)</script>"), "thu.csv", "Không chấp nhận tệp HTML/SVG" },
        { Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.xml", "Không chấp nhận tệp HTML/SVG" },
        { Text("<div>bảng</div>"), "bang.txt", "Không chấp nhận tệp HTML/SVG" },
        { Text("Xin chào"), "trang.html", "Không chấp nhận tệp HTML/SVG (.html)" },
        { Text("<p>"), "logo.svg", "Không chấp nhận tệp HTML/SVG (.svg)" },
        { Bytes(0x00, 0x01, 0x02, 0x03, 0xFE), "du-lieu.dat", "Không nhận dạng được định dạng tệp (.dat)" },
        { Bytes('B', 'M', 'W'), "xe.bmp", "Không nhận dạng được định dạng tệp" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_executables_scripts_html_and_unknown_content_with_a_vietnamese_reason(byte[] head, string fileName, string reasonStart)
    {
        var verdict = FileTypeSniffer.Sniff(head, fileName);

        Assert.False(verdict.IsAllowed);
        Assert.StartsWith(reasonStart, verdict.RefusalReason);
    }

    [Fact]
    public void Accepts_xml_that_merely_mentions_angle_brackets_and_text_cut_in_the_middle_of_a_letter()
    {
        var xml = FileTypeSniffer.Sniff(Text("<?xml version=\"1.0\"?><VanBan><TrichYeu>V/v a &lt; b</TrichYeu></VanBan>"), "van-ban.xml");
        var cut = Text("x" + new string('ă', FileTypeSniffer.HeaderLength))[..FileTypeSniffer.HeaderLength];

        Assert.True(xml.IsAllowed, xml.RefusalReason);
        Assert.True(FileTypeSniffer.Sniff(cut, "dai.txt").IsAllowed);
    }

    [Fact]
    public void Refuses_text_that_is_not_utf8_or_contains_binary_control_bytes()
    {
        Assert.False(FileTypeSniffer.Sniff([0x48, 0xE0, 0x20, 0x4E, 0xF4, 0x69], "latin1.txt").IsAllowed);
        Assert.False(FileTypeSniffer.Sniff(Text("abc\0def"), "nul.txt").IsAllowed);
    }
}
