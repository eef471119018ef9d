#!/usr/bin/env bash
# Checks on Linux that QRCore type-checks for macOS, iOS, tvOS, watchOS and
# visionOS at the floors Package.swift declares, and fails one release below
# each floor that an API sets (so the floors are the lowest the APIs allow).
#
# There is no Apple SDK here. The check retargets the toolchain's own standard
# library interfaces (which keep Apple's @available annotations) to each Apple
# platform, and stands in for Darwin with the few C declarations QRCore uses
# (Scripts/availability/): availability and Darwin-only signatures (pthread,
# mode_t) are checked; nothing is linked.
#
#   Scripts/check-availability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
here=Scripts/availability
work="${TMPDIR:-/tmp}/qrcore-availability"
lib="$(dirname "$(dirname "$(command -v swiftc)")")/lib/swift"
rm -rf "$work" && mkdir -p "$work/res" "$work/cdarwin" "$work/overlay" "$work/cqrpng"

# The standard library's interfaces, retargeted. Their own deployment target is
# set high, and the few declarations that the Linux interfaces cannot rebuild for
# an Apple target (bodiless @backDeployed, Failure witnesses) are dropped: none is
# API that QRCore can call.
retarget() {  # SDKDIR TRIPLE VERSION+ENVIRONMENT ENVIRONMENT
  for module in Swift _Concurrency _StringProcessing _RegexParser SwiftOnoneSupport Synchronization; do
    mkdir -p "$work/res/$1/$module.swiftmodule"
    out="$work/res/$1/$module.swiftmodule/$2$4.swiftinterface"
    sed -E -e "s/-target x86_64-unknown-linux-gnu/-target $2$3/" -e "s/-target-min-inlining-version min/-target-min-inlining-version target/" -e 's/^\s*@backDeployed\(.*\)\s*$//' \
      "$lib/linux/$module.swiftmodule/x86_64-unknown-linux-gnu.swiftinterface" > "$out"
    perl -0pi -e 's/[ \t]*\@available\([^)]*\)\n[ \t]*\@_implements\(_Concurrency\.Async\w+, Failure\)[^\n]*\n//g' "$out"
  done
}
cp -r "$lib/shims" "$work/res/shims"
ln -s "$lib/clang" "$work/res/clang"

cp "$here/darwin_stub.h" "$work/cdarwin/"
echo 'module CDarwin [system] { header "darwin_stub.h" export * }' > "$work/cdarwin/module.modulemap"
sed -e 's/#include <stddef.h>/typedef unsigned long size_t;/' \
    -e 's/#include <stdint.h>/typedef unsigned char uint8_t; typedef unsigned int uint32_t; typedef unsigned long long uint64_t;/' \
    Sources/CQRPNG/include/CQRPNG.h > "$work/cqrpng/CQRPNG.h"
echo 'module CQRPNG { header "CQRPNG.h" export * }' > "$work/cqrpng/module.modulemap"

# platform, SDK folder, triple without version, environment. visionOS is
# checked through iOS 17, which its 1.0 matches API for API: the compiler maps
# iOS availability to visionOS only with an SDK's version map, which is not
# here, and every standard library API that is later on visionOS (2.0) is
# later on iOS too (18).
platforms=(
  "macOS     macosx           x86_64-apple-macos   ''"
  "iOS       iphonesimulator  x86_64-apple-ios     -simulator"
  "tvOS      appletvsimulator x86_64-apple-tvos    -simulator"
  "watchOS   watchsimulator   x86_64-apple-watchos -simulator"
  "visionOS  iphonesimulator  x86_64-apple-ios     -simulator"
)

floor() {  # the version Package.swift declares for platform $1, as 13.0
  grep -oE "\.$1\(\.v[0-9_]+\)" Package.swift | grep -oE "v[0-9_]+" | sed -e 's/^v//' -e 's/_/./' -e 's/^\([0-9]*\)$/\1.0/'
}

typecheck() {  # SDKDIR TRIPLE VERSION ENV → diagnostics on stdout, status
  "$lib/../../bin/swiftc" -emit-module -module-name Darwin -parse-as-library -target "$2$3$4" \
    -resource-dir "$work/res" -Xfrontend -disable-objc-interop -I "$work/cdarwin" \
    -o "$work/overlay/Darwin.swiftmodule" "$here/DarwinOverlay.swift" 2>&1 || return 1
  "$lib/../../bin/swiftc" -typecheck -module-name QRCore -package-name QRCore -swift-version 6 \
    -target "$2$3$4" -resource-dir "$work/res" -Xfrontend -disable-objc-interop \
    -I "$work/overlay" -I "$work/cdarwin" -I "$work/cqrpng" $(find Sources/QRCore -name '*.swift') 2>&1
}

# Runtime features (typed throws in generic function types, for one) are
# checked when SIL is generated, not by the type checker: SILGen once, at the
# macOS floor, whose runtime the other floors match release for release.
silgen() {  # TRIPLE-WITH-VERSION
  "$lib/../../bin/swiftc" -emit-sil -wmo -o "$work/QRCore.sil" -module-name QRCore -package-name QRCore \
    -swift-version 6 -target "$1" -resource-dir "$work/res" -Xfrontend -disable-objc-interop \
    -I "$work/overlay" -I "$work/cdarwin" -I "$work/cqrpng" $(find Sources/QRCore -name '*.swift') 2>&1
}

failures=0
for entry in "${platforms[@]}"; do
  read -r name sdk triple env <<<"$entry"
  env="${env//\'/}"
  version="$(floor "$name")"
  [ -n "$version" ] || { echo "FAIL $name: no floor declared in Package.swift"; failures=$((failures + 1)); continue; }
  declared="$version"
  [ "$name" = visionOS ] && { [ "$version" = 1.0 ] || { echo "FAIL visionOS: only 1.0 is checked"; exit 1; }; version=17.0; }
  retarget "$sdk" "$triple" "99.0$env" "$env"
  if out="$(typecheck "$sdk" "$triple" "$version" "$env")"; then
    echo "ok   $name $declared: QRCore type-checks"
    if [ "$name" = macOS ]; then
      if out="$(silgen "$triple$version")"; then echo "ok   $name $declared: SIL generated (runtime features)"
      else echo "FAIL $name $declared: SILGen:"; echo "$out" | grep error | head; failures=$((failures + 1)); fi
    fi
  else
    echo "FAIL $name $declared:"; echo "$out" | grep -E "error" | sort -u | head -20; failures=$((failures + 1))
  fi
  [ "$name" = visionOS ] && continue  # 1.0 is the first release
  below="$((${version%%.*} - 1)).0"
  if out="$(typecheck "$sdk" "$triple" "$below" "$env")"; then
    echo "FAIL $name $below also type-checks: the floor $declared is higher than the APIs need"; failures=$((failures + 1))
  else
    reason="$(echo "$out" | grep -oE "'[^']+' is only available in $name [0-9.]+ or newer" | sort -u | head -1)"
    [ -n "$reason" ] || { echo "FAIL $name $below: failed for another reason than availability:"; echo "$out" | grep error | head -5; failures=$((failures + 1)); continue; }
    echo "ok   $name $below is too low: $reason"
  fi
done
exit $((failures > 0))
