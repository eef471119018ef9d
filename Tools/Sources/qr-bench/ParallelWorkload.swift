import Foundation
import QRCore

/// A serial-versus-parallel workload: a cycle of jobs repeated to the job count.
///   generate    url-H of payloads.json → PNG, scale 10, border 4
///   decode      Fixtures/bench/photo-640x480.png, PNG bytes → codes
///   mixed       generate and decode, alternately
///   decode-dir  every PNG of --decode-dir in turn, PNG bytes → codes
struct ParallelWorkload {
    let name: String
    let detail: String
    let cycle: [BenchJob]
    /// The output size of one job, where it has one (the PNG of generate).
    let bytes: Int?

    /// `count` jobs: the cycle, repeated.
    func jobs(_ count: Int) -> [BenchJob] {
        (0..<count).map { cycle[$0 % cycle.count] }
    }

    /// The standard three: generate, decode and mixed.
    static func standard(payloads: [Payload], photoPath: String) throws -> [ParallelWorkload] {
        guard let url = payloads.first(where: { $0.name == "url-H" }) else {
            throw BenchFailure("payloads.json has no url-H payload")
        }
        let generate = BenchJob.generate(text: url.text, correctionLevel: url.correctionLevel)
        let png = try QRCode(text: url.text, correctionLevel: url.correctionLevel).pngData(options: BenchJob.rendering)
        let decode = BenchJob.decode(png: try readFile(photoPath))
        return [
            ParallelWorkload(
                name: "generate", detail: "url-H → PNG, scale 10, border 4", cycle: [generate], bytes: png.count),
            ParallelWorkload(name: "decode", detail: "photo-640x480.png → codes", cycle: [decode], bytes: nil),
            ParallelWorkload(
                name: "mixed", detail: "generate and decode alternately", cycle: [generate, decode], bytes: nil),
        ]
    }

    /// Every PNG of a folder, decoded in turn.
    static func decodeDirectory(_ files: [(name: String, path: String)]) throws -> ParallelWorkload {
        guard !files.isEmpty else { throw BenchFailure("--decode-dir has no PNG files") }
        let jobs = try files.map { BenchJob.decode(png: try readFile($0.path)) }
        return ParallelWorkload(name: "decode-dir", detail: "\(files.count) PNG files → codes", cycle: jobs, bytes: nil)
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
