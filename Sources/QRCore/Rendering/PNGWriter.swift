/// Writes PNG files in Swift (ISO/IEC 15948): the signature, IHDR, PLTE,
/// tRNS, one IDAT holding a finished zlib stream, and IEND, each chunk with
/// its CRC. Compression is the caller's: ``RasterDeflater`` for rendered
/// symbols, whose rows repeat. No C library is involved, so PNG writing works
/// in every build of QRCore, with or without the PNG trait (which is for reading).
enum PNGWriter {
    /// PNG colour types that QRCore writes (§11.2.2).
    enum ColorType: UInt8, Sendable {
        case gray = 0, palette = 3
    }

    /// The IHDR fields, and for palette images the palette and its alpha (tRNS).
    struct Header: Sendable {
        var width: Int
        var height: Int
        var colorType: ColorType
        /// 1, 2, 4 or 8.
        var bitDepth: Int
        /// RGB triples, for palette images.
        var palette: [UInt8] = []
        /// Alpha of the first palette entries; empty for none.
        var alpha: [UInt8] = []
    }

    /// The eight bytes every PNG starts with (§5.2).
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A complete PNG whose image data is `zlibStream`: a zlib stream of the
    /// filtered scanlines, each row a filter-type byte and its packed pixels.
    /// - Precondition: the size is 1…2³¹−1 a side (§11.2.2), which
    ///   ``RenderOptions`` and ``ImageLimits`` keep far inside.
    static func png(_ header: Header, zlibStream: [UInt8]) -> [UInt8] {
        precondition(
            (1...Int(Int32.max)).contains(header.width) && (1...Int(Int32.max)).contains(header.height),
            "PNG size \(header.width)×\(header.height) out of range")
        var png = signature
        png.reserveCapacity(signature.count + 64 + header.palette.count + zlibStream.count)
        var ihdr = bigEndian(UInt32(header.width)) + bigEndian(UInt32(header.height))
        ihdr += [UInt8(header.bitDepth), header.colorType.rawValue, 0, 0, 0]  // deflate, adaptive filters, no interlace
        appendChunk("IHDR", ihdr, to: &png)
        if header.colorType == .palette { appendChunk("PLTE", header.palette, to: &png) }
        if !header.alpha.isEmpty { appendChunk("tRNS", header.alpha, to: &png) }
        appendChunk("IDAT", zlibStream, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Length, type, data and CRC of one chunk (§5.3).
    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let typeAndData = Array(type.utf8) + data
        png += typeAndData
        png += bigEndian(CRC32.checksum(typeAndData))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The CRC-32 of PNG chunks and zlib's gzip cousin (ISO/IEC 15948 Annex D):
/// polynomial 0x04C11DB7, reflected (0xEDB88320), initial and final XOR 0xFFFFFFFF.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { byte in
        var value = UInt32(byte)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
