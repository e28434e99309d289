// /van-ban-di/{id}/duyet-ky, digital mode: the PDF to sign with the automatic signature box drawn dashed; dragging
// with the mouse or a finger on a page draws another box, which the hidden Input.Placement.* fields carry in PDF
// points from the page's top-left. "Đặt lại vị trí tự động" clears it (the fields are disabled, so none is posted).
import { showPdf } from './incoming-register-preview.js';

const viewer = document.getElementById('signature-placement');
const MIN_WIDTH = 20;
const MIN_HEIGHT = 15;

if (viewer?.dataset.pdfUrl) {
    const fields = ['PageIndex', 'Left', 'Top', 'Width', 'Height'].map(name => document.getElementById(`Input_Placement_${name}`));
    const reset = document.getElementById('signature-placement-reset');
    const status = document.getElementById('signature-placement-status');
    const pages = () => [...viewer.querySelectorAll('canvas.registers-preview-page')];
    const scaleOf = canvas => canvas.clientWidth / Number(canvas.dataset.pageWidth);

    /** A box element over page `index` at `box` (points from the page's top-left). */
    function draw(element, index, box) {
        const canvas = pages()[index];
        if (!canvas) {
            element.hidden = true;
            return;
        }
        const scale = scaleOf(canvas);
        element.hidden = false;
        element.style.left = `${canvas.offsetLeft + box.left * scale}px`;
        element.style.top = `${canvas.offsetTop + box.top * scale}px`;
        element.style.width = `${box.width * scale}px`;
        element.style.height = `${box.height * scale}px`;
    }

    function newBox(className, label) {
        const element = document.createElement('div');
        element.className = className;
        element.setAttribute('aria-label', label);
        element.hidden = true;
        return element;
    }

    const parse = text => {
        const [page, left, top, width, height] = (text || '').split(' ').map(Number);
        return text ? { page, left, top, width, height } : null;
    };

    const auto = parse(viewer.dataset.auto);
    const chosenAtLoad = fields[0].disabled ? null : {
        page: Number(fields[0].value), left: Number(fields[1].value), top: Number(fields[2].value),
        width: Number(fields[3].value), height: Number(fields[4].value),
    };
    let chosen = chosenAtLoad;
    const autoBox = newBox('signature-placement-box is-automatic', 'Vị trí chữ ký tự động');
    const chosenBox = newBox('signature-placement-box', 'Vùng đặt chữ ký đã chọn');
    autoBox.id = 'signature-placement-auto';
    chosenBox.id = 'signature-placement-chosen';

    function redraw() {
        if (auto && !chosen) {
            draw(autoBox, auto.page, auto);
        } else {
            autoBox.hidden = true;
        }
        if (chosen) {
            draw(chosenBox, chosen.page, chosen);
        } else {
            chosenBox.hidden = true;
        }
    }

    function choose(box) {
        chosen = box;
        document.getElementById('signature-placement-error')?.remove(); // the server's refusal was of the previous box
        const values = box ? [box.page, box.left, box.top, box.width, box.height] : [];
        fields.forEach((field, i) => {
            field.disabled = !box;
            // Whole points (0.35 mm): the form binds numbers in the page's culture, where "." groups thousands.
            field.value = box ? String(Math.round(values[i])) : '';
        });
        reset.disabled = !box;
        status.textContent = box
            ? `Vùng đã chọn: trang ${box.page + 1}.`
            : auto ? 'Dùng vị trí tự động.' : 'Chưa chọn vùng đặt chữ ký.';
        redraw();
    }

    /** The point of a pointer event on `canvas`, in points from the page's top-left, kept inside the page. */
    function pointOn(canvas, event) {
        const rect = canvas.getBoundingClientRect();
        const scale = scaleOf(canvas);
        const clamp = (value, max) => Math.min(Math.max(value, 0), max);
        return {
            x: clamp((event.clientX - rect.left) / scale, Number(canvas.dataset.pageWidth)),
            y: clamp((event.clientY - rect.top) / scale, Number(canvas.dataset.pageHeight)),
        };
    }

    let drag = null;
    viewer.addEventListener('pointerdown', event => {
        const canvas = event.target.closest?.('canvas.registers-preview-page');
        if (!canvas || event.button > 0) {
            return;
        }
        event.preventDefault();
        canvas.setPointerCapture(event.pointerId);
        drag = { canvas, page: pages().indexOf(canvas), start: pointOn(canvas, event), previous: chosen };
    });
    viewer.addEventListener('pointermove', event => {
        if (!drag) {
            return;
        }
        const end = pointOn(drag.canvas, event);
        chosen = {
            page: drag.page,
            left: Math.min(drag.start.x, end.x),
            top: Math.min(drag.start.y, end.y),
            width: Math.abs(end.x - drag.start.x),
            height: Math.abs(end.y - drag.start.y),
        };
        redraw();
    });
    const finish = () => {
        if (!drag) {
            return;
        }
        const previous = drag.previous;
        drag = null;
        // A click or a tiny drag keeps what was there; the server refuses boxes smaller than this too.
        if (!chosen || chosen.width < MIN_WIDTH || chosen.height < MIN_HEIGHT) {
            chosen = previous;
            status.textContent = `Vùng quá nhỏ: kéo một vùng ít nhất ${MIN_WIDTH} × ${MIN_HEIGHT} điểm.`;
            redraw();
            return;
        }
        choose(chosen);
    };
    viewer.addEventListener('pointerup', finish);
    viewer.addEventListener('pointercancel', finish);
    reset.addEventListener('click', () => choose(null));
    window.addEventListener('resize', redraw);

    showPdf(viewer, viewer.dataset.pdfUrl).then(() => {
        viewer.append(autoBox, chosenBox);
        viewer.dataset.ready = 'true';
        redraw();
    });
}
