extension GrayImage {
    /// Decodes PNG, JPEG, PGM or PPM bytes, recognised by their first bytes.
    /// - Throws: ``ImageError/unsupportedFormat(_:)`` naming what the bytes
    ///   look like (GIF, WebP, HEIC, …), or any error of ``init(pngData:limits:)``,
    ///   ``init(jpegData:limits:)`` and ``init(pnmData:limits:)``.
    public init(imageData: [UInt8], limits: ImageLimits = .default) throws(ImageError) {
        switch try ImageFormat.detect(imageData) {
        case .png: try self.init(pngData: imageData, limits: limits)
        case .jpeg: try self.init(jpegData: imageData, limits: limits)
        case .pnm: try self.init(pnmData: imageData, limits: limits)
        }
    }

    /// Reads and decodes a PNG, JPEG, PGM or PPM file. Files over 1 GiB are refused.
    /// - Throws: ``ImageError/io(path:reason:)`` with the system's reason, or
    ///   any error of ``init(imageData:limits:)``.
    public init(contentsOfFile path: String, limits: ImageLimits = .default) throws(ImageError) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readFile(atPath: path)
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
        try self.init(imageData: bytes, limits: limits)
    }
}
