/// Shift JIS (JIS X 0208), as used by the kanji mode (ISO/IEC 18004:2015 §7.4.6)
/// and by byte segments under ECI 20.
///
/// The character table is generated into `ShiftJISTable.swift`; this type
/// indexes it once, on first use, in both directions.
enum ShiftJIS {
    /// Number of trail-byte positions per lead byte: 0x40…0x7E and 0x80…0xFC.
    private static let trailsPerLead = 188

    /// Unicode scalar value per double-byte code, row-major by lead byte; 0 where unmapped.
    private static let decodeTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: doubleByteRows.count * trailsPerLead)
        for (row, characters) in doubleByteRows.enumerated() {
            for (column, scalar) in characters.unicodeScalars.enumerated() where scalar != "\u{FFFD}" {
                table[row * trailsPerLead + column] = UInt16(scalar.value)
            }
        }
        return table
    }()

    /// Double-byte code per Unicode scalar value, including the code page 932 spellings.
    /// Code page 932 repeats some characters (≒, ∵, Ⅰ, …) at NEC (0x87xx) and IBM
    /// (0xED–0xEE, 0xFA–0xFC) codes; the first code wins, as in cp932 encoders, so
    /// a JIS X 0208 character keeps its JIS code and stays inside the kanji ranges.
    private static let encodeTable: [UInt32: UInt16] = {
        var table: [UInt32: UInt16] = [:]
        table.reserveCapacity(8000)
        for (index, value) in decodeTable.enumerated() where value != 0 && table[UInt32(value)] == nil {
            table[UInt32(value)] = code(atTableIndex: index)
        }
        for alternate in windowsAlternates { table[alternate.scalar] = alternate.code }
        return table
    }()

    /// Whether `byte` starts a double-byte character.
    static func isLeadByte(_ byte: UInt8) -> Bool {
        (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
    }

    /// The character of a double-byte code, or nil if the code is unmapped.
    static func scalar(forDoubleByte code: UInt16) -> Unicode.Scalar? {
        guard let index = tableIndex(of: code), decodeTable[index] != 0 else { return nil }
        return Unicode.Scalar(decodeTable[index])
    }

    /// The double-byte code of a character, or nil if JIS X 0208 lacks it.
    static func doubleByteCode(for scalar: Unicode.Scalar) -> UInt16? {
        encodeTable[scalar.value]
    }

    /// The 13-bit kanji-mode value of a character (§7.4.6): its Shift JIS code
    /// minus 0x8140 or 0xC140, with the high byte multiplied by 0xC0 and added
    /// to the low byte. Nil when the character has no code in the two ranges
    /// that kanji mode covers (0x8140…0x9FFC and 0xE040…0xEBBF).
    static func kanjiValue(for scalar: Unicode.Scalar) -> UInt16? {
        guard let code = doubleByteCode(for: scalar) else { return nil }
        let offset: UInt16
        switch code {
        case 0x8140...0x9FFC: offset = 0x8140
        case 0xE040...0xEBBF: offset = 0xC140
        default: return nil
        }
        let value = code - offset
        return (value >> 8) * 0xC0 + (value & 0xFF)
    }

    /// The Shift JIS code of a 13-bit kanji-mode value (the inverse of ``kanjiValue(for:)``).
    static func code(forKanjiValue value: UInt16) -> UInt16 {
        let assembled = (value / 0xC0) << 8 | (value % 0xC0)
        return assembled + (assembled < 0x1F00 ? 0x8140 : 0xC140)
    }

    private static func tableIndex(of code: UInt16) -> Int? {
        let lead = Int(code >> 8), trail = Int(code & 0xFF)
        let row: Int
        switch lead {
        case 0x81...0x9F: row = lead - 0x81
        case 0xE0...0xFC: row = lead - 0xE0 + 0x1F
        default: return nil
        }
        let column: Int
        switch trail {
        case 0x40...0x7E: column = trail - 0x40
        case 0x80...0xFC: column = trail - 0x41
        default: return nil
        }
        return row * trailsPerLead + column
    }

    private static func code(atTableIndex index: Int) -> UInt16 {
        let row = index / trailsPerLead, column = index % trailsPerLead
        let lead = row < 0x1F ? 0x81 + row : 0xE0 + row - 0x1F
        let trail = column < 0x3F ? 0x40 + column : 0x41 + column
        return UInt16(lead << 8 | trail)
    }
}
