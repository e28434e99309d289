// /van-ban-den/cho-tiep-nhan/{id}: preview the package's PDF files beside the check form; the fields the package left
// empty are proposed from the main file's text (incoming-reading.js), never overwriting what is there.
import { showPdf } from './incoming-register-preview.js';
import { incomingReading } from './incoming-reading.js';

const preview = document.getElementById('pdf-preview');
const isPdf = name => /\.pdf$/i.test(name || '');

document.querySelectorAll('.registers-pending-file').forEach(button => {
    button.addEventListener('click', () => {
        if (isPdf(button.dataset.fileName)) {
            showPdf(preview, `/api/v1/files/${button.dataset.fileId}`, button.dataset.fileName);
        } else {
            window.location.href = `/api/v1/files/${button.dataset.fileId}`;
        }
    });
});

if (preview.dataset.mainFile && isPdf(preview.dataset.mainName)) {
    showPdf(preview, `/api/v1/files/${preview.dataset.mainFile}`, preview.dataset.mainName);
}

const registerForm = document.getElementById('pending-register-form');
const banner = document.getElementById('reading-banner');
if (registerForm && banner && preview.dataset.mainFile) {
    incomingReading({ form: registerForm, prefix: 'Input.Document', banner })(preview.dataset.mainFile);
}
