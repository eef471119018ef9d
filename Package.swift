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
        // libjpeg-turbo, found through pkg-config (Debian: libjpeg62-turbo-dev, Homebrew: jpeg-turbo).
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg62-turbo-dev"]), .brew(["jpeg-turbo"])]
        ),
        // The only code that calls libjpeg, which also reports errors by longjmp.
        .target(name: "CQRJPEG", dependencies: ["CLibJPEG"]),
        .target(name: "QRCore", dependencies: ["CQRPNG", "CQRJPEG"]),
        .testTarget(name: "QRCoreTests", dependencies: ["QRCore"]),
    ],
    swiftLanguageModes: [.v6]
)
