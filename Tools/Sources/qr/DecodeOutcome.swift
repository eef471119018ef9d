import Foundation
import QRCore
import QRServer

/// What `qr decode` found in one file, and how to print it.
struct DecodeOutcome {
    enum Status { case found, noCode, unreadable }

    let file: String
    var results: [DecodedSymbol] = []
    var error: String?
    var milliseconds: Double?

    var status: Status {
        if error != nil { return .unreadable }
        return results.isEmpty ? .noCode : .found
    }

    /// Reads and decodes `file` ('-' is standard input). Only the decoding is
    /// timed: reading the file and decoding the image format are not.
    static func read(_ file: String, with reader: QRReader) -> DecodeOutcome {
        var outcome = DecodeOutcome(file: file)
        let image: GrayImage
        do {
            if file == "-" {
                image = try GrayImage(imageData: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
            } else {
                image = try GrayImage(contentsOfFile: file)
            }
        } catch {
            outcome.error = "\(error)"
            return outcome
        }
        let clock = ContinuousClock()
        var results: [DecodedSymbol] = []
        let elapsed = clock.measure { results = reader.read(image) }
        outcome.results = results
        outcome.milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return outcome
    }

    func printPlain(showingName: Bool) {
        if let error {
            StandardError.write("qr: \(file): \(error)")
            return
        }
        if results.isEmpty { StandardError.write("qr: \(file): no QR code found") }
        for result in results { print(showingName ? "\(file): \(result.text)" : result.text) }
    }

    /// One JSON Lines record.
    func jsonLine() -> String {
        var fields = ["\"file\": \(JSONValue.string(file).text)"]
        fields.append("\"codes\": [" + results.map(Self.json).joined(separator: ", ") + "]")
        if let milliseconds { fields.append("\"decode_ms\": " + String(format: "%.3f", milliseconds)) }
        if let error { fields.append("\"error\": \(JSONValue.string(error).text)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func json(_ result: DecodedSymbol) -> String {
        let corners = result.corners.points.map {
            "[" + String(format: "%.1f", $0.x) + ", " + String(format: "%.1f", $0.y) + "]"
        }
        var fields = [
            "\"text\": \(JSONValue.string(result.text).text)",
            "\"bytes_base64\": \"\(Data(result.bytes).base64EncodedString())\"",
            "\"charset\": \"\(result.characterSet.name)\"",
            "\"symbol\": \"\(result.version.kind)\"",
            "\"model\": \(result.model.number)",
            "\"version\": \(result.version.number)",
            "\"ecc\": \"\(result.correctionLevel.letter)\"",
            "\"mask\": \(result.mask.number)",
            "\"corners\": [" + corners.joined(separator: ", ") + "]",
            "\"mirrored\": \(result.isMirrored)",
            "\"inverted\": \(result.isInverted)",
            "\"errors_corrected\": \(result.errorsCorrected)",
        ]
        if let part = result.structuredAppend {
            fields.append(
                "\"structured_append\": {\"index\": \(part.index), \"count\": \(part.count), \"parity\": \(part.parity)}"
            )
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
