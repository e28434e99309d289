// /tu-tai-lieu/tep/{id}: the file in the in-page viewer (pdf.js, as on the document pages).
import { showPdf } from './incoming-register-preview.js';

const preview = document.getElementById('pdf-preview');
if (preview) {
    showPdf(preview, preview.dataset.pdfUrl, preview.dataset.pdfName);
}
