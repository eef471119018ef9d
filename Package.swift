// swift-tools-version:6.1
// QRCore, the library. It depends on no other package: the `qr` command, the
// server and the benchmark live in the nested package Tools/, so that an app
// using QRCore resolves and fetches nothing else.
import PackageDescription

let package = Package(
    name: "QRCore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "QRCore", targets: ["QRCore"]),
    ],
    targets: [
        // libpng, found through pkg-config (Debian: libpng-dev, Homebrew: libpng).
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),
        // The only code that calls libpng. libpng reports errors by longjmp, which
        // must never cross Swift frames, so every setjmp lives in this C target.
        .target(name: "CQRPNG", dependencies: ["CLibPNG"]),
        .target(name: "QRCore", dependencies: ["CQRPNG"]),
        .testTarget(name: "QRCoreTests", dependencies: ["QRCore"]),
    ],
    swiftLanguageModes: [.v6]
)
