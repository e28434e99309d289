namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// Why a signing device (a PKCS#11 token) could not sign. The message is English, for logs; the page picks its
/// Vietnamese text from <see cref="SigningDeviceException.Problem"/>, so the user learns whether to plug the token in,
/// retype the PIN or call the administrator.
/// </summary>
public enum SigningDeviceProblem
{
    /// <summary>The PKCS#11 library (the token vendor's driver) could not be loaded or initialised.</summary>
    LibraryUnavailable,

    /// <summary>No token with the configured label or slot is present.</summary>
    TokenMissing,

    /// <summary>The token refused the user PIN.</summary>
    WrongPin,

    /// <summary>The user PIN is locked after too many wrong attempts.</summary>
    PinLocked,

    /// <summary>The configured private key is not on the token, or several keys match.</summary>
    KeyMissing,

    /// <summary>No certificate for the key: none on the token and none in the options, or it does not match the key.</summary>
    CertificateMissing,

    /// <summary>Any other failure reported by the device.</summary>
    DeviceError,
}

/// <summary>A signing device failed; <see cref="Problem"/> says how, for the page to explain it to the user.</summary>
public sealed class SigningDeviceException(SigningDeviceProblem problem, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public SigningDeviceProblem Problem { get; } = problem;
}
