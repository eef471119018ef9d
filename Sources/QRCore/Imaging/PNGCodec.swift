import CQRPNG

/// The Swift side of the libpng shim (`CQRPNG`): the only code that calls it.
///
/// libpng's errors arrive as status codes with a message; this turns them
/// into thrown errors and copies results into Swift arrays.
enum PNGCodec {
    /// What a PNG's IHDR says about the stored image.
    struct Info: Sendable, Hashable {
        var width: Int
        var height: Int
        /// 1, 2, 4, 8 or 16.
        var bitDepth: Int
        /// The stored colour type.
        var colorType: ColorType
        var interlaced: Bool
    }

    /// PNG colour types (ISO/IEC 15948 §11.2.2).
    enum ColorType: Int, Sendable, Hashable {
        case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6
    }

    /// Decoded pixels: one byte (luminance) or four (RGBA) per pixel.
    struct Decoded: Sendable {
        var info: Info
        var pixels: [UInt8]
    }

    /// What to write: the IHDR fields, and for palette images the palette and its alpha (tRNS).
    struct Header: Sendable {
        var width: Int
        var height: Int
        var colorType: ColorType
        var bitDepth: Int
        /// RGB triples.
        var palette: [UInt8] = []
        /// Alpha of the first palette entries; empty for none.
        var alpha: [UInt8] = []
    }

    /// libpng refused to write the image; the text is its message.
    struct EncodingFailure: Error, Sendable {
        var message: String
    }

    /// Longest message the shim writes, including the terminator.
    private static let messageCapacity = 256

    /// Decodes a PNG of any colour type, bit depth and interlacing.
    /// - Parameter channels: 1 for luminance composited on white, 4 for RGBA.
    static func decode(_ data: [UInt8], limits: ImageLimits, channels: Int) throws(ImageError) -> Decoded {
        guard !data.isEmpty else { throw .corrupt("empty PNG data") }
        var info = qrpng_info()
        var pixels: UnsafeMutablePointer<UInt8>?
        var message = [CChar](repeating: 0, count: messageCapacity)
        let cLimits = qrpng_limits(max_pixels: UInt64(clamping: limits.maxPixels),
                                   max_dimension: UInt32(clamping: limits.maxDimension))
        let status = data.withUnsafeBufferPointer { bytes in
            qrpng_decode(bytes.baseAddress, bytes.count, cLimits, Int32(channels), &pixels, &info,
                         &message, messageCapacity)
        }
        defer { qrpng_free(pixels) }
        let decodedInfo = Info(info)
        switch status {
        case QRPNG_OK:
            let count = decodedInfo.width * decodedInfo.height * channels
            return Decoded(info: decodedInfo, pixels: [UInt8](UnsafeBufferPointer(start: pixels, count: count)))
        case QRPNG_ERROR_LIMIT:
            throw .tooLarge(width: decodedInfo.width, height: decodedInfo.height, limit: limits)
        case QRPNG_ERROR_MEMORY:
            throw .outOfMemory
        default:
            throw .corrupt("PNG: " + text(message))
        }
    }

    /// Encodes packed rows with libpng's adaptive filtering and zlib compression.
    static func encode(_ header: Header, rows: [UInt8], stride: Int) throws(EncodingFailure) -> [UInt8] {
        try withCHeader(header) { cHeader, png, size, message in
            rows.withUnsafeBufferPointer {
                qrpng_encode(cHeader, $0.baseAddress, stride, png, size, message, messageCapacity)
            }
        }
    }

    /// Wraps an already compressed zlib stream of filtered scanlines in a PNG.
    static func encode(_ header: Header, zlibStream: [UInt8]) throws(EncodingFailure) -> [UInt8] {
        try withCHeader(header) { cHeader, png, size, message in
            zlibStream.withUnsafeBufferPointer {
                qrpng_encode_compressed(cHeader, $0.baseAddress, $0.count, png, size, message, messageCapacity)
            }
        }
    }

    /// Calls one of the shim's encoders with the header as a C struct and
    /// copies the PNG it returns.
    private static func withCHeader(
        _ header: Header,
        _ body: (UnsafePointer<qrpng_header>, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                 UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>) -> qrpng_status
    ) throws(EncodingFailure) -> [UInt8] {
        guard let width = UInt32(exactly: header.width), let height = UInt32(exactly: header.height) else {
            throw EncodingFailure(message: "image size \(header.width)×\(header.height) out of range")
        }
        var png: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: messageCapacity)
        let status = header.palette.withUnsafeBufferPointer { palette in
            header.alpha.withUnsafeBufferPointer { alpha in
                var cHeader = qrpng_header(
                    width: width, height: height, color_type: Int32(header.colorType.rawValue),
                    bit_depth: Int32(header.bitDepth), palette: palette.baseAddress,
                    palette_entries: Int32(header.palette.count / 3), alpha: alpha.baseAddress,
                    alpha_entries: Int32(header.alpha.count))
                return body(&cHeader, &png, &size, &message)
            }
        }
        defer { qrpng_free(png) }
        guard status == QRPNG_OK else { throw EncodingFailure(message: text(message)) }
        return [UInt8](UnsafeBufferPointer(start: png, count: size))
    }

    /// The shim's NUL-terminated message.
    private static func text(_ message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension PNGCodec.Info {
    fileprivate init(_ info: qrpng_info) {
        self.init(width: Int(info.width), height: Int(info.height), bitDepth: Int(info.bit_depth),
                  colorType: PNGCodec.ColorType(rawValue: Int(info.color_type)) ?? .gray,
                  interlaced: info.interlaced != 0)
    }
}
