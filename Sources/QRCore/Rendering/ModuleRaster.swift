/// A symbol with its quiet zone as packed 1-bit PNG rows: one row per
/// module row, which the image repeats `scale` times.
///
/// Bits are packed most significant first (ISO/IEC 15948 §7.2); a set bit is
/// a light module, which is white in a 1-bit greyscale PNG and palette entry
/// 1 (the background) in a palette PNG.
struct ModuleRaster {
    /// Pixels across: `(width + 2 × border) × scale`.
    let pixelWidth: Int
    /// Bytes per packed row.
    let rowBytes: Int
    /// Pixel rows per module row.
    let scale: Int
    /// `(height + 2 × border) × rowBytes` bytes: the distinct rows, top to bottom.
    let rows: [UInt8]

    /// Packs `code` at `scale` pixels per module with `border` light modules
    /// around it; the sizes are already validated.
    init(code: QRCode, scale: Int, border: Int) {
        let moduleRows = code.height + 2 * border
        pixelWidth = (code.width + 2 * border) * scale
        rowBytes = (pixelWidth + 7) / 8
        self.scale = scale
        let rowBytes = rowBytes
        rows = [UInt8](unsafeUninitializedCapacity: moduleRows * rowBytes) { buffer, count in
            buffer.initialize(repeating: 0xFF)
            for y in 0..<code.height {
                let start = (y + border) * rowBytes
                let row = UnsafeMutableBufferPointer(rebasing: buffer[start..<start + rowBytes])
                code.modules.forEachDarkRun(inRow: y) { run in
                    Self.clearBits(row, from: (run.lowerBound + border) * scale, to: (run.upperBound + border) * scale)
                }
            }
            count = moduleRows * rowBytes
        }
    }

    /// Clears bits `start..<end` of a packed row (bit 0 is the high bit of byte 0).
    private static func clearBits(_ row: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) {
        let first = start >> 3, last = (end - 1) >> 3
        let headMask = UInt8(0xFF) >> (start & 7)  // bits from start to the end of its byte
        let tailMask = UInt8(0xFF) << (7 - ((end - 1) & 7))  // bits from its byte's start to end - 1
        if first == last {
            row[first] &= ~(headMask & tailMask)
            return
        }
        row[first] &= ~headMask
        for index in first + 1..<last { row[index] = 0 }
        row[last] &= ~tailMask
    }
}
