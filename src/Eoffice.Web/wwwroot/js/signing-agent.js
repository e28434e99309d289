// The page's side of the local signing agent (docs/signing-protocols.md, "Local signing agent"): a small program on the
// user's machine that holds the USB token, listens on http://127.0.0.1:<port> and asks for the PIN itself.
// ES module, no dependencies. The server gives the page a ticket (hash to sign, certificate thumbprint); the page calls
// signHash and posts the signature value back with the ticket's token. Errors are SigningAgentError with a Vietnamese
// message ready to show and a stable code for the page's logic.

export const DEFAULT_AGENT_URL = "http://127.0.0.1:14455";
const REQUEST_TIMEOUT_MS = 10000;
// Signing waits for the person to type the PIN on the agent's own dialog.
const SIGN_TIMEOUT_MS = 180000;

const MESSAGES = {
    unreachable: "Không kết nối được phần mềm ký số trên máy của bạn. Hãy kiểm tra phần mềm đã được cài đặt và đang chạy, rồi thử lại.",
    timeout: "Phần mềm ký số trên máy của bạn không phản hồi. Hãy kiểm tra cửa sổ nhập mã PIN của phần mềm, rồi thử lại.",
    origin_refused: "Phần mềm ký số từ chối yêu cầu từ trang này. Hãy cấu hình địa chỉ eOffice trong phần mềm ký số.",
    cancelled: "Bạn đã hủy thao tác ký số.",
    pin_incorrect: "Mã PIN của thiết bị ký số không đúng.",
    pin_locked: "Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần. Hãy liên hệ tổ chức cung cấp chứng thư số.",
    certificate_not_found: "Không tìm thấy chứng thư số đã chọn trên thiết bị ký số. Hãy cắm thiết bị (USB token) và thử lại.",
    token_absent: "Chưa cắm thiết bị ký số (USB token) vào máy.",
    bad_request: "Phần mềm ký số không chấp nhận yêu cầu ký. Hãy cập nhật phần mềm ký số lên phiên bản mới.",
    unexpected: "Phần mềm ký số trả lời không đúng định dạng. Hãy cập nhật phần mềm ký số lên phiên bản mới.",
};

export class SigningAgentError extends Error {
    constructor(code, detail) {
        super(MESSAGES[code] || MESSAGES.unexpected);
        this.name = "SigningAgentError";
        this.code = MESSAGES[code] ? code : "unexpected";
        this.detail = detail || null;
    }
}

async function call(path, init, timeoutMs, agentUrl) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
        response = await fetch((agentUrl || DEFAULT_AGENT_URL) + path, {
            ...init,
            mode: "cors",
            credentials: "omit",
            cache: "no-store",
            signal: controller.signal,
        });
    } catch (error) {
        // fetch rejects with a TypeError when nothing listens on the port or CORS refuses the origin; the two cannot be
        // told apart from a page, and "not running" is by far the commoner cause.
        throw new SigningAgentError(error && error.name === "AbortError" ? "timeout" : "unreachable", String(error));
    } finally {
        clearTimeout(timer);
    }

    let body = null;
    try {
        body = await response.json();
    } catch {
        body = null;
    }
    if (!response.ok) {
        const code = body && typeof body.error === "string" ? body.error : (response.status === 403 ? "origin_refused" : "unexpected");
        throw new SigningAgentError(code, body && body.message ? body.message : "HTTP " + response.status);
    }
    if (!body || typeof body !== "object") {
        throw new SigningAgentError("unexpected", "empty body");
    }
    return body;
}

/** The agent's name, version and protocol version: { name, version, protocol }. */
export async function getAgentInfo(agentUrl) {
    return call("/v1/info", { method: "GET" }, REQUEST_TIMEOUT_MS, agentUrl);
}

/** The certificates on the plugged-in token: [{ thumbprint, certificate (DER base64), chain: [DER base64], subject, notAfter }]. */
export async function listCertificates(agentUrl) {
    const body = await call("/v1/certificates", { method: "GET" }, REQUEST_TIMEOUT_MS, agentUrl);
    if (!Array.isArray(body.certificates)) {
        throw new SigningAgentError("unexpected", "certificates is not an array");
    }
    return body.certificates;
}

/** Has the agent sign a SHA-256 hash (base64) with the certificate of that thumbprint; resolves to the signature value (base64). */
export async function signHash(hashBase64, thumbprint, description, agentUrl) {
    const body = await call("/v1/sign", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ hashToSign: hashBase64, hashAlgorithm: "SHA-256", certificateThumbprint: thumbprint, description: description }),
    }, SIGN_TIMEOUT_MS, agentUrl);
    if (typeof body.signature !== "string" || body.signature.length === 0) {
        throw new SigningAgentError("unexpected", "signature missing");
    }
    return body.signature;
}
