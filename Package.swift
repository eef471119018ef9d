// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "QRCore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "QRCore", targets: ["QRCore"]),
        .executable(name: "qr", targets: ["qr"]),
        .executable(name: "qr-bench", targets: ["qr-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .executableTarget(
            name: "qr",
            dependencies: [
                "QRCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "qr-bench",
            dependencies: [
                "QRCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/qr-bench"
        ),
        .testTarget(name: "QRCoreTests", dependencies: ["QRCore"]),
    ],
    swiftLanguageModes: [.v6]
)
