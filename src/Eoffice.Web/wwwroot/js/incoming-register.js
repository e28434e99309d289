// /van-ban-den/vao-so: organ autocomplete, uploads (several at once, drag and drop, a progress bar per file; saving waits
// for them), the PDF preview and the fields proposed from the main file's text (incoming-reading.js).
import { showPdf, clearPreview } from './incoming-register-preview.js';
import { fileUploads } from './file-uploads.js';
import { incomingReading } from './incoming-reading.js';

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

// ---- reading the main file: proposals for the fields left empty ----
const read = incomingReading({ form, prefix: 'Input.Document', banner: document.getElementById('reading-banner') });
let readFileId = null;

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
        // The main file's text is read and the empty fields proposed from it (never applied without the clerk).
        if (item.querySelector('input[type=radio]')?.checked && item.dataset.fileId !== readFileId) {
            readFileId = item.dataset.fileId;
            read(readFileId);
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
