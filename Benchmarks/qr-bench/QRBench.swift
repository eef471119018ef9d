import ArgumentParser
import Foundation
import QRCore

/// `qr-bench`: how fast QRCore encodes, measured per symbol in this process.
@main
struct QRBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr-bench",
        abstract: "Measure QRCore's speed on the benchmark payloads.",
        discussion: """
            Build in release mode: swift run -c release qr-bench
            Workloads, for every payload of Fixtures/bench/payloads.json:
              encode/NAME   text → module matrix (automatic version and mask)
              png/NAME      text → PNG at scale 10, border 4
            and decode/photo-640x480 (Fixtures/bench/photo-640x480.png, pixels in
            memory → results), plus decode/FILE for every PNG of --decode-dir.
            """)

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Path to payloads.json.")
    var payloads: String = Payload.defaultPath

    @Option(help: "Milliseconds to spend measuring each workload.")
    var budgetMs: Int = 700

    @Option(help: "Also decode every PNG in this folder, timing each.")
    var decodeDir: String?

    func run() throws {
        let timing = Timing(budget: .milliseconds(budgetMs))
        var results: [WorkloadResult] = []
        for payload in try Payload.load(from: payloads) {
            results.append(try encodeWorkload(payload, timing: timing))
        }
        for payload in try Payload.load(from: payloads) {
            results.append(try pngWorkload(payload, timing: timing))
        }
        results.append(try decodeWorkload(name: "photo-640x480", path: Payload.fixture("photo-640x480.png"), timing: timing))
        if let decodeDir {
            results += try DecodeDirectory(path: decodeDir).files().map { file in
                try decodeWorkload(name: file.name, path: file.path, timing: timing)
            }
        }
        print(json ? WorkloadResult.json(results) : WorkloadResult.table(results))
    }

    private func pngWorkload(_ payload: Payload, timing: Timing) throws -> WorkloadResult {
        let png = try QRCode(text: payload.text, correction: payload.correction).pngData()
        let micros = try timing.microsecondsPerCall {
            blackHole(try QRCode(text: payload.text, correction: payload.correction).pngData())
        }
        return WorkloadResult(name: "png/\(payload.name)", microsecondsPerOp: micros, bytes: png.count,
                              detail: "scale 10, border 4")
    }

    private func decodeWorkload(name: String, path: String, timing: Timing) throws -> WorkloadResult {
        let image = try GrayImage(contentsOfFile: path)
        let reader = QRReader()
        let found = reader.read(image).count
        let micros = timing.microsecondsPerCall { blackHole(reader.read(image)) }
        return WorkloadResult(name: "decode/\(name)", microsecondsPerOp: micros,
                              detail: "\(image.width)×\(image.height), \(found) code\(found == 1 ? "" : "s")")
    }

    private func encodeWorkload(_ payload: Payload, timing: Timing) throws -> WorkloadResult {
        let code = try QRCode(text: payload.text, correction: payload.correction)
        let micros = try timing.microsecondsPerCall {
            blackHole(try QRCode(text: payload.text, correction: payload.correction))
        }
        return WorkloadResult(name: "encode/\(payload.name)", microsecondsPerOp: micros,
                              detail: "v\(code.version)-\(code.correction) mask \(code.mask)")
    }
}

/// One line of the report.
struct WorkloadResult {
    var name: String
    var microsecondsPerOp: Double
    var bytes: Int? = nil
    var detail: String = ""

    static func table(_ results: [WorkloadResult]) -> String {
        var lines = ["workload                 µs/op      bytes  detail"]
        for result in results {
            let bytes = result.bytes.map(String.init) ?? "-"
            lines.append(result.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%9.2f", result.microsecondsPerOp)
                + bytes.leftPadded(to: 11) + "  " + result.detail)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [WorkloadResult]) -> String {
        let items = results.map { result -> String in
            var fields = ["\"name\": \"\(result.name)\"", String(format: "\"us_per_op\": %.3f", result.microsecondsPerOp)]
            if let bytes = result.bytes { fields.append("\"bytes\": \(bytes)") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return "{\"workloads\": [" + items.joined(separator: ", ") + "]}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
