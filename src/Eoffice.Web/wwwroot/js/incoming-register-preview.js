// PDF preview beside a form, with pdf.js from /lib/pdfjs (worker from 'self', no eval: runs under the strict CSP).
let library = null;

async function pdfjs(container) {
    if (!library) {
        library = await import(container.dataset.library);
        library.GlobalWorkerOptions.workerSrc = container.dataset.worker;
    }
    return library;
}

let current = 0;

/** Renders every page of the PDF at `url` into `container` (an element with data-library and data-worker). */
export async function showPdf(container, url, name) {
    const run = ++current;
    const label = document.getElementById('pdf-preview-name');
    if (label) {
        label.textContent = name || '';
    }
    container.replaceChildren();
    const status = document.createElement('p');
    status.className = 'text-muted small p-3 mb-0';
    status.textContent = 'Đang mở tệp…';
    container.append(status);
    try {
        const lib = await pdfjs(container);
        const doc = await lib.getDocument({ url, isEvalSupported: false, withCredentials: true }).promise;
        status.remove();
        const width = Math.max(container.clientWidth - 16, 300);
        for (let n = 1; n <= doc.numPages && run === current; n++) {
            const page = await doc.getPage(n);
            const base = page.getViewport({ scale: 1 });
            const viewport = page.getViewport({ scale: width / base.width });
            const ratio = window.devicePixelRatio || 1;
            const canvas = document.createElement('canvas');
            canvas.className = 'registers-preview-page';
            canvas.width = Math.floor(viewport.width * ratio);
            canvas.height = Math.floor(viewport.height * ratio);
            canvas.setAttribute('aria-label', `Trang ${n}`);
            // The page's size in PDF points, for scripts that place things on it (signature-placement.js).
            canvas.dataset.pageWidth = String(base.width);
            canvas.dataset.pageHeight = String(base.height);
            container.append(canvas);
            await page.render({
                canvasContext: canvas.getContext('2d'),
                viewport,
                transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
            }).promise;
        }
    } catch (error) {
        status.textContent = 'Không xem trước được tệp này (chỉ xem trước tệp PDF).';
        container.replaceChildren(status);
        console.warn(error);
    }
}

export function clearPreview(container) {
    current++;
    const empty = document.createElement('p');
    empty.className = 'text-muted small p-3 mb-0';
    empty.textContent = 'Chưa có tệp PDF để xem.';
    container.replaceChildren(empty);
    const label = document.getElementById('pdf-preview-name');
    if (label) {
        label.textContent = '';
    }
}
