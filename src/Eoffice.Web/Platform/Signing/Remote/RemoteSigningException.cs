namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// Why a remote signature was not obtained, so that the caller can tell the person what to do (approve again, pick
/// another certificate, call the service's support) instead of showing a generic error. Messages are Vietnamese
/// because they reach the signer.
/// </summary>
public sealed class RemoteSigningException : Exception
{
    public RemoteSigningException(RemoteSigningFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public RemoteSigningFailure Failure { get; }

    /// <summary>The service's reason for a rejection, when it gave one.</summary>
    public string? Reason { get; init; }

    /// <summary>The service's transaction id, once one was created.</summary>
    public string? TransactionId { get; init; }
}

/// <summary>The ways a remote signing transaction ends without a usable signature.</summary>
public enum RemoteSigningFailure
{
    /// <summary>The person refused on the phone.</summary>
    Rejected,

    /// <summary>The service expired the transaction before the person answered.</summary>
    Expired,

    /// <summary>eOffice stopped waiting (<see cref="RemoteSigningOptions.Timeout"/>).</summary>
    TimedOut,

    /// <summary>The service could not be reached, refused the request or answered something the protocol does not allow.</summary>
    Protocol,

    /// <summary>The certificate is not the one expected for this person.</summary>
    WrongCertificate,

    /// <summary>The returned signature value does not verify over the hash with the certificate.</summary>
    BadSignature,
}
