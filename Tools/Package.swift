// swift-tools-version:6.1
// The programs built on QRCore: the `qr` command (encode, decode, serve), the
// HTTP service behind `qr serve`, and the `qr-bench` benchmark. A package of
// its own, depending on the library at the repository root by path, so that
// a package using the QRCore product resolves none of these dependencies.
import PackageDescription

let package = Package(
    name: "QRCoreTools",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qr", targets: ["qr"]),
        .executable(name: "qr-bench", targets: ["qr-bench"]),
    ],
    dependencies: [
        .package(name: "QRCore", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
    ],
    targets: [
        // `qr serve`: the HTTP service and its web page.
        .target(
            name: "QRServer",
            dependencies: [
                .product(name: "QRCore", package: "QRCore"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // A pthread-backed lock box, visible to ThreadSanitizer.
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                // The PostgreSQL job store (`--store postgres://…`).
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "qr",
            dependencies: [
                "QRServer",
                .product(name: "QRCore", package: "QRCore"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "qr-bench",
            dependencies: [
                .product(name: "QRCore", package: "QRCore"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QRServerTests",
            dependencies: [
                "QRServer",
                .product(name: "QRCore", package: "QRCore"),
                .product(name: "QRCoreTestSupport", package: "QRCore"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
