#!/usr/bin/env bash
# OCR throughput as the text workers run it: 300-dpi scans of Vietnamese text (17 lines of 12 pt a page), WORKERS
# files at a time (TextExtraction:Workers), each program on one thread (OMP_THREAD_LIMIT=1). Prints per-file seconds
# (median, p95), pages/s (wall clock) and CPU seconds per page (user+sys of every program run: load-independent).
#
# Usage: bench/ocr/run.sh [pages] [workers] [pages|tesseract|ocrmypdf] [pages-per-file]
#   pages      pages in all (default 20), split into files of pages-per-file pages (default 1)
#   pages      (mode, the default) scanned PDFs as the workers read them (ADR 0026): per page
#              `pdftoppm -r 300 -gray -f n -l n -singlefile` then `tesseract page.pgm out -l vie --dpi 300 pdf txt`,
#              the one-page PDFs joined by `pdfunite`
#   tesseract  images (PNG/JPEG/TIFF): `tesseract img out -l vie --dpi 300 pdf txt`
#   ocrmypdf   scanned PDFs the former way: `ocrmypdf -l vie --output-type pdf --jobs 1 --skip-text --optimize 0 --sidecar`
# The "pages/s with two workers" figure of docs/benchmarks.md (target >= 0.7) is the pages/s printed by
#   bench/ocr/run.sh 20 2 pages 10     (two 10-page scanned PDFs at once)
#   bench/ocr/run.sh 10 2 pages 1      (ten one-page scanned PDFs, two at a time)
set -euo pipefail
pages=${1:-20}; workers=${2:-2}; mode=${3:-pages}; per=${4:-1}
case "$mode" in pages|tesseract|ocrmypdf) ;; *) echo "unknown mode $mode" >&2; exit 2 ;; esac
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - "$pages" <<'PY'
import sys
lines = ["Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành khẩn trương triển khai kế hoạch chuyển đổi số năm 2026,",
         "bảo đảm tiến độ, chất lượng và báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh trước ngày 15.",
         "Giám đốc Sở Thông tin và Truyền thông chịu trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc thực hiện."]
with open("doc.txt", "w", encoding="utf-8") as f:
    for p in range(int(sys.argv[1])):
        f.write(f"Trang {p+1}. Số: {100+p}/UBND-VP\n")
        for i in range(16):
            f.write(lines[i % 3] + "\n")
        f.write("\f")
PY
soffice --headless --convert-to pdf doc.txt >/dev/null 2>&1
rm doc.txt
pdftoppm -r 300 -gray -jpeg doc.pdf page
ls page-*.jpg | head -n "$pages" > jpegs
# Image-only PDFs of `per` pages each (the JPEGs as they are, DCTDecode, A4 at 300 dpi): what a scanner sends.
python3 - "$per" <<'PY'
import sys
per = int(sys.argv[1])
jpegs = [l.strip() for l in open("jpegs")]
def size(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big"), data[i + 9]
        i += 2 + length
    raise ValueError("no SOF")
def write(name, images):
    objects, kids = [], []
    def add(body):
        objects.append(body)
        return len(objects)
    catalog = add(None); tree = add(None)
    for image in images:
        data = open(image, "rb").read()
        w, h, components = size(data)
        space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(data)) + data + b"\nendstream")
        content = b"q 595.28 0 0 841.89 0 0 cm /Im0 Do Q"
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (tree, img, c)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    open(name, "wb").write(out)
with open("list", "w") as files:
    for f in range(0, len(jpegs), per):
        name = "scan-%04d.pdf" % (f // per)
        write(name, jpegs[f:f + per])
        files.write(name + "\n")
PY
if [ "$mode" = tesseract ]; then
  cp jpegs list
fi
case "$mode" in
  tesseract)
    run='OMP_THREAD_LIMIT=1 tesseract {} {}.out -l vie --dpi 300 pdf txt >/dev/null 2>&1' ;;
  ocrmypdf)
    run='OMP_THREAD_LIMIT=1 ocrmypdf -l vie --output-type pdf --jobs 1 --skip-text --optimize 0 --quiet --sidecar {}.out.txt {} {}.out.pdf' ;;
  pages)
    # As OcrEngine.RecognizePdfAsync does it: one page at a time, then pdfunite.
    run='n=$(pdfinfo {} | awk "/^Pages:/{print \$2}"); parts=""; : > {}.out.txt;
      for i in $(seq 1 "$n"); do
        pdftoppm -r 300 -gray -f "$i" -l "$i" -singlefile {} {}.p$i;
        OMP_THREAD_LIMIT=1 tesseract {}.p$i.pgm {}.p$i -l vie --dpi 300 pdf txt >/dev/null 2>&1;
        rm {}.p$i.pgm; cat {}.p$i.txt >> {}.out.txt; parts="$parts {}.p$i.pdf";
      done;
      if [ "$n" -gt 1 ]; then pdfunite $parts {}.out.pdf; else mv {}.p1.pdf {}.out.pdf; fi' ;;
esac
# Wall seconds of each file; the CPU of all the programs (user+sys of the waited-for children) for the whole run.
TIMEFORMAT='%R %U %S'
{ time xargs -P "$workers" -I{} sh -c 's=$(date +%s.%N); '"$run"'; e=$(date +%s.%N); echo "$e - $s" | bc' < list > times ; } 2> cpu
read -r total user sys < cpu
n=$(wc -l < times)
sort -n times > sorted
median=$(awk -v n="$n" 'NR==int((n+1)/2)' sorted); p95=$(awk -v n="$n" 'NR==int(n*0.95+0.999)' sorted)
echo "mode=$mode pages=$pages files=$n pages/file=$([ "$mode" = tesseract ] && echo 1 || echo "$per") workers=$workers wall=${total}s" \
  "median=${median}s/file p95=${p95}s/file pages/s=$(echo "scale=2; $pages / $total" | bc)" \
  "cpu=$(echo "scale=2; ($user + $sys) / $pages" | bc)s/page (user ${user}s sys ${sys}s) load=$(cut -d' ' -f1-3 /proc/loadavg)"
found=$(cat ./*.out.txt 2>/dev/null | grep -c "chuyển đổi số" || true)
echo "lines with 'chuyển đổi số' in the recognised text: $found (expected $((pages * 6)))"
if [ "$mode" != tesseract ]; then
  ls ./*.out.pdf | head -1 | xargs pdfinfo | awk '/^Pages:/{print "pages in the first searchable PDF: " $2}'
fi
