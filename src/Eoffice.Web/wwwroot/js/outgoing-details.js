// /van-ban-di/{id}: the PDF view of the draft's layout, in the page with pdf.js (the strict CSP allows no plugin).
import { showPdf } from './incoming-register-preview.js';

const preview = document.getElementById('pdf-preview');
if (preview?.dataset.pdfUrl) {
    showPdf(preview, preview.dataset.pdfUrl, preview.dataset.pdfName);
}
