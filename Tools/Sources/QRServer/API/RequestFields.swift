#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The named fields of a request, from a JSON object or a query string, with
/// typed accessors that refuse a bad value with a 400 naming the field.
///
/// JSON values keep their JSON types (`"version": "5"` is refused); query
/// values are text, and the integer accessor parses them.
struct RequestFields {
    /// One field's value as it arrived.
    enum Value: Decodable {
        case string(String)
        case integer(Int)
        case number(Double)
        case bool(Bool)
        case null
        /// An array or an object: never a valid field value here.
        case structure

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let integer = try? container.decode(Int.self) {
                self = .integer(integer)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .structure
            }
        }

        var typeName: String {
            switch self {
            case .string: "a string"
            case .integer, .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            case .structure: "an array or object"
            }
        }
    }

    private let values: [String: Value]
    /// Whether text may stand for a number (a query), or must not (JSON).
    private let readsNumbersFromText: Bool

    /// The members of a JSON object.
    /// - Throws: 400 for malformed JSON or a document that is not an object.
    init(json body: [UInt8]) throws(APIError) {
        guard !body.isEmpty else { throw .badField("body", "empty; send a JSON object such as {\"text\": \"hello\"}") }
        do {
            values = try JSONDecoder().decode([String: Value].self, from: Data(body))
            readsNumbersFromText = false
        } catch Swift.DecodingError.typeMismatch {
            throw .badField("body", "must be a JSON object")
        } catch {
            throw .badField("body", "malformed JSON")
        }
    }

    /// The parameters of a URL query (`application/x-www-form-urlencoded`:
    /// `+` is a space, `%XX` a byte, and the bytes must be UTF-8).
    /// - Throws: 400 for a bad escape or a name given twice.
    init(query: String?) throws(APIError) {
        var values: [String: Value] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecode(parts[0]) else { throw .badField("query", "bad percent-encoding") }
            guard let value = Self.formDecode(parts.count > 1 ? parts[1] : "") else {
                throw .badField(name, "bad percent-encoding or not UTF-8")
            }
            guard values[name] == nil else { throw .badField(name, "given more than once") }
            values[name] = .string(value)
        }
        self.values = values
        readsNumbersFromText = true
    }

    /// Refuses a field this endpoint does not know (a misspelt option would
    /// otherwise be ignored without a word).
    func allowOnly(_ known: [String]) throws(APIError) {
        for name in values.keys.sorted() where !known.contains(name) {
            throw .badField(name, "unknown field; known fields are " + known.joined(separator: ", "))
        }
    }

    /// A text field; nil when absent or null.
    func string(_ name: String) throws(APIError) -> String? {
        switch values[name] {
        case nil, .null?: return nil
        case let .string(text)?: return text
        case let other?: throw .badField(name, "must be a string, not \(other.typeName)")
        }
    }

    /// An integer field within `range`; nil when absent or null.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        let number: Int
        switch values[name] {
        case nil, .null?: return nil
        case let .integer(value)?: number = value
        case let .string(text)? where readsNumbersFromText:
            guard let value = Int(text) else { throw .badField(name, "must be an integer, not \"\(text)\"") }
            number = value
        case let other?: throw .badField(name, "must be an integer, not \(other.typeName)")
        }
        guard range.contains(number) else {
            throw .badField(name, "\(number) is outside \(range.lowerBound)–\(range.upperBound)")
        }
        return number
    }

    /// A yes/no flag: JSON booleans, or `1`, `0`, `true`, `false` in a query.
    func flag(_ name: String) throws(APIError) -> Bool? {
        switch values[name] {
        case nil, .null?: return nil
        case let .bool(flag)?: return flag
        case let .integer(value)? where value == 0 || value == 1: return value == 1
        case let .string(text)? where readsNumbersFromText:
            switch text.lowercased() {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            default: throw .badField(name, "must be 1 or 0, not \"\(text)\"")
            }
        case let other?: throw .badField(name, "must be 1 or 0, not \(other.typeName)")
        }
    }

    /// Form decoding of one name or value; nil for a bad escape or bytes
    /// that are not UTF-8.
    private static func formDecode(_ encoded: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.utf8.count)
        var iterator = encoded.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(HexDigit.value),
                    let low = iterator.next().flatMap(HexDigit.value)
                else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
