/// A decode job: an image and how to read it.
public struct DecodeRequest: Sendable, Hashable {
    /// Where the image comes from.
    public enum Source: Sendable, Hashable {
        /// The bytes of an image file: PNG, JPEG, PGM or PPM, recognised by
        /// their signature as ``GrayImage/init(imageData:limits:)`` does.
        case imageData([UInt8])
        /// A PNG, JPEG, PGM or PPM file, read by the worker.
        case file(path: String)
        /// Raw pixels.
        case pixels(PixelBuffer)
    }

    /// Where the image comes from.
    public var source: Source
    /// Reader options; their ``DecodeOptions/limits`` also bound the image decoded.
    public var options: DecodeOptions

    /// A request to read `source` with `options`.
    public init(source: Source, options: DecodeOptions = DecodeOptions()) {
        self.source = source
        self.options = options
    }

    /// Decodes the bytes of a PNG, JPEG, PGM or PPM file.
    public init(imageData: [UInt8], options: DecodeOptions = DecodeOptions()) {
        self.init(source: .imageData(imageData), options: options)
    }

    /// Reads an image file.
    public init(file path: String, options: DecodeOptions = DecodeOptions()) {
        self.init(source: .file(path: path), options: options)
    }

    /// Converts raw pixels.
    public init(pixels: PixelBuffer, options: DecodeOptions = DecodeOptions()) {
        self.init(source: .pixels(pixels), options: options)
    }

    /// Loads the image and reads it, on the calling thread: what a worker runs.
    func run() -> Result<CodecOutput, ParallelCodecError> {
        let image: GrayImage
        do {
            image = try load()
        } catch {
            return .failure(.image(error))
        }
        let codes = QRReader(options: options).read(image)
        guard !codes.isEmpty else { return .failure(.noCodeFound(width: image.width, height: image.height)) }
        return .success(.codes(codes))
    }

    private func load() throws(ImageError) -> GrayImage {
        switch source {
        case let .imageData(bytes):
            try GrayImage(imageData: bytes, limits: options.limits)
        case let .file(path):
            try GrayImage(contentsOfFile: path, limits: options.limits)
        case let .pixels(buffer):
            try GrayImage(
                pixels: buffer.bytes, width: buffer.width, height: buffer.height,
                bytesPerRow: buffer.bytesPerRow, format: buffer.format, limits: options.limits)
        }
    }
}
