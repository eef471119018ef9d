/// A multi-byte character set of the Big5 / GB / EUC kind: ASCII below 0x80,
/// and two-byte codes of a lead byte and a trail byte (ECI 28 Big5, 29
/// GB18030, 30 EUC-KR; AIM ECI, ISO/IEC 18004:2015 §7.4.2). GB18030's
/// four-byte codes are handled by ``decodeGB18030(_:)``.
///
/// The tables are generated into `Big5Table.swift`, `GB18030Table.swift` and
/// `EUCKRTable.swift`, one string per lead byte; they are indexed on first use.
struct DoubleByteCharset: Sendable {
    let leads: ClosedRange<UInt8>
    /// Table column of each trail byte, or −1 if the byte cannot be a trail.
    private let columns: [Int16]
    private let columnCount: Int
    /// Unicode scalar value per code, row-major by lead byte; 0 where unmapped.
    private let table: [UInt32]

    init(leads: ClosedRange<UInt8>, trails: [ClosedRange<UInt8>], rows: [String]) {
        var columns = [Int16](repeating: -1, count: 256)
        var count = 0
        for range in trails {
            for trail in range {
                columns[Int(trail)] = Int16(count)
                count += 1
            }
        }
        var table = [UInt32](repeating: 0, count: rows.count * count)
        for (row, characters) in rows.enumerated() {
            for (column, scalar) in characters.unicodeScalars.enumerated() where scalar != "\u{FFFD}" {
                table[row * count + column] = scalar.value
            }
        }
        self.leads = leads
        self.columns = columns
        self.columnCount = count
        self.table = table
    }

    /// The character of a two-byte code, or nil if unmapped.
    func scalar(lead: UInt8, trail: UInt8) -> Unicode.Scalar? {
        guard leads.contains(lead) else { return nil }
        let column = Int(columns[Int(trail)])
        guard column >= 0 else { return nil }
        let value = table[Int(lead - leads.lowerBound) * columnCount + column]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The bytes as text; invalid or unmapped sequences become U+FFFD, one
    /// byte at a time, so the rest still decodes.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        decode(bytes) { _, _ in nil }
    }

    /// Decodes, asking `extended` first for sequences the two-byte table
    /// does not know; it returns the scalar and the bytes it used.
    private func decode(
        _ bytes: ArraySlice<UInt8>,
        extended: (ArraySlice<UInt8>, Int) -> (Unicode.Scalar, Int)?
    ) -> String {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            } else if index + 1 < bytes.endIndex, let scalar = scalar(lead: byte, trail: bytes[index + 1]) {
                scalars.append(scalar)
                index += 2
            } else if let (scalar, length) = extended(bytes, index) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append("\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// GB18030 text (ECI 29): the two-byte table, then four-byte codes
    /// b1 b2 b3 b4 (b1, b3 in 0x81…0xFE; b2, b4 digits) by their linear index:
    /// the BMP through ``gb18030FourByteRuns``, the supplementary planes
    /// from index 189000 = U+10000 on (GB 18030-2005).
    func decodeGB18030(_ bytes: ArraySlice<UInt8>) -> String {
        decode(bytes) { bytes, index in
            guard index + 3 < bytes.endIndex,
                let linear = Self.fourByteIndex(bytes[index], bytes[index + 1], bytes[index + 2], bytes[index + 3]),
                let scalar = Self.gb18030Scalar(linear: linear)
            else { return nil }
            return (scalar, 4)
        }
    }

    private static func fourByteIndex(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Int? {
        let digits: ClosedRange<UInt8> = 0x30...0x39, bytes: ClosedRange<UInt8> = 0x81...0xFE
        guard bytes.contains(b1), digits.contains(b2), bytes.contains(b3), digits.contains(b4) else { return nil }
        return ((Int(b1) - 0x81) * 10 + Int(b2) - 0x30) * 1260 + (Int(b3) - 0x81) * 10 + Int(b4) - 0x30
    }

    private static func gb18030Scalar(linear: Int) -> Unicode.Scalar? {
        let supplementaryStart = 189_000
        if linear >= supplementaryStart {
            return Unicode.Scalar(UInt32(0x10000 + linear - supplementaryStart))
        }
        let runs = gb18030FourByteRuns
        guard linear < 39_420 else { return nil }  // the last BMP code is U+FFFF at 39419
        var low = 0, high = runs.count - 1
        while low < high {  // the last run starting at or before `linear`
            let middle = (low + high + 1) / 2
            if runs[middle].linear <= linear { low = middle } else { high = middle - 1 }
        }
        return Unicode.Scalar(runs[low].scalar + UInt32(linear - runs[low].linear))
    }
}
