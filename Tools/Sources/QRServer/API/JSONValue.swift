/// A JSON document to send, with object keys in the order given, so that
/// responses read the same every time. Written by hand rather than through
/// `JSONEncoder`: the responses are small and fixed in shape, and the hot
/// paths (`POST /generate`, `GET /result`) write one in a few microseconds.
/// Package-visible: `qr decode --json` writes its lines with it too.
package enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([Member])
    case null
    /// JSON text written earlier (a result kept by the PostgreSQL store),
    /// copied as it is.
    case raw(String)

    package struct Member: Sendable, Hashable {
        let key: String
        let value: JSONValue
    }

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }

    /// An object from key–value pairs in order.
    static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    /// The document as compact JSON text.
    package var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case let .string(string): Self.writeString(string, to: &out)
        case let .int(number): out += String(number)
        case let .double(number): out += number.isFinite ? "\(number)" : "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case let .raw(text): out += text
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// RFC 8259 §7: quote, backslash and control characters are escaped;
    /// everything else is written as UTF-8.
    private static func writeString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
