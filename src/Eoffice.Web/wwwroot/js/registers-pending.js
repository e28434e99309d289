// /van-ban-den/cho-tiep-nhan/{id}: preview the package's PDF files beside the check form.
import { showPdf } from './incoming-register-preview.js';

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
