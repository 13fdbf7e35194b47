# The statistics workbook with its charts opens and renders in LibreOffice (headless conversion to PDF).
# LibreOffice is not a dependency of the build: without `soffice` the test is skipped (exit 77).
source "$(dirname "$0")/lib.sh"

if ! command -v soffice >/dev/null; then
    echo "SKIPPED: soffice (LibreOffice) is not installed; the workbook's charts are not rendered"
    exit 77
fi
expect 0 "$DY" --db r.db sample --members 300 --seed 5
expect 0 "$DY" --db r.db export all --as-of 2026-11-26 -o report.xlsx
# A profile of its own, so that a LibreOffice already running for the user is not asked.
expect 0 soffice --headless -env:UserInstallation=file://"$WORK"/lo-profile --convert-to pdf \
    --outdir "$WORK" report.xlsx
[ -s report.pdf ] || fail "LibreOffice wrote no report.pdf"
[ "$(head -c 4 report.pdf)" = "%PDF" ] || fail "report.pdf is not a PDF"
# Pages with drawings: a chart is drawn as vector paths, so the PDF is larger than the tables alone.
echo "rendered report.pdf ($(wc -c <report.pdf) bytes)"
