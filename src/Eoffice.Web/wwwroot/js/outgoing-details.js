// /van-ban-di/{id}: the PDF view of the draft's layout, in the page with pdf.js (the strict CSP allows no plugin).
// While the layout's PDF is still being made, the page asks the document's API every few seconds and shows the PDF
// in place once it is ready, so nobody has to reload (and lose what they typed in the page).
import { showPdf } from './incoming-register-preview.js';

const preview = document.getElementById('pdf-preview');
if (preview?.dataset.pdfUrl) {
    showPdf(preview, preview.dataset.pdfUrl, preview.dataset.pdfName);
}

const waiting = document.getElementById('outgoing-pdf-message');
if (waiting?.dataset.waitUrl) {
    const started = Date.now();
    const poll = async () => {
        try {
            const response = await fetch(waiting.dataset.waitUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const pdf = (await response.json()).pdf;
                if (pdf?.state === 'Ready' && pdf.url) {
                    const view = document.createElement('div');
                    view.id = 'pdf-preview';
                    view.className = 'registers-preview-pages outgoing-pdf-view';
                    view.dataset.worker = '/lib/pdfjs/pdf.worker.min.mjs';
                    view.dataset.library = '/lib/pdfjs/pdf.min.mjs';
                    view.dataset.pdfUrl = pdf.url;
                    const link = document.createElement('a');
                    link.href = pdf.url;
                    link.target = '_blank';
                    link.rel = 'noopener';
                    link.className = 'small';
                    link.id = 'outgoing-pdf-link';
                    link.textContent = 'Mở bản PDF';
                    waiting.replaceWith(view, link);
                    showPdf(view, pdf.url);
                    return;
                }
                if (pdf && pdf.state !== 'Pending' && pdf.state !== 'NotRequested') {
                    waiting.textContent = pdf.message ?? 'Không tạo được bản PDF; tải tệp .docx để xem.';
                    return;
                }
            }
        } catch {
            // A dropped connection: try again on the next tick.
        }
        if (Date.now() - started < 10 * 60 * 1000) {
            setTimeout(poll, 3000);
        }
    };
    setTimeout(poll, 2000);
}
