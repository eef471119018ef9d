/// A character set of one byte per character that agrees with ASCII below
/// 0x80: code page 437, the ISO-8859 parts and the Windows code pages that
/// ECI assignments 0–24 name (AIM ECI, ISO/IEC 18004:2015 §7.4.2).
///
/// The tables are generated into `SingleByteTables.swift`. Two charsets are
/// equal when their names are.
struct SingleByteCharset: Sendable, Hashable {
    /// The IANA name, e.g. "ISO-8859-2".
    let name: String
    /// The characters of bytes 0x80…0xFF; U+FFFD where the byte is undefined.
    private let upperHalf: [Unicode.Scalar]

    /// Creates a charset from the 128 characters of bytes 0x80…0xFF.
    init(name: String, upperHalf: String) {
        self.name = name
        self.upperHalf = Array(upperHalf.unicodeScalars)
        assert(self.upperHalf.count == 128, "a single-byte table needs 128 characters")
    }

    /// US-ASCII (ECI 27, and ISO/IEC 646 invariant, ECI 170): bytes above 0x7F are invalid.
    static let ascii = SingleByteCharset(name: "US-ASCII", upperHalf: String(repeating: "\u{FFFD}", count: 128))

    /// The bytes as text; undefined bytes become U+FFFD.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : upperHalf[Int(byte) - 0x80])
        }
        return String(scalars)
    }

    static func == (lhs: SingleByteCharset, rhs: SingleByteCharset) -> Bool { lhs.name == rhs.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
