#!/usr/bin/env bash
# OCR throughput as the text workers run it: N one-page 300-dpi scans of Vietnamese text, recognised by
# `ocrmypdf -l vie --output-type pdf --jobs 1 --skip-text --optimize 0 --sidecar` with OMP_THREAD_LIMIT=1, WORKERS at
# a time (TextExtraction:Workers). Prints per-page seconds (median, p95) and pages/s.
# Usage: bench/ocr/run.sh [pages] [workers] [ocrmypdf|tesseract]; "tesseract" is the path images take
# (`tesseract img out -l vie --dpi 300 pdf txt`), "ocrmypdf" the path of scanned PDFs.
set -euo pipefail
pages=${1:-20}; workers=${2:-2}; mode=${3:-ocrmypdf}
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
pdftoppm -r 300 -gray -jpeg doc.pdf page
ls page-*.jpg | head -n "$pages" > list
start=$(date +%s.%N)
if [ "$mode" = tesseract ]; then
  run='OMP_THREAD_LIMIT=1 tesseract {} {}.jpg -l vie --dpi 300 pdf txt >/dev/null 2>&1'
else
  run='OMP_THREAD_LIMIT=1 ocrmypdf -l vie --output-type pdf --jobs 1 --skip-text --optimize 0 --quiet --image-dpi 300 --sidecar {}.txt {} {}.pdf'
fi
xargs -P "$workers" -I{} sh -c 's=$(date +%s.%N); '"$run"'; e=$(date +%s.%N); echo "$e - $s" | bc' < list > times
end=$(date +%s.%N)
n=$(wc -l < times)
sort -n times > sorted
median=$(awk -v n="$n" 'NR==int((n+1)/2)' sorted); p95=$(awk -v n="$n" 'NR==int(n*0.95+0.999)' sorted)
total=$(echo "$end - $start" | bc)
echo "mode=$mode pages=$n workers=$workers wall=${total}s median=${median}s p95=${p95}s pages/s=$(echo "scale=2; $n / $total" | bc)"
grep -c "chuyển đổi số" page-*.jpg.txt | awk -F: '$2>0' | wc -l | xargs echo "pages whose text has 'chuyển đổi số':"
