// /tu-tai-lieu: uploads into the open folder through file-uploads.js (several at once, drag and drop, a progress bar per
// file) posting to the cabinet API; when every upload has finished the list is shown again with the new files, unless
// one was refused (its reason, e.g. the unit's quota is full, stays in sight with a link to refresh the list).
import { fileUploads } from './file-uploads.js';

const form = document.getElementById('cabinet-upload');
if (form) {
    const list = document.getElementById('upload-list');
    const refresh = document.getElementById('upload-refresh');
    let failures = 0;
    fileUploads({
        form,
        list,
        picker: document.getElementById('file-picker'),
        zone: document.getElementById('drop-zone'),
        url: form.dataset.uploadUrl,
        done: (item, response) => {
            const file = response.files[0];
            item.dataset.fileId = file.id;
            item.className = 'list-group-item list-group-item-success small';
            item.textContent = `Đã tải lên: ${file.name}`;
        },
        refused: () => { failures++; },
        settled: () => {
            if (failures === 0) {
                window.location.assign(refresh.href);
            } else {
                refresh.hidden = false;
            }
        },
    });
}
