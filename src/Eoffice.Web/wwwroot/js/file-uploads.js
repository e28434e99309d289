// A form's file list: uploads through /api/v1/files (several at once, drag and drop, a progress bar per file), each
// uploaded file posted with the form as `{field}.FileIds` (the main one chosen with a radio, `{field}.MainFileId`).
// While a file is still uploading the form cannot be submitted: its submit buttons are disabled and the note
// [data-upload-note] says why; they come back when every upload has finished or failed. A failed upload stays in the
// list with its reason until the clerk removes it.
// Another page may post elsewhere (`url`, e.g. a cabinet folder's upload) and show an uploaded file its own way (`done`).

let token = null;

async function antiforgery() {
    if (!token) {
        const response = await fetch('/api/v1/files/antiforgery-token', { credentials: 'same-origin' });
        token = await response.json();
    }
    return token;
}

function button(className, text) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    return b;
}

/**
 * Wires the file list of `form`: `list` (the ul), `picker` (input type=file), `zone` (the drop zone), `field` (the bound
 * property, e.g. "Input"); `preview(item)` shows a file when its name is clicked (optional, the name is then a button);
 * `added(item)` runs after a file is uploaded, `emptied()` when the last file is removed. `url` is where each file is
 * posted (field `files`); `done(item, response)`, when given, shows an uploaded file instead of the form's file list
 * entry; `refused(item)` runs when an upload fails, `settled()` when no upload is running any more.
 */
export function fileUploads({ form, list, picker, zone, field, preview = null, added = () => {}, emptied = () => {},
    url = '/api/v1/files', done = null, refused = () => {}, settled = () => {} }) {
    const note = form.querySelector('[data-upload-note]');
    let running = 0;

    function busy(delta) {
        running += delta;
        const uploading = running > 0;
        form.querySelectorAll('button[type=submit]').forEach(b => { b.disabled = uploading; });
        form.setAttribute('aria-busy', String(uploading));
        if (note) {
            note.hidden = !uploading;
        }
        if (!uploading) {
            settled();
        }
    }

    // Enter in a text field submits too: refused as well while a file is on its way.
    form.addEventListener('submit', e => {
        if (running > 0) {
            e.preventDefault();
        }
    });

    function remove(item) {
        item.remove();
        if (!list.querySelector('input[type=radio]:checked')) {
            list.querySelector('input[type=radio]')?.click();
        }
        if (!list.querySelector('[data-file-id]')) {
            emptied();
        }
    }

    function wire(item) {
        item.querySelector('.registers-preview-link')?.addEventListener('click', () => preview?.(item));
        item.querySelector('.registers-remove-file')?.addEventListener('click', () => remove(item));
    }

    function uploaded(item, file) {
        item.dataset.fileId = file.id;
        item.dataset.fileName = file.fileName;
        item.className = 'list-group-item d-flex align-items-center gap-2';
        item.replaceChildren();
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.className = 'form-check-input';
        radio.name = `${field}.MainFileId`;
        radio.value = file.id;
        radio.setAttribute('aria-label', 'Tệp chính');
        radio.checked = !list.querySelector('input[type=radio]:checked');
        const hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = `${field}.FileIds`;
        hidden.value = file.id;
        let name;
        if (preview) {
            name = button('btn btn-link p-0 text-start flex-grow-1 registers-preview-link', file.fileName);
        } else {
            name = document.createElement('span');
            name.className = 'flex-grow-1';
            name.textContent = file.fileName;
        }
        const size = document.createElement('span');
        size.className = 'small text-muted';
        size.textContent = `${Math.max(1, Math.round(file.length / 1024))} KB`;
        item.append(radio, hidden, name, size, button('btn btn-sm btn-outline-danger registers-remove-file', 'Bỏ'));
        wire(item);
        added(item);
    }

    function failed(item, name, fill, message) {
        fill.classList.add('bg-danger');
        fill.style.width = '100%';
        name.textContent = message;
        name.classList.add('text-danger');
        const remover = button('btn btn-sm btn-outline-danger registers-remove-file mt-1', 'Bỏ');
        remover.setAttribute('aria-label', `Bỏ tệp lỗi: ${message}`);
        item.classList.add('registers-upload-failed');
        item.append(remover);
        wire(item);
        refused(item);
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
        busy(+1);

        let headerName;
        let value;
        try {
            ({ headerName, token: value } = await antiforgery());
        } catch {
            failed(item, name, fill, `${file.name}: mất kết nối khi tải lên.`);
            busy(-1);
            return;
        }
        const data = new FormData();
        data.append('files', file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
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
                const response = JSON.parse(xhr.responseText);
                if (done) {
                    done(item, response);
                } else {
                    uploaded(item, response.files[0]);
                }
            } else {
                let message = 'Không tải lên được tệp.';
                try { message = JSON.parse(xhr.responseText).title || message; } catch { /* not JSON */ }
                failed(item, name, fill, `${file.name}: ${message}`);
            }
        });
        xhr.addEventListener('error', () => failed(item, name, fill, `${file.name}: mất kết nối khi tải lên.`));
        xhr.addEventListener('loadend', () => busy(-1));
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

    list.querySelectorAll('[data-file-id]').forEach(wire);
}
