#if JPEG
    import CQRJPEG

    /// The Swift side of the libjpeg-turbo shim (`CQRJPEG`): the only code that calls it.
    ///
    /// libjpeg's errors arrive as status codes with a message; this turns them
    /// into thrown errors and copies the luminance into a Swift array.
    enum JPEGDecoder {
        /// What a JPEG's frame header and markers say about the stored image.
        struct Info: Sendable, Hashable {
            var width: Int
            var height: Int
            var colorSpace: ColorSpace
            var isProgressive: Bool
            /// An Adobe APP14 marker was present, so CMYK is stored inverted.
            var hasAdobeMarker: Bool
        }

        /// The stored colour space, as libjpeg infers it from the JFIF and Adobe
        /// markers and the component count.
        enum ColorSpace: Int, Sendable, Hashable {
            case unknown = 0, gray, yCbCr, rgb, cmyk, ycck
        }

        /// Decoded luminance, one byte per pixel.
        struct Decoded: Sendable {
            var info: Info
            var pixels: [UInt8]
        }

        /// Longest message the shim writes, including the terminator.
        private static let messageCapacity = 256

        /// Decodes a JPEG to luminance: grey and YCbCr as their stored Y channel,
        /// RGB, CMYK and YCCK through Rec. 601 weights.
        /// - Throws: ``ImageError/tooLarge(width:height:limit:)`` from the frame
        ///   header, before pixel memory is allocated; ``ImageError/unsupportedFormat(_:)``
        ///   for well-formed JPEGs libjpeg does not decode (12-bit, lossless,
        ///   hierarchical, unknown colour spaces, absurd scan counts);
        ///   ``ImageError/corrupt(_:)`` for damaged or truncated data.
        static func decode(_ data: [UInt8], limits: ImageLimits) throws(ImageError) -> Decoded {
            guard !data.isEmpty else { throw .corrupt("empty JPEG data") }
            var info = qrjpeg_info()
            var pixels: UnsafeMutablePointer<UInt8>?
            var message = [CChar](repeating: 0, count: messageCapacity)
            let cLimits = qrjpeg_limits(
                max_pixels: UInt64(clamping: limits.maxPixels),
                max_dimension: UInt32(clamping: limits.maxDimension))
            let status = data.withUnsafeBufferPointer { bytes in
                qrjpeg_decode_gray(bytes.baseAddress, bytes.count, cLimits, &pixels, &info, &message, messageCapacity)
            }
            defer { qrjpeg_free(pixels) }
            let decodedInfo = Info(info)
            switch status {
            case QRJPEG_OK:
                let count = decodedInfo.width * decodedInfo.height
                return Decoded(info: decodedInfo, pixels: [UInt8](UnsafeBufferPointer(start: pixels, count: count)))
            case QRJPEG_ERROR_LIMIT:
                throw .tooLarge(width: decodedInfo.width, height: decodedInfo.height, limit: limits)
            case QRJPEG_ERROR_MEMORY:
                throw .outOfMemory
            case QRJPEG_ERROR_UNSUPPORTED:
                throw .unsupportedFormat("JPEG: " + text(message))
            default:
                throw .corrupt("JPEG: " + text(message))
            }
        }

        /// The shim's NUL-terminated message.
        private static func text(_ message: [CChar]) -> String {
            String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    extension JPEGDecoder.Info {
        fileprivate init(_ info: qrjpeg_info) {
            self.init(
                width: Int(info.width), height: Int(info.height),
                colorSpace: JPEGDecoder.ColorSpace(rawValue: Int(info.color_space)) ?? .unknown,
                isProgressive: info.progressive != 0, hasAdobeMarker: info.adobe_marker != 0)
        }
    }
#endif
