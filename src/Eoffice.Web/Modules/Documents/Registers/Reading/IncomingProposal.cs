namespace Eoffice.Web.Modules.Documents.Registers.Reading;

/// <summary>One field proposed from a document's text: the value, how sure the reader is (0..1) and the line it came from.</summary>
public sealed record ProposedField(string Value, double Confidence, string Source);

/// <summary>
/// The issuing organ proposed: the directory entry (<paramref name="OrganId"/>, its name and electronic identifier) when
/// the organ block at the top-left matched one, otherwise the block's text with a lower confidence.
/// </summary>
public sealed record ProposedOrgan(Guid? OrganId, string Name, string? Code, double Confidence, string Source);

/// <summary>One entry of the agency's organ directory, as the reader matches it.</summary>
public sealed record DirectoryOrgan(Guid Id, string Name, string? Code);

/// <summary>
/// What <see cref="IncomingReader"/> read in an incoming document: each registration field it found, or <c>null</c>.
/// Never applied by itself: the register page pre-fills the empty fields, marked as proposed, and the clerk confirms.
/// <see cref="Readable"/> false (empty or unreadable text) proposes nothing and says why in <see cref="Reason"/>.
/// </summary>
public sealed record IncomingProposal(
    bool Readable,
    string? Reason,
    ProposedField? Number,
    ProposedField? Symbol,
    ProposedField? DocumentDate,
    ProposedOrgan? IssuingOrgan,
    ProposedField? DocumentType,
    ProposedField? Subject,
    ProposedField? SignerPosition,
    ProposedField? SignerName,
    ProposedField? Urgency)
{
    public static IncomingProposal Unreadable(string reason) => new(false, reason, null, null, null, null, null, null, null, null, null);

    /// <summary>"1234/STC-QLNS" as printed, when both parts were read.</summary>
    public string? NumberAndSymbol => Number is null && Symbol is null ? null
        : string.Join('/', new[] { Number?.Value, Symbol?.Value }.Where(v => v is not null));
}
