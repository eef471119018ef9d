/// One pass of Shift JIS decoding that also says whether the bytes were
/// valid and how Japanese they look, for ``CharacterEncoding/guess(for:)``.
struct ShiftJISScan {
    /// The text, with U+FFFD for each invalid or unmapped byte.
    private(set) var text = ""
    /// Whether every byte was part of a mapped character.
    private(set) var isValid = true
    /// Double-byte characters whose lead byte is 0x81…0x9F.
    private(set) var lowLeadDoubleByteCount = 0

    init(_ bytes: ArraySlice<UInt8>) {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            } else if (0xA1...0xDF).contains(byte) {  // half-width katakana
                scalars.append(Unicode.Scalar(UInt32(byte) - 0xA1 + 0xFF61)!)
                index += 1
            } else if ShiftJIS.isLeadByte(byte), index + 1 < bytes.endIndex,
                      let scalar = ShiftJIS.scalar(forDoubleByte: UInt16(byte) << 8 | UInt16(bytes[index + 1])) {
                scalars.append(scalar)
                if byte <= 0x9F { lowLeadDoubleByteCount += 1 }
                index += 2
            } else {
                scalars.append("\u{FFFD}")
                isValid = false
                index += 1
            }
        }
        text = String(scalars)
    }
}
