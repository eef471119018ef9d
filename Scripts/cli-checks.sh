#!/usr/bin/env bash
# End-to-end checks of the qr command: outputs, round trips, exit statuses
# and one-line error messages. Run by .ci/run; builds the debug binary.
set -uo pipefail
cd "$(dirname "$0")/.."
swift build --package-path Tools --product qr >/dev/null || exit 1
qr="$(swift build --package-path Tools --show-bin-path)/qr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}

# Output formats
matrix="$("$qr" encode --format txt --border 0 --version 1 --ecc M --mask 2 --no-boost 01234567)"
check "txt is the bare 21×21 matrix" "21 21" "$(echo "$matrix" | wc -l) $(echo "$matrix" | head -1 | tr -d '\n' | wc -c)"
check "txt top-left finder row" "1111111" "$(echo "$matrix" | head -1 | cut -c1-7)"
"$qr" encode -o "$work/a.png" "Hello, QRCore" && check "png round trip" "Hello, QRCore" "$("$qr" decode "$work/a.png")"
"$qr" encode --fg "#c00" --bg transparent -o "$work/b.png" "colour" && check "palette png round trip" "colour" "$("$qr" decode "$work/b.png")"
check "svg from -o extension" "<svg" "$("$qr" encode -o - --format svg x | grep -o '<svg' | head -1)"
"$qr" encode -o "$work/c.svg" "svg file"; check "svg file written" "1" "$(grep -c '<path' "$work/c.svg")"
check "stdin text, trailing newline dropped" "from stdin" "$(echo "from stdin" | "$qr" encode -o - --format png | "$qr" decode -)"
check "text starting with a dash" "-42" "$("$qr" encode -o - --format png -42 | "$qr" decode -)"
check "words and negative numbers keep their order" "a -4.2 b" "$("$qr" encode -o - --format png a -4.2 b | "$qr" decode -)"
check "anything after -- is text" "--eccc H" "$("$qr" encode -o - --format png -- --eccc H | "$qr" decode -)"
"$qr" encode --eccc H hello >/dev/null 2>"$work/err"; check "unknown long option exits 2" "2" "$?"
check "unknown option named with the nearest" "1" "$(grep -c "Unknown option '--eccc'. Did you mean '--ecc'" "$work/err")"
"$qr" encode -x hello >/dev/null 2>"$work/err"; check "unknown short option exits 2" "2" "$?"
check "unknown short option gets a suggestion" "1" "$(grep -c "Unknown option '-x'. The nearest encode option is" "$work/err")"
check "qr --version" "1.0.0" "$("$qr" --version)"
check "kanji mode" "漢字テスト" "$("$qr" encode --mode kanji -o - --format png 漢字テスト | "$qr" decode -)"
check "ECI 26 keeps UTF-8" "héllo wörld" "$("$qr" encode --eci -o - --format png "héllo wörld" | "$qr" decode -)"

# JPEG photos, from a file and from standard input
photo_text="$(cat Fixtures/images/qr-photo.txt)"
check "decode a JPEG photo" "$photo_text" "$("$qr" decode Fixtures/images/qr-photo.jpg)"
check "decode a JPEG from stdin" "$photo_text" "$("$qr" decode - < Fixtures/images/qr-photo.jpg)"
cp Fixtures/images/qr-photo.jpg "$work/photo.png"
check "format from the bytes, not the name" "$photo_text" "$("$qr" decode "$work/photo.png")"
head -c 20000 Fixtures/images/qr-photo.jpg > "$work/cut.jpg"
"$qr" decode "$work/cut.jpg" 2>"$work/err"; check "truncated JPEG exits 2" "2" "$?"
check "truncated JPEG named" "1" "$(grep -c 'JPEG: truncated' "$work/err")"
printf 'GIF89a\001\000\001\000' > "$work/anim.gif"
"$qr" decode "$work/anim.gif" 2>"$work/err"; check "GIF exits 2" "2" "$?"
check "GIF named, not called a bad PNG" "qr: $work/anim.gif: unsupported image format: GIF is not supported; use PNG, JPEG, PGM or PPM" "$(cat "$work/err")"

