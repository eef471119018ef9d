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
        // Only the QRServer target (and so `qr serve`) uses Hummingbird: a package
        // that depends on the QRCore product alone never builds it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
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
        // `qr serve`: the HTTP service and its web page.
        .target(
            name: "QRServer",
            dependencies: [
                "QRCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "qr",
            dependencies: [
                "QRCore",
                "QRServer",
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
        .testTarget(
            name: "QRServerTests",
            dependencies: [
                "QRCore",
                "QRServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
