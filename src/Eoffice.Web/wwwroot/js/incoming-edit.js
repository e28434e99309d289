// /van-ban-den/{id}/sua: the file section uploads as the registration form does; saving waits for the uploads.
import { fileUploads } from './file-uploads.js';

const form = document.getElementById('edit-files-form');
if (form) {
    fileUploads({
        form,
        list: document.getElementById('file-list'),
        picker: document.getElementById('file-picker'),
        zone: document.getElementById('drop-zone'),
        field: 'Files',
    });
}
