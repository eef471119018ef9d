#!/bin/bash
# Builds QRCore's DocC documentation with the toolchain's docc, warnings as
# errors: a broken symbol link, an unknown parameter or a missing article
# fails the build. Run from the repository root. Output: .build-docs/QRCore.doccarchive
# (preview with `docc preview Sources/QRCore/QRCore.docc --additional-symbol-graph-dir .build-docs/symbol-graphs`).
#
# The toolchain's docc is used rather than swift-docc-plugin so that the
# package keeps no dependency: an app depending on QRCore resolves nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-docs
graphs="$PWD/$scratch/symbol-graphs"
# A clean scratch: symbol graphs are written only when QRCore is compiled.
rm -rf "$scratch"
mkdir -p "$graphs"

swift build --scratch-path "$scratch" --target QRCore \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" \
    -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public
# Only QRCore's own graphs: the C shims' are empty and would be warned about.
find "$graphs" -name '*.symbols.json' ! -name 'QRCore*' -delete

docc convert Sources/QRCore/QRCore.docc \
    --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name QRCore \
    --fallback-bundle-identifier org.qrcore.QRCore \
    --output-path "$scratch/QRCore.doccarchive" \
    --warnings-as-errors \
    --analyze
echo "documentation: $scratch/QRCore.doccarchive"