# JSON Lines
json="$("$qr" decode --json "$work/a.png")"
for field in '"file"' '"codes"' '"text"' '"bytes_base64"' '"charset"' '"model"' '"version"' '"ecc"' '"mask"' '"corners"' '"mirrored"' '"inverted"' '"errors_corrected"' '"decode_ms"'; do
  check "json has $field" "1" "$(echo "$json" | grep -c "$field")"
done

# Exit statuses and one-line errors
"$qr" encode --mask 9 x 2>"$work/err"; check "bad mask exits 2" "2" "$?"
check "bad mask: one line" "1" "$(wc -l < "$work/err")"
"$qr" encode --version 1 --ecc H "$(printf 'x%.0s' {1..100})" 2>"$work/err"; check "too long exits 1" "1" "$?"
check "too long names bits" "1" "$(grep -c 'needs 812 bits.*holds 72 bits' "$work/err")"
"$qr" encode --mode numeric 12a4 2>"$work/err"; check "bad character exits 1" "1" "$?"
check "bad character named" "1" "$(grep -c "'a' at index 2" "$work/err")"
"$qr" decode "$work/missing.png" 2>/dev/null; check "missing file exits 2" "2" "$?"
"$qr" decode --charset klingon "$work/a.png" 2>"$work/err"; check "unknown charset exits 2" "2" "$?"
check "unknown charset lists the names" "1" "$(grep -c "unknown --charset 'klingon'.*Shift_JIS" "$work/err")"
check "model of a Model 2 code" '"model": 2' "$("$qr" decode --json "$work/a.png" | grep -o '"model": [0-9]')"
check "a Model 1 code" 'M1v4M "model": 1' "$("$qr" decode Fixtures/model1/v04-M.png) $("$qr" decode --json Fixtures/model1/v04-M.png | grep -o '"model": [0-9]')"
check "charset of ASCII text" '"charset": "UTF-8"' "$("$qr" decode --json "$work/a.png" | grep -o '"charset": "[^"]*"')"
check "forced charset" "ﾀﾉ / ÀÉ" "$(printf '\xc0\xc9' | "$qr" encode --mode byte -o - --format png | "$qr" decode - ) / $(printf '\xc0\xc9' | "$qr" encode --mode byte -o - --format png | "$qr" decode --charset LATIN1 -)"
printf 'not an image' > "$work/junk.png"
"$qr" decode --json "$work/junk.png" > "$work/out"; check "junk exits 2" "2" "$?"
check "junk reports an error field" "1" "$(grep -c '"error"' "$work/out")"
"$qr" encode -o "$work/blank.png" --fg white x; "$qr" decode "$work/blank.png" 2>/dev/null
check "image without a code exits 1" "1" "$?"
"$qr" decode "$work/a.png" "$work/blank.png" >/dev/null 2>&1; check "some without a code exits 1" "1" "$?"

# Structured append: --split writes NAME-1 … NAME-N, --merge joins them in any order
message="Structured append joins up to sixteen symbols into one message."
check "--split 3 writes three files" "$work/seq-1.png $work/seq-2.png $work/seq-3.png" \
  "$("$qr" encode --split 3 -o "$work/seq.png" "$message" | tr '\n' ' ' | sed 's/ $//')"
check "--merge joins the parts in any order" "$message" "$("$qr" decode --merge "$work/seq-3.png" "$work/seq-1.png" "$work/seq-2.png")"
check "json has structured_append" '"structured_append": {"index": 1, "count": 3' \
  "$("$qr" decode --json "$work/seq-2.png" | grep -o '"structured_append": {"index": 1, "count": 3')"
"$qr" decode --merge "$work/seq-1.png" "$work/seq-3.png" >/dev/null 2>"$work/err"; check "--merge with a part missing exits 1" "1" "$?"
check "--merge names the missing part" "qr: structured append: part 2 of 3 missing" "$(cat "$work/err")"
check "--split auto stays within --max-version" "4" \
  "$("$qr" encode --split auto --max-version 1 --ecc L -o "$work/auto.png" "$(printf 'abcdefghij%.0s' {1..6})" | wc -l | tr -d ' ')"
"$qr" encode --split 17 -o "$work/x.png" hello 2>/dev/null; check "--split 17 exits 2" "2" "$?"

# Micro QR Code: --symbol micro and versions M1–M4, written and read back
micro="$("$qr" encode --symbol micro --ecc L --format txt --border 0 12345)"
check "--symbol micro picks M1 (11×11)" "11 11" "$(echo "$micro" | wc -l) $(echo "$micro" | head -1 | tr -d '\n' | wc -c)"
check "Micro QR draws a 2-module quiet zone (M2: 13 + 4 rows)" "17" "$("$qr" encode --version M2 --format txt HELLO | wc -l | tr -d ' ')"
check "--version M4 is 17×17" "17" "$("$qr" encode --version M4 --format txt --border 0 hello | wc -l | tr -d ' ')"
"$qr" encode --symbol micro --ecc H 1 >/dev/null 2>"$work/err"; check "a level Micro QR lacks exits 1" "1" "$?"
check "the level error names the version" "1" "$(grep -c "Micro QR M4 has no level H" "$work/err")"
"$qr" encode --symbol micro --mask 4 1 >/dev/null 2>&1; check "a Micro QR mask beyond 3 exits 2" "2" "$?"

# rMQR: --symbol rmqr, sizes R7x43…R17x139, --max-height
rmqr="$("$qr" encode --symbol rmqr --format txt --border 0 12345)"
check "--symbol rmqr picks R11x27 (the smallest area)" "11 27" "$(echo "$rmqr" | wc -l) $(echo "$rmqr" | head -1 | tr -d '\n' | wc -c)"
check "--max-height 7 keeps to 7 rows" "7" "$("$qr" encode --symbol rmqr --max-height 7 --format txt --border 0 12345 | wc -l | tr -d ' ')"
check "--version R13x99 is 13×99" "13 99" \
  "$("$qr" encode --version R13x99 --format txt --border 0 hi | wc -l | tr -d ' ') $("$qr" encode --version R13x99 --format txt --border 0 hi | head -1 | tr -d '\n' | wc -c | tr -d ' ')"
"$qr" encode --version R12x43 x >/dev/null 2>&1; check "an undefined rMQR size exits 2" "2" "$?"
"$qr" encode --symbol rmqr --ecc L x >/dev/null 2>"$work/err"; check "a level rMQR lacks exits 1" "1" "$?"
check "the rMQR level error names M and H" "1" "$(grep -c "rMQR offers M and H" "$work/err")"
"$qr" encode --symbol qr --max-height 9 x >/dev/null 2>&1; check "--max-height without rMQR exits 2" "2" "$?"
"$qr" encode --symbol rmqr --max-height 5 x >/dev/null 2>&1; check "--max-height below 7 exits 2" "2" "$?"
"$qr" encode --symbol rmqr --max-height 9 -o "$work/r.png" "LOT 4711 exp 12/29"
check "an rMQR Code reads back" "LOT 4711 exp 12/29" "$("$qr" decode "$work/r.png")"
check "decode --json says rmqr" '"symbol": "rmqr"' "$("$qr" decode --json "$work/r.png" | grep -o '"symbol": "rmqr"')"
"$qr" encode --min-version M2 --max-version 3 1 >/dev/null 2>&1; check "mixed version kinds exit 2" "2" "$?"
check "decode --json names the symbol" '"symbol": "qr"' "$("$qr" decode --json "$work/a.png" | grep -o '"symbol": "qr"')"
"$qr" encode --version M3 -o "$work/m3.png" "Micro 42"
check "a Micro QR Code reads back" "Micro 42" "$("$qr" decode "$work/m3.png")"
check "decode --json says micro" '"symbol": "micro"' "$("$qr" decode --json "$work/m3.png" | grep -o '"symbol": "micro"')"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
