namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>Why a package was refused; each reason has its Vietnamese message for the sender and the log.</summary>
public enum EdxmlRefusal
{
    Malformed = 1,
    TooLarge = 2,
    TooDeep = 3,
    DtdProhibited = 4,
    WrongNamespace = 5,
    Unsigned = 6,
    BadSignature = 7,
    WrongSigner = 8,
    UnsupportedAlgorithm = 9,
}

/// <summary>A package refused before anything is stored: the reason and what to tell the sender.</summary>
public sealed class EdxmlRefusedException(EdxmlRefusal reason, string message) : Exception(message)
{
    public EdxmlRefusal Reason { get; } = reason;
}
