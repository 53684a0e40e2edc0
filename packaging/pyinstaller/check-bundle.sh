#!/bin/sh
# make bundle-check: run the one-folder bundle as on a machine with no Python set up:
# an empty environment (env -i) with a fresh HOME, PATH=/usr/bin:/bin and the offscreen
# Qt platform. Takes the demo screenshot three times (timed), prints --version, reads a
# saved HTML page with `sidebyside text`, and fails if a Qt module the app does not use
# (WebEngine, Qml, Quick, 3D, Multimedia, …) was bundled.
set -eu
BUNDLE=${1:-dist/sidebyside}
EXE="$(cd "$BUNDLE" && pwd)/sidebyside"
OUT=${2:-build/bundle-check}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
clean() { env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@"; }

echo "size: $(du -sh "$BUNDLE" | cut -f1)"
unwanted=$(find "$BUNDLE" \( -name 'libQt6*WebEngine*' -o -name 'libQt6Qml*' \
    -o -name 'libQt6Quick*' -o -name 'libQt63D*' -o -name 'libQt6Multimedia*' \
    -o -name 'libQt6Pdf*' -o -name 'libQt6Charts*' -o -name 'libQt6Designer*' \
    -o -name 'libQt6Sql*' -o -name 'libQt6Test*' -o -name 'QtWebEngine*' -o -name 'QtQml*' \
    -o -name 'QtQuick*' -o -name 'Qt3D*' -o -name 'QtMultimedia*' \) -print)
if [ -n "$unwanted" ]; then
    echo "unused Qt modules were bundled:"; echo "$unwanted"; exit 1
fi
echo "no QtWebEngine/Qml/Quick/3D/Multimedia/Pdf/Charts/Designer/Sql/Test libraries"

clean "$EXE" --version
for run in 1 2 3; do
    rm -f "$OUT/screenshot.png"
    start=$(date +%s%N)
    clean "$EXE" --screenshot "$OUT/screenshot.png" 2>/dev/null
    end=$(date +%s%N)
    test -s "$OUT/screenshot.png" || { echo "run $run: no screenshot"; exit 1; }
    echo "run $run: screenshot in $(( (end - start) / 1000000 )) ms"
done
echo "screenshot: $OUT/screenshot.png ($(wc -c < "$OUT/screenshot.png") bytes)"

cat > "$OUT/page.html" <<'PAGE'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable</h1>
<p>From the first of May the morning ferry leaves the north pier at 7:40, twenty minutes earlier than before.</p>
<p>The harbour office said the change lets the boat meet the 8:15 train.</p></article></body></html>
PAGE
clean "$EXE" text "$OUT/page.html" > "$OUT/page.txt"
grep -q "twenty minutes earlier" "$OUT/page.txt" || { echo "text: wrong output"; cat "$OUT/page.txt"; exit 1; }
echo "text on a saved page: $(wc -l < "$OUT/page.txt") lines, ok"
