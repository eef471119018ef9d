// swift-tools-version:6.1
// QRCore, the library. It depends on no other package: the `qr` command, the
// server and the benchmark live in the nested package Tools/, so that an app
// using QRCore resolves and fetches nothing else.
import PackageDescription

let package = Package(
    name: "QRCore",
    // The lowest floors the APIs QRCore uses allow: ContinuousClock and
    // Duration (ParallelCodec's clock) set macOS 13, iOS 16, tvOS 16 and
    // watchOS 9; visionOS has them from 1.0. Scripts/check-availability.sh
    // checks it on Linux.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "QRCore", targets: ["QRCore"]),
        // What QRCore's tests share, public for packages that test code built
        // on QRCore: a seeded generator, a gate for worker threads, a manual clock.
        .library(name: "QRCoreTestSupport", targets: ["QRCoreTestSupport"]),
    ],
    traits: [
        .trait(name: "PNG", description: "Read PNG files with libpng. Writing PNG needs no C library."),
        .trait(name: "JPEG", description: "Read JPEG files with libjpeg-turbo."),
        .default(enabledTraits: ["PNG", "JPEG"]),
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
        // Its source compiles to nothing without the PNG trait.
        .target(
            name: "CQRPNG",
            dependencies: [.target(name: "CLibPNG", condition: .when(traits: ["PNG"]))],
            cSettings: [.define("QRCORE_PNG", .when(traits: ["PNG"]))]
        ),
        // libjpeg-turbo, found through pkg-config (Debian: libjpeg62-turbo-dev, Homebrew: jpeg-turbo).
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg62-turbo-dev"]), .brew(["jpeg-turbo"])]
        ),
        // The only code that calls libjpeg, which also reports errors by longjmp.
        .target(
            name: "CQRJPEG",
            dependencies: [.target(name: "CLibJPEG", condition: .when(traits: ["JPEG"]))],
            cSettings: [.define("QRCORE_JPEG", .when(traits: ["JPEG"]))]
        ),
        .target(
            name: "QRCore",
            dependencies: [
                .target(name: "CQRPNG", condition: .when(traits: ["PNG"])),
                .target(name: "CQRJPEG", condition: .when(traits: ["JPEG"])),
            ]
        ),
        .target(name: "QRCoreTestSupport", dependencies: ["QRCore"]),
        .testTarget(name: "QRCoreTests", dependencies: ["QRCore", "QRCoreTestSupport"]),
        // The public API as a user sees it (no @testable import): every code
        // example of the README and the documentation, compiled and run.
        .testTarget(name: "QRCorePublicAPITests", dependencies: ["QRCore"]),
    ],
    swiftLanguageModes: [.v6]
)
