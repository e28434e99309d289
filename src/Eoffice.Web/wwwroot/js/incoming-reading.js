// Reading an incoming document (ADR 0027): when the main file's upload finishes, ask for its text
// (POST /api/v1/files/{id}/text), poll GET /api/v1/documents/incoming/proposals?fileId= until the text is ready, then
// pre-fill the fields the clerk left empty, each marked "Đề xuất từ văn bản (độ tin cậy 92 %)". A field the clerk
// typed or chose is never overwritten; nothing is saved until the clerk submits.
//
// Stable hooks for tests: #reading-banner (data-state: reading | proposed | unreadable | failed), each proposed field
// carries data-proposed="true" and data-confidence, and its hint [data-proposed-hint] follows it.

const pollMs = 1500;
const maxPolls = 400; // ~10 minutes: a long scan's OCR

function antiforgery() {
    const meta = document.querySelector('meta[name="eoffice-antiforgery"]');
    return meta ? { [meta.getAttribute('data-header')]: meta.getAttribute('content') } : {};
}

function percent(confidence) {
    return `${Math.round(confidence * 100)} %`;
}

/**
 * Wires the reading for a form whose metadata fields are named `${prefix}.TypeCode`, `${prefix}.CodeNumber`….
 * Returns `read(fileId)`, to call when the main file's upload finished; `banner` is where the state is told.
 */
export function incomingReading({ form, prefix, banner, proposalsUrl = '/api/v1/documents/incoming/proposals' }) {
    const field = name => form.querySelector(`[name='${prefix}.${name}']`);
    const touched = new WeakSet();
    form.addEventListener('input', e => { touched.add(e.target); unmark(e.target); }, true);
    form.addEventListener('change', e => { if (e.isTrusted) { touched.add(e.target); unmark(e.target); } }, true);
    let reading = null;

    function say(state, text) {
        banner.hidden = false;
        banner.dataset.state = state;
        banner.className = `alert ${state === 'proposed' ? 'alert-info' : state === 'reading' ? 'alert-secondary' : 'alert-warning'} d-flex align-items-center gap-2`;
        banner.replaceChildren();
        if (state === 'reading') {
            const spinner = document.createElement('span');
            spinner.className = 'spinner-border spinner-border-sm';
            spinner.setAttribute('aria-hidden', 'true');
            banner.append(spinner);
        }
        const message = document.createElement('span');
        message.textContent = text;
        banner.append(message);
    }

    function unmark(element) {
        if (element?.dataset?.proposed) {
            delete element.dataset.proposed;
            delete element.dataset.confidence;
            element.classList.remove('border-info');
            element.parentElement?.querySelector(`[data-proposed-hint][data-for='${element.name}']`)?.remove();
        }
    }

    function isEmpty(element) {
        if (element.tagName === 'SELECT') {
            return !touched.has(element) && element.value === element.dataset.initial;
        }
        return !touched.has(element) && element.value.trim() === '';
    }

    function propose(name, value, confidence) {
        const element = field(name);
        if (!element || value === null || value === undefined || value === '' || !isEmpty(element)) {
            return false;
        }
        if (element.tagName === 'SELECT' && ![...element.options].some(o => o.value === value)) {
            return false;
        }
        element.value = value;
        element.dataset.proposed = 'true';
        element.dataset.confidence = String(confidence);
        element.classList.add('border-info');
        const hint = document.createElement('div');
        hint.className = 'form-text text-info';
        hint.dataset.proposedHint = '';
        hint.dataset.for = element.name;
        hint.textContent = `Đề xuất từ văn bản (độ tin cậy ${percent(confidence)})`;
        element.insertAdjacentElement('afterend', hint);
        return true;
    }

    function apply(proposal) {
        let count = 0;
        const one = (name, f) => { if (f && propose(name, f.value, f.confidence)) { count++; } };
        one('CodeNumber', proposal.number);
        one('CodeNotation', proposal.symbol);
        one('IssuedDate', proposal.documentDate);
        if (proposal.issuingOrgan) {
            const organ = proposal.issuingOrgan;
            if (propose('IssuingOrganName', organ.name, organ.confidence)) {
                count++;
                if (organ.code) {
                    propose('IssuingOrganId', organ.code, organ.confidence);
                }
            }
        }
        one('TypeCode', proposal.documentType);
        one('Subject', proposal.subject);
        one('SignerPosition', proposal.signerPosition);
        one('SignerFullName', proposal.signerName);
        one('Urgency', proposal.urgency);
        return count;
    }

    async function poll(fileId, ticket) {
        for (let i = 0; i < maxPolls && reading === ticket; i++) {
            const response = await fetch(`${proposalsUrl}?fileId=${encodeURIComponent(fileId)}`, { credentials: 'same-origin' });
            if (!response.ok) {
                say('failed', 'Không đọc được nội dung tệp để đề xuất; vui lòng nhập các trường bằng tay.');
                return;
            }
            const answer = await response.json();
            if (answer.state === 'pending' || answer.state === 'notRequested') {
                const pages = answer.pages ? ` (${answer.pagesDone}/${answer.pages} trang)` : '';
                say('reading', `Đang đọc nội dung văn bản${pages}…`);
                await new Promise(resolve => setTimeout(resolve, pollMs));
                continue;
            }
            if (answer.state !== 'ready') {
                say('failed', answer.message || 'Không đọc được nội dung tệp; vui lòng nhập các trường bằng tay.');
                return;
            }
            if (!answer.proposal || !answer.proposal.readable) {
                say('unreadable', answer.proposal?.reason || 'Không đọc được đủ chữ trong văn bản để đề xuất.');
                return;
            }
            const count = apply(answer.proposal);
            say('proposed', count > 0
                ? 'Đã đọc văn bản: kiểm tra các trường được đề xuất rồi bấm Vào sổ'
                : 'Đã đọc văn bản: các trường đã có nội dung nên không thay đổi.');
            return;
        }
    }

    form.querySelectorAll('select').forEach(s => { s.dataset.initial = s.value; });

    return async function read(fileId) {
        const ticket = {};
        reading = ticket;
        say('reading', 'Đang đọc nội dung văn bản…');
        try {
            await fetch(`/api/v1/files/${encodeURIComponent(fileId)}/text`, {
                method: 'POST', credentials: 'same-origin', headers: antiforgery(),
            });
        } catch {
            // The proposals endpoint tells the state, whatever the request's fate.
        }
        await poll(fileId, ticket);
    };
}
