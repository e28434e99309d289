// Duyệt ký: certificates whose key is not on the server sign in two steps through the API
// (docs/signing-protocols.md). A remote service's certificate: "begin" asks the service, then the page polls the
// completion until the person approves on the phone (200), refuses or lets it expire (a problem). A local agent's
// certificate: "begin" gives the hash, the agent on this machine signs it (it asks for the PIN itself), the page posts
// the value back. Server-held keys and PKCS#11 tokens post the form as it is.
import { signHash, SigningAgentError } from "./signing-agent.js";

const form = document.getElementById("sign-form");
const select = document.getElementById("Input_CertificateId");
const pinField = document.getElementById("sign-pin-field");
const remoteHint = document.getElementById("sign-remote-hint");
const agentHint = document.getElementById("sign-agent-hint");
const progress = document.getElementById("sign-progress");
const failure = document.getElementById("sign-error");
const submit = document.getElementById("sign-submit");
const upload = document.getElementById("Input_Upload");
const POLL_MS = 3000;

function keyLocation() {
    const option = select && select.selectedOptions[0];
    return option ? option.dataset.location : null;
}

function digital() {
    const chosen = form.querySelector("input[name='Input.Mode']:checked");
    return chosen && chosen.value === "digital";
}

function show(element, visible) {
    if (element) {
        element.classList.toggle("d-none", !visible);
    }
}

function refresh() {
    const where = keyLocation();
    show(pinField, where === "pkcs11");
    show(remoteHint, where === "remote");
    show(agentHint, where === "agent");
}

function say(text) {
    progress.textContent = text;
    show(progress, true);
    show(failure, false);
}

function fail(text) {
    failure.textContent = text;
    show(failure, true);
    show(progress, false);
    submit.disabled = false;
}

function antiforgery() {
    const meta = document.querySelector('meta[name="eoffice-antiforgery"]');
    return meta ? { [meta.getAttribute("data-header")]: meta.getAttribute("content") } : {};
}

// The placement the signer dragged (signature-placement.js enables the hidden inputs Input.Placement.*), in points.
function placement() {
    const value = (name) => form.querySelector(`[name='Input.Placement.${name}']`)?.value;
    const page = form.querySelector("[name='Input.Placement.PageIndex']");
    if (!page || page.disabled || page.value === "") {
        return null;
    }
    return { pageIndex: Number(page.value), left: Number(value("Left")), top: Number(value("Top")), width: Number(value("Width")), height: Number(value("Height")) };
}

async function post(url, body) {
    const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", ...antiforgery() },
        body: JSON.stringify(body),
    });
    let answer = null;
    try {
        answer = await response.json();
    } catch {
        answer = null;
    }
    if (!response.ok) {
        const errors = answer && answer.errors ? Object.values(answer.errors).flat() : [];
        throw new Error(errors[0] || (answer && (answer.detail || answer.title)) || "Không ký số được; vui lòng thử lại.");
    }
    return { status: response.status, body: answer };
}

async function signLater(where) {
    submit.disabled = true;
    const certificateId = select.value;
    const note = form.querySelector("[name='Input.Note']")?.value || null;
    const request = { certificateId, placement: placement(), note };
    say(where === "remote" ? "Đang gửi yêu cầu ký đến dịch vụ ký số từ xa…" : "Đang chuẩn bị văn bản để ký…");
    const begun = (await post(form.dataset.beginUrl, { certificateId, placement: request.placement })).body;
    if (where === "agent") {
        say("Nhập mã PIN trong cửa sổ của phần mềm ký số trên máy của bạn…");
        const value = await signHash(begun.hashToSign, begun.certificateThumbprint, begun.description, form.dataset.agentUrl || undefined);
        say("Đang hoàn tất chữ ký số…");
        await post(form.dataset.signUrl, { ...request, token: begun.token, signatureValue: value });
        window.location.assign(form.dataset.documentUrl);
        return;
    }

    for (;;) {
        const answer = await post(form.dataset.signUrl, { ...request, token: begun.token });
        if (answer.status === 200) {
            window.location.assign(form.dataset.documentUrl);
            return;
        }
        say(answer.body && answer.body.message ? answer.body.message : "Đang chờ xác nhận trên điện thoại…");
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}

if (form && select) {
    select.addEventListener("change", refresh);
    refresh();
    form.addEventListener("submit", (event) => {
        const where = keyLocation();
        if (!digital() || (where !== "remote" && where !== "agent")) {
            return;
        }
        event.preventDefault();
        signLater(where).catch((error) => fail(error instanceof SigningAgentError ? error.message : (error && error.message) || String(error)));
    });
}

// Choosing a scan means signing on paper.
if (upload) {
    upload.addEventListener("change", () => {
        const paper = document.getElementById("sign-paper");
        if (upload.files && upload.files.length > 0 && paper) {
            paper.checked = true;
        }
    });
}
