using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Text;

namespace Eoffice.UnitTests.Documents;

public sealed class DocumentMetadataLegacyTextTests
{
    private static DocumentMetadata Create(string organ, string subject, string? signer = null) => DocumentMetadata.Create(new DocumentMetadataInput
    {
        TypeCode = DocumentTypes.OfficialLetterCode, CodeNumber = "125", CodeNotation = "UBND-KT", IssuingOrganName = organ, Subject = subject,
        SignerFullName = signer,
    });

    [Fact]
    public void Metadata_pasted_from_a_vni_file_is_stored_in_unicode()
    {
        var metadata = Create("UÛy ban nhaân daân tænh Ninh Bình", "V/v kieåm tra an toaøn giao thoâng cuoái naêm", "Nguyeãn Vaên Hoøa");

        Assert.Equal("Ủy ban nhân dân tỉnh Ninh Bình", metadata.IssuingOrganName);
        Assert.Equal("V/v kiểm tra an toàn giao thông cuối năm", metadata.Subject);
        Assert.Equal("Nguyễn Văn Hòa", metadata.SignerFullName);
    }

    [Fact]
    public void Metadata_pasted_from_a_tcvn3_file_is_stored_in_unicode()
    {
        var metadata = Create("Uû ban nh©n d©n tØnh Ninh B×nh", "V/v kiÓm tra an toµn giao th«ng cuèi n¨m");

        Assert.Equal("Uỷ ban nhân dân tỉnh Ninh Bình", metadata.IssuingOrganName);
        Assert.Equal("V/v kiểm tra an toàn giao thông cuối năm", metadata.Subject);
    }

    [Fact]
    public void Unicode_and_foreign_metadata_is_kept_as_typed()
    {
        var metadata = Create("Đại sứ quán Pháp", "Invitation à la réception du 14 juillet, café et thé", "Müller");

        Assert.Equal("Đại sứ quán Pháp", metadata.IssuingOrganName);
        Assert.Equal("Invitation à la réception du 14 juillet, café et thé", metadata.Subject);
        Assert.Equal("Müller", metadata.SignerFullName);
    }
}
