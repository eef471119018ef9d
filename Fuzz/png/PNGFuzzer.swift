@testable import QRCore

// libFuzzer harness: image file bytes → GrayImage → QRReader.
//
// The input is a whole file. `GrayImage(imageData:limits:)` picks the PNG or
// PGM/PPM decoder by its first bytes, so mutations reach both; a PNG is also
// decoded to RGBA, the decoder's other output path. Every input must end in a
// result or a thrown ImageError: a trap, a leak or a memory error is a bug.
//
// libpng rejects a critical chunk whose CRC is wrong, so nearly every
// mutation of IHDR, PLTE or IDAT would stop at the checksum. The harness
// therefore rewrites each chunk's CRC before decoding, and a mutated header
// reaches the size limits and the shim's buffer arithmetic.

/// Big enough for the reader's downscaling pyramid (from 2.8 megapixels on),
/// small enough that a compressed image claiming a huge size is refused from
/// its header rather than spending seconds per input.
private let limits = ImageLimits(maxPixels: 4_000_000, maxDimension: 4_096)
private let reader = QRReader(options: DecodeOptions(limits: limits))

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = withChunkCRCsFixed(Array(UnsafeBufferPointer(start: data, count: size)))
    if let image = try? GrayImage(imageData: bytes, limits: limits) {
        _ = reader.read(image)
    }
    _ = try? RGBAImage(pngData: bytes, limits: limits)
    return 0
}

private let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// `bytes` with the CRC of every whole chunk after the PNG signature
/// recomputed; anything else unchanged. A chunk is a 4-byte big-endian
/// length, a 4-byte type, the data and a CRC-32 of type and data (ISO/IEC 15948 §5.3).
private func withChunkCRCsFixed(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.starts(with: pngSignature) else { return bytes }
    var fixed = bytes
    var offset = pngSignature.count
    while offset + 12 <= fixed.count {
        let length = fixed[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        let end = offset + 8 + length
        guard end + 4 <= fixed.count else { break }
        let crc = crc32(fixed[(offset + 4)..<end])
        for i in 0..<4 { fixed[end + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * i)) }
        offset = end + 4
    }
    return fixed
}

/// CRC-32 as PNG uses it: reflected polynomial 0xEDB88320, initial and final value all ones.
private func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    ~bytes.reduce(UInt32.max) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ crc >> 8 }
}

private let crcTable: [UInt32] = (0..<256).map { n in
    (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ c >> 1 : c >> 1 }
}
