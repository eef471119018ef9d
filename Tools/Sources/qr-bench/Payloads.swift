import Foundation
import QRCore

/// A benchmark payload: the text to encode and the level to encode it at.
struct Payload: Decodable {
    let name: String
    let ecc: String
    let text: String

    var correctionLevel: ErrorCorrectionLevel { ErrorCorrectionLevel(letter: ecc) ?? .medium }

    /// Reads `payloads.json` (a JSON array of `{"name", "ecc", "text"}`).
    static func load(from path: String) throws -> [Payload] {
        try JSONDecoder().decode([Payload].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The payloads shipped in Fixtures/bench, found from the working directory
    /// or beside the package that built this executable.
    static var defaultPath: String { fixture("payloads.json") }

    /// A file of Fixtures/bench, from the working directory or beside the
    /// package that built this executable.
    static func fixture(_ name: String) -> String {
        let relative = "Fixtures/bench/" + name
        if FileManager.default.fileExists(atPath: relative) { return relative }
        // Tools/Sources/qr-bench/Payloads.swift: the repository root is four levels up.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root = root.deletingLastPathComponent() }
        return root.appendingPathComponent(relative).path
    }
}

/// The PNG files of a folder, for `--decode-dir`.
struct DecodeDirectory {
    let path: String

    func files() throws -> [(name: String, path: String)] {
        try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.lowercased().hasSuffix(".png") }
            .sorted()
            .map { ($0, (path as NSString).appendingPathComponent($0)) }
    }
}
