// The outgoing draft form: the files upload as on the registration form (the checked one is the draft, the others are
// annexes), and the rows of other agencies are added and removed, renumbered so that they post as one list.
import { fileUploads } from './file-uploads.js';

const form = document.getElementById('outgoing-form');
if (form) {
    fileUploads({
        form,
        list: document.getElementById('file-list'),
        picker: document.getElementById('file-picker'),
        zone: document.getElementById('drop-zone'),
        field: 'Files',
    });

    const rows = document.getElementById('organ-rows');
    const template = document.getElementById('organ-row-template');
    const prefix = rows.dataset.prefix;

    function renumber() {
        rows.querySelectorAll('.organ-row').forEach((row, i) => {
            row.querySelectorAll('[name], [data-field]').forEach(input => {
                const field = input.dataset.field ?? input.name.replace(/^.*\]\./, '');
                input.dataset.field = field;
                input.name = `${prefix}.Recipients[${i}].${field}`;
            });
        });
    }

    document.getElementById('organ-add').addEventListener('click', () => {
        rows.append(template.content.cloneNode(true));
        renumber();
        rows.querySelector('.organ-row:last-child input[data-field=Name]')?.focus();
    });
    rows.addEventListener('click', e => {
        if (e.target.classList.contains('organ-remove')) {
            e.target.closest('.organ-row').remove();
            renumber();
        }
    });
}
