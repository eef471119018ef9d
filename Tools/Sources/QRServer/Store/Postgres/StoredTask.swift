import Foundation
import NIOCore

/// A task's row as read back: its kind and, once finished, its outcome.
struct StoredTask: Sendable {
    let snapshot: TaskSnapshot

    /// - Parameter columns: `kind`, `format`, `state`, `result`, `result_json`.
    /// - Throws: ``StoredTaskError`` for a row this program did not write.
    init(_ columns: (String, String?, String, ByteBuffer?, String?)) throws {
        let (kindName, formatName, state, result, resultJSON) = columns
        let kind: TaskKind
        switch (kindName, formatName.flatMap(OutputFormat.init(rawValue:))) {
        case let ("generate", format?): kind = .generate(format)
        case ("decode", _): kind = .decode
        default: throw StoredTaskError(detail: "kind \(kindName), format \(formatName ?? "none")")
        }
        switch state {
        case "queued": snapshot = TaskSnapshot(kind: kind, state: .pending)
        case "running": snapshot = TaskSnapshot(kind: kind, state: .running)
        case "succeeded":
            switch kind {
            case let .generate(format):
                snapshot = TaskSnapshot(
                    kind: kind, state: .finished(.image(format, Array(result?.readableBytesView ?? []))))
            case .decode:
                snapshot = TaskSnapshot(kind: kind, state: .finished(.codes(.raw(resultJSON ?? "[]"))))
            }
        case "failed":
            let failure = try JSONDecoder().decode(TaskFailure.self, from: Data((resultJSON ?? "").utf8))
            snapshot = TaskSnapshot(kind: kind, state: .finished(.failure(failure)))
        default:
            throw StoredTaskError(detail: "state \(state)")
        }
    }
}

/// A row the store cannot read.
struct StoredTaskError: Error, CustomStringConvertible {
    let detail: String
    var description: String { "unreadable task row: \(detail)" }
}

/// An outcome in the columns that keep it: `state`, `result`, `result_json`.
struct StoredOutcome: Sendable {
    let state: String
    let result: ByteBuffer?
    let resultJSON: String?

    init(_ outcome: TaskOutcome) {
        switch outcome {
        case let .image(_, bytes):
            (state, result, resultJSON) = ("succeeded", ByteBuffer(bytes: bytes), nil)
        case let .codes(codes):
            (state, result, resultJSON) = ("succeeded", nil, codes.text)
        case let .failure(failure):
            (state, result, resultJSON) = ("failed", nil, Self.json(failure))
        }
    }

    /// A failure as JSON; every field is a string or a number, so encoding cannot fail.
    static func json(_ failure: TaskFailure) -> String {
        (try? JSONEncoder().encode(failure)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"message":"failed"}"#
    }
}

extension TaskID {
    /// The same 128 bits as a UUID column holds them.
    var uuid: UUID {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for value in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    init(uuid: UUID) {
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        self.init(
            high: bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) },
            low: bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// A UUID's text (`8-4-4-4-12` hexadecimal digits, as `id::text` writes it).
    init?(uuidText text: some StringProtocol) {
        self.init(String(text.filter { $0 != "-" }))
    }
}
