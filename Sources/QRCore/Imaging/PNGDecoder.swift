#if PNG
    import CQRPNG

    /// The Swift side of the libpng shim (`CQRPNG`): the only code that calls it,
    /// compiled only with the `PNG` package trait. Writing PNG needs no libpng
    /// (``PNGWriter``).
    ///
    /// libpng's errors arrive as status codes with a message; this turns them
    /// into thrown errors and copies results into Swift arrays.
    enum PNGDecoder {
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

        /// Longest message the shim writes, including the terminator.
        private static let messageCapacity = 256

        /// Decodes a PNG of any colour type, bit depth and interlacing.
        /// - Parameter channels: 1 for luminance composited on white, 4 for RGBA.
        static func decode(_ data: [UInt8], limits: ImageLimits, channels: Int) throws(ImageError) -> Decoded {
            guard !data.isEmpty else { throw .corrupt("empty PNG data") }
            var info = qrpng_info()
            var pixels: UnsafeMutablePointer<UInt8>?
            var message = [CChar](repeating: 0, count: messageCapacity)
            let cLimits = qrpng_limits(
                max_pixels: UInt64(clamping: limits.maxPixels),
                max_dimension: UInt32(clamping: limits.maxDimension))
            let status = data.withUnsafeBufferPointer { bytes in
                qrpng_decode(
                    bytes.baseAddress, bytes.count, cLimits, Int32(channels), &pixels, &info,
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

        /// The shim's NUL-terminated message.
        private static func text(_ message: [CChar]) -> String {
            String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    extension PNGDecoder.Info {
        fileprivate init(_ info: qrpng_info) {
            self.init(
                width: Int(info.width), height: Int(info.height), bitDepth: Int(info.bit_depth),
                colorType: PNGDecoder.ColorType(rawValue: Int(info.color_type)) ?? .gray,
                interlaced: info.interlaced != 0)
        }
    }
#endif
