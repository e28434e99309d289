namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>The forms of copy (Decree 30 Art. 25): the label printed on it and the abbreviation of its number.</summary>
public enum CopyForm
{
    /// <summary>Sao y: the full copy of the original (from paper: digitised, then signed by the agency).</summary>
    Exact = 1,

    /// <summary>Sao lục: a copy made from a sao y.</summary>
    FromCopy = 2,

    /// <summary>Trích sao: part of the original, re-created in full format.</summary>
    Extract = 3,
}

/// <summary>What a copy was made from.</summary>
public enum CopySource
{
    Outgoing = 1,
    Incoming = 2,

    /// <summary>Another copy (a sao lục is made from a sao y).</summary>
    Copy = 3,
}

/// <summary>
/// Bản sao điện tử (Decree 30 Art. 25–27, Phụ lục I ô 14–15; REQUIREMENTS §1.8.5): a copy of an issued or received
/// document, numbered in the copies' series of an outgoing register for the year ("Số: 05/SY"), with its label (SAO Y,
/// SAO LỤC, TRÍCH SAO), the copying agency and the time in the agency's digital signature at the top right of page 1.
/// A lawfully made copy has the legal value of the original (Art. 26). Made by a clerk who holds the agency seal;
/// visible to whoever may see what it was made from.
/// </summary>
public sealed class DocumentCopy
{
    public const int TextMaxLength = 500;

    private DocumentCopy()
    {
        SourceCodeText = SourceSubject = FileName = MadeByName = CertificateText = string.Empty;
    }

    public DocumentCopy(Guid agencyId, Guid registerId, int year, int number, CopyForm form, CopySource sourceKind, Guid sourceId, Guid? sourceDocumentId,
        string sourceCodeText, string sourceSubject, Guid sourceFileId, Guid fileId, string fileName, string certificateText, Guid madeById,
        string madeByName, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        RegisterId = registerId;
        Year = year;
        Number = number;
        Form = form;
        SourceKind = sourceKind;
        SourceId = sourceId;
        SourceDocumentId = sourceDocumentId;
        SourceCodeText = Cut(sourceCodeText);
        SourceSubject = Cut(sourceSubject);
        SourceFileId = sourceFileId;
        FileId = fileId;
        FileName = fileName;
        CertificateText = Cut(certificateText);
        MadeById = madeById;
        MadeByName = madeByName;
        Note = note;
        MadeAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The outgoing register whose copies' series gave the number.</summary>
    public Guid RegisterId { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    public CopyForm Form { get; private set; }

    public CopySource SourceKind { get; private set; }

    /// <summary>The outgoing or incoming document, or the copy, this was made from.</summary>
    public Guid SourceId { get; private set; }

    /// <summary>The outgoing or incoming document at the root (a sao lục's sao y's document): its readers read the copy.</summary>
    public Guid? SourceDocumentId { get; private set; }

    public string SourceCodeText { get; private set; }

    public string SourceSubject { get; private set; }

    public Guid SourceFileId { get; private set; }

    /// <summary>The copy: the source PDF (or the re-created extract) with the agency's signature.</summary>
    public Guid FileId { get; private set; }

    public string FileName { get; private set; }

    public string CertificateText { get; private set; }

    public Guid MadeById { get; private set; }

    public string MadeByName { get; private set; }

    public string? Note { get; private set; }

    public DateTime MadeAt { get; private set; }

    /// <summary>"SY", "SL", "TrS" (Phụ lục III).</summary>
    public static string Abbreviation(CopyForm form) => form switch
    {
        CopyForm.Exact => "SY",
        CopyForm.FromCopy => "SL",
        _ => "TrS",
    };

    public static string Label(CopyForm form) => form switch
    {
        CopyForm.Exact => "SAO Y",
        CopyForm.FromCopy => "SAO LỤC",
        _ => "TRÍCH SAO",
    };

    /// <summary>"05/SY".</summary>
    public string CodeText => $"{OfficialDateLine.NumberText(Number)}/{Abbreviation(Form)}";

    private static string Cut(string text) => text.Length <= TextMaxLength ? text : text[..TextMaxLength];
}
