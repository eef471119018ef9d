import Benchmark
import Foundation
import QRCore

/// The four stages that qr-bench times end to end, measured one call at a
/// time with wall clock, instructions and allocations:
///   encode     url-H text → module matrix (automatic version and mask)
///   png        url-H text → PNG at scale 10, border 4
///   rs-decode  a version 10-H grid with 30 flipped modules → content
///              (QRDecoder.decode: Reed–Solomon correction dominates)
///   decode     Fixtures/bench/photo-640x480.png, pixels in memory → codes
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .throughput],
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    Benchmark("encode url-H") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try QRCode(text: Inputs.url, correctionLevel: .high))
        }
    }

    // The family against QR Code at about the same data capacity (issue 13's
    // bar: Micro QR and rMQR no slower per symbol than QR for as many bits):
    // M4-L holds 128 data bits, QR 1-L 152; R17x139-M 1,216, QR 8-M 1,232.
    let m4 = try! QRVersion.micro(4), r17x139 = try! QRVersion.rmqr(height: 17, width: 139)
    let family: [(String, String, EncodingOptions)] = [
        ("micro M4-L", "MICRO QR 2026", EncodingOptions(correctionLevel: .low, versions: m4...m4)),
        ("qr 1-L", "MICRO QR 2026", EncodingOptions(correctionLevel: .low, versions: 1...1)),
        ("rmqr R17x139-M", Inputs.longText, EncodingOptions(versions: r17x139...r17x139, boostsCorrection: false)),
        ("qr 8-M", Inputs.longText, EncodingOptions(versions: 8...8, boostsCorrection: false)),
    ]
    for (name, text, options) in family {
        Benchmark("encode \(name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try QRCode(text: text, options: options)) }
        }
    }

    Benchmark("png url-H") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try QRCode(text: Inputs.url, correctionLevel: .high).pngData(options: RenderOptions(scale: 10, border: 4)))
        }
    }

    Benchmark("rs-decode v10-H, 30 flipped modules") { benchmark, grid in
        for _ in benchmark.scaledIterations {
            blackHole(try QRDecoder.decode(grid))
        }
    } setup: {
        try Inputs.damagedGrid()
    }

    Benchmark("decode photo-640x480") { benchmark, image in
        let reader = QRReader()
        for _ in benchmark.scaledIterations {
            blackHole(reader.read(image))
        }
    } setup: {
        try GrayImage(contentsOfFile: Inputs.fixture("bench/photo-640x480.png"))
    }
}

/// What the benchmarks read, made once per benchmark, outside the measurement.
enum Inputs {
    static let url = "https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42"
    /// 144 bytes: fits R17x139-M and QR 8-M in one byte segment.
    static let longText = String(repeating: "rectangular ", count: 12)

    /// A file of the repository's Fixtures folder, found from this source file.
    static func fixture(_ relativePath: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    /// A version 10-H symbol with 30 modules flipped inside its data area
    /// (clear of the finders, format and version information), a few errors
    /// in each of its 8 blocks: well within their 14-codeword correction.
    static func damagedGrid() throws -> BitMatrix {
        let text = String(repeating: "QRCore micro-benchmark payload. ", count: 3)
        let options = EncodingOptions(correctionLevel: .high, versions: try QRVersion.range(10, 10))
        var grid = try QRCode(text: text, mode: .byte, options: options).modules
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var flipped = Set<Int>()
        while flipped.count < 30 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = 10 + Int(state >> 33) % (grid.width - 20), y = 10 + Int(state >> 13 & 0xFFFF) % (grid.width - 20)
            if flipped.insert(y * grid.width + x).inserted { grid[x, y].toggle() }
        }
        let corrected = try QRDecoder.decode(grid).errorsCorrected
        precondition(corrected > 0, "the damaged grid must need correcting")
        return grid
    }
}
