// /van-ban-den/vao-so: organ autocomplete, uploads (several at once, drag and drop, a progress bar per file) and the PDF preview.
import { showPdf, clearPreview } from './incoming-register-preview.js';

const form = document.getElementById('register-form');
const preview = document.getElementById('pdf-preview');
const list = document.getElementById('file-list');
const picker = document.getElementById('file-picker');
const zone = document.getElementById('drop-zone');

// ---- issuing organ: a datalist filled from the directory; picking one fills its electronic identifier ----
const organName = document.querySelector('[data-organ-name]');
const organId = document.querySelector('[data-organ-id]');
const options = document.getElementById('organ-options');
let organs = [];
let timer = 0;

async function searchOrgans() {
    const q = organName.value.trim();
    const response = await fetch(`${form.dataset.organsUrl}?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
    if (!response.ok) {
        return;
    }
    organs = await response.json();
    options.replaceChildren(...organs.map(o => {
        const option = document.createElement('option');
        option.value = o.name;
        if (o.code) {
            option.label = o.code;
        }
        return option;
    }));
}

function pickOrgan() {
    const match = organs.find(o => o.name === organName.value);
    if (match && match.code) {
        organId.value = match.code;
    }
}

organName.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { searchOrgans().then(pickOrgan); }, 200);
});
organName.addEventListener('change', pickOrgan);
organName.addEventListener('focus', () => { if (organs.length === 0) { searchOrgans(); } }, { once: true });

// ---- uploads ----
let token = null;

async function antiforgery() {
    if (!token) {
        const response = await fetch('/api/v1/files/antiforgery-token', { credentials: 'same-origin' });
        token = await response.json();
    }
    return token;
}

function fileUrl(id) {
    return `/api/v1/files/${id}`;
}

function isPdf(name) {
    return /\.pdf$/i.test(name || '');
}

function previewItem(item) {
    if (isPdf(item.dataset.fileName)) {
        showPdf(preview, fileUrl(item.dataset.fileId), item.dataset.fileName);
    }
}

function wireItem(item) {
    item.querySelector('.registers-preview-link')?.addEventListener('click', () => previewItem(item));
    item.querySelector('.registers-remove-file')?.addEventListener('click', () => {
        item.remove();
        const main = list.querySelector('input[type=radio]:checked');
        if (!main) {
            list.querySelector('input[type=radio]')?.click();
        }
        if (!list.querySelector('[data-file-id]')) {
            clearPreview(preview);
        }
    });
}

function uploaded(item, file) {
    item.dataset.fileId = file.id;
    item.dataset.fileName = file.fileName;
    item.className = 'list-group-item d-flex align-items-center gap-2';
    item.replaceChildren();
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.className = 'form-check-input';
    radio.name = 'Input.MainFileId';
    radio.value = file.id;
    radio.setAttribute('aria-label', 'Tệp chính');
    radio.checked = !list.querySelector('input[type=radio]:checked');
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = 'Input.FileIds';
    hidden.value = file.id;
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'btn btn-link p-0 text-start flex-grow-1 registers-preview-link';
    link.textContent = file.fileName;
    const size = document.createElement('span');
    size.className = 'small text-muted';
    size.textContent = `${Math.max(1, Math.round(file.length / 1024))} KB`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn btn-sm btn-outline-danger registers-remove-file';
    remove.textContent = 'Bỏ';
    item.append(radio, hidden, link, size, remove);
    wireItem(item);
    if (isPdf(file.fileName) && !preview.querySelector('canvas')) {
        previewItem(item);
    }
}

async function upload(file) {
    const item = document.createElement('li');
    item.className = 'list-group-item';
    const name = document.createElement('div');
    name.className = 'small mb-1';
    name.textContent = file.name;
    const bar = document.createElement('div');
    bar.className = 'progress';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', `Tải lên ${file.name}`);
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    const fill = document.createElement('div');
    fill.className = 'progress-bar';
    fill.style.width = '0%';
    bar.append(fill);
    item.append(name, bar);
    list.append(item);

    const { headerName, token: value } = await antiforgery();
    const data = new FormData();
    data.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.setRequestHeader(headerName, value);
    xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) {
            const percent = Math.round((e.loaded / e.total) * 100);
            fill.style.width = `${percent}%`;
            bar.setAttribute('aria-valuenow', String(percent));
        }
    });
    xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) {
            uploaded(item, JSON.parse(xhr.responseText).files[0]);
        } else {
            let message = 'Không tải lên được tệp.';
            try { message = JSON.parse(xhr.responseText).title || message; } catch { /* not JSON */ }
            fill.classList.add('bg-danger');
            fill.style.width = '100%';
            name.textContent = `${file.name}: ${message}`;
            name.classList.add('text-danger');
        }
    });
    xhr.addEventListener('error', () => {
        fill.classList.add('bg-danger');
        name.textContent = `${file.name}: mất kết nối khi tải lên.`;
    });
    xhr.send(data);
}

function uploadAll(files) {
    for (const file of files) {
        upload(file);
    }
}

zone.addEventListener('click', () => picker.click());
zone.addEventListener('keydown', e => {
    if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        picker.click();
    }
});
picker.addEventListener('change', () => {
    uploadAll(picker.files);
    picker.value = '';
});
for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, e => {
        e.preventDefault();
        zone.classList.add('registers-drop-active');
    });
}
for (const type of ['dragleave', 'drop']) {
    zone.addEventListener(type, () => zone.classList.remove('registers-drop-active'));
}
zone.addEventListener('drop', e => {
    e.preventDefault();
    uploadAll(e.dataTransfer.files);
});

list.querySelectorAll('[data-file-id]').forEach(wireItem);
const first = list.querySelector('[data-file-id]');
if (first) {
    previewItem(first);
}

// ---- back-entry: ticking the box opens the section; the warnings' "Vẫn vào sổ" is a plain submit button ----
document.getElementById('IsBackEntry')?.addEventListener('change', e => {
    if (e.target.checked) {
        document.getElementById('back-entry').open = true;
    }
});
