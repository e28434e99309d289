// /van-ban-den/vao-so: organ autocomplete, uploads (several at once, drag and drop, a progress bar per file; saving waits
// for them) and the PDF preview.
import { showPdf, clearPreview } from './incoming-register-preview.js';
import { fileUploads } from './file-uploads.js';

const form = document.getElementById('register-form');
const preview = document.getElementById('pdf-preview');
const list = document.getElementById('file-list');

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

// ---- uploads: saving waits for them; a PDF is previewed beside the form ----
function isPdf(name) {
    return /\.pdf$/i.test(name || '');
}

function previewItem(item) {
    if (isPdf(item.dataset.fileName)) {
        showPdf(preview, `/api/v1/files/${item.dataset.fileId}`, item.dataset.fileName);
    }
}

fileUploads({
    form,
    list,
    picker: document.getElementById('file-picker'),
    zone: document.getElementById('drop-zone'),
    field: 'Input',
    preview: previewItem,
    added: item => {
        if (!preview.querySelector('canvas')) {
            previewItem(item);
        }
    },
    emptied: () => clearPreview(preview),
});

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
