using System.Formats.Asn1;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;

namespace Eoffice.Web.Platform.Signing;

/// <summary>Where the RFC 3161 time-stamping service is and how long to wait for it; credentials when it wants basic auth.</summary>
public sealed record TimestampOptions(Uri Url)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public string? UserName { get; init; }

    public string? Password { get; init; }
}

/// <summary>The time-stamping service failed, timed out or answered with a token that does not fit the request.</summary>
public sealed class TimestampServiceException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Asks an RFC 3161 time-stamping authority to stamp a signature value (PAdES B-T): POSTs an
/// application/timestamp-query with a fresh nonce and the TSA certificate requested, and accepts the token only when the
/// reply is granted and carries our nonce and imprint (.NET's <see cref="Rfc3161TimestampRequest.ProcessResponse"/>), so a
/// replayed or foreign token never ends up in a signature.
/// </summary>
public sealed class TimestampClient(HttpClient http, TimestampOptions options) : ITimestampClient
{
    public async Task<byte[]> RequestTokenAsync(byte[] signatureValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signatureValue);
        var nonce = RandomNumberGenerator.GetBytes(8);
        // A positive INTEGER in its minimal encoding: the TSA echoes it back and ProcessResponse compares bytes.
        nonce[0] = (byte)((nonce[0] & 0x7F) | 0x01);
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256, nonce: nonce,
            requestSignerCertificates: true);

        using var message = new HttpRequestMessage(HttpMethod.Post, options.Url);
        message.Content = new ByteArrayContent(request.Encode());
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/timestamp-reply"));
        if (options.UserName is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.UserName}:{options.Password}"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        byte[] reply;
        try
        {
            using var response = await http.SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampServiceException(
                    $"The time-stamping service {options.Url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            reply = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampServiceException(
                $"The time-stamping service {options.Url} did not answer within {options.Timeout.TotalSeconds:0.#} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new TimestampServiceException($"The time-stamping service {options.Url} is unreachable: {exception.Message}", exception);
        }

        try
        {
            request.ProcessResponse(reply, out _);
            return ReadTokenBytes(reply);
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException)
        {
            throw new TimestampServiceException(
                $"The time-stamping service {options.Url} returned an unusable reply: {exception.Message}", exception);
        }
    }

    /// <summary>TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }: the token as sent.</summary>
    private static byte[] ReadTokenBytes(byte[] reply)
    {
        var response = new AsnReader(reply, AsnEncodingRules.BER).ReadSequence();
        response.ReadEncodedValue();
        return response.ReadEncodedValue().ToArray();
    }
}
