@testable import QRCore

/// PNG chunk surgery for corruption tests.
enum PNGBytes {
    /// CRC-32 as PNG uses it (ISO/IEC 15948 Annex D).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    /// The PNG with every chunk's CRC recomputed, so that corrupted contents
    /// get past the checksum to the code that parses them.
    static func fixingCRCs(_ png: [UInt8]) -> [UInt8] {
        var bytes = png
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            guard length <= bytes.count - offset - 12 else { break }
            let crc = crc32(bytes[offset + 4..<offset + 8 + length])
            bytes.replaceSubrange(offset + 8 + length..<offset + 12 + length, with: bigEndian(crc))
            offset += 12 + length
        }
        return bytes
    }

    /// A PNG of just a signature, an IHDR claiming the given size (with a
    /// valid CRC), an IDAT of a few zero bytes and IEND.
    static func claiming(width: UInt32, height: UInt32, bitDepth: UInt8 = 8, colorType: UInt8 = 0) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            let crc = crc32(body[...])
            return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
        }
        let header = bigEndian(width) + bigEndian(height) + [bitDepth, colorType, 0, 0, 0]
        let idat: [UInt8] = [0x78, 0x01, 0x01, 0x01, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x01, 0x00, 0x01]
        return ImageFormat.pngSignature + chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    }

    /// Whether a PNG has a chunk of the given type (walking the chunk list).
    static func containsChunk(_ png: [UInt8], _ type: String) -> Bool {
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[offset + 4..<offset + 8], as: UTF8.self) == type { return true }
            offset += 12 + length
        }
        return false
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
