import QRCore

/// The per-operation workloads: one call at a time on this thread, the
/// median microseconds per call of ``Timing``.
///   encode/NAME           text → module matrix (automatic version and mask)
///   png/NAME              text → PNG at scale 10, border 4
///   decode/photo-640x480  Fixtures/bench/photo-640x480.png, pixels in memory → results
///   decode/FILE           every PNG of --decode-dir, the same way
struct PerOperationSuite {
    var payloads: [Payload]
    var decodeFiles: [(name: String, path: String)]
    var timing: Timing

    func run() throws -> [WorkloadResult] {
        var results = try payloads.map(encodeWorkload)
        results += try payloads.map(pngWorkload)
        results += try decodeFiles.map { try decodeWorkload(name: $0.name, path: $0.path) }
        return results
    }

    private func encodeWorkload(_ payload: Payload) throws -> WorkloadResult {
        let code = try QRCode(text: payload.text, correctionLevel: payload.correctionLevel)
        let micros = try timing.microsecondsPerCall {
            blackHole(try QRCode(text: payload.text, correctionLevel: payload.correctionLevel))
        }
        return WorkloadResult(
            name: "encode/\(payload.name)", microsecondsPerOp: micros,
            detail: "v\(code.version)-\(code.correctionLevel) mask \(code.mask)")
    }

    private func pngWorkload(_ payload: Payload) throws -> WorkloadResult {
        let png = try QRCode(text: payload.text, correctionLevel: payload.correctionLevel).pngData()
        let micros = try timing.microsecondsPerCall {
            blackHole(try QRCode(text: payload.text, correctionLevel: payload.correctionLevel).pngData())
        }
        return WorkloadResult(
            name: "png/\(payload.name)", microsecondsPerOp: micros, bytes: png.count,
            detail: "scale 10, border 4")
    }

    private func decodeWorkload(name: String, path: String) throws -> WorkloadResult {
        let image = try GrayImage(contentsOfFile: path)
        let reader = QRReader()
        let found = reader.read(image).count
        let micros = timing.microsecondsPerCall { blackHole(reader.read(image)) }
        return WorkloadResult(
            name: "decode/\(name)", microsecondsPerOp: micros,
            detail: "\(image.width)×\(image.height), \(found) code\(found == 1 ? "" : "s")")
    }
}
