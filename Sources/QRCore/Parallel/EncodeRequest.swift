/// An encode job: what to encode, how, and in which form to return it.
public struct EncodeRequest: Sendable, Hashable {
    /// The data of the symbol.
    public enum Content: Sendable, Hashable {
        /// Text with the segmentation that takes the fewest bits, as
        /// ``QRCode/init(text:options:)`` encodes it.
        case text(String)
        /// Text in one segment of a forced mode, as ``QRCode/init(text:mode:options:)`` takes it.
        case textInMode(String, SegmentMode)
        /// Segments in order, as ``QRCode/init(segments:options:)`` takes them.
        case segments([QRSegment])
    }

    /// The form of the result.
    public enum Format: Sendable, Hashable {
        /// ``CodecOutput/png(_:)``, drawn by ``QRCode/pngData(options:)``.
        case png(RenderOptions)
        /// ``CodecOutput/svg(_:)``, drawn by ``QRCode/svg(options:)``.
        case svg(RenderOptions)
        /// ``CodecOutput/matrix(_:)``: the symbol itself.
        case matrix
    }

    /// What to encode.
    public var content: Content
    /// Level, versions, mask and the other encoding choices.
    public var options: EncodingOptions
    /// What the job returns: PNG, SVG or the matrix.
    public var format: Format

    /// A request to encode `content` with `options` into `format`.
    public init(content: Content, options: EncodingOptions = EncodingOptions(), format: Format) {
        self.content = content
        self.options = options
        self.format = format
    }

    /// Text with automatic segmentation.
    public init(text: String, options: EncodingOptions = EncodingOptions(), format: Format) {
        self.init(content: .text(text), options: options, format: format)
    }

    /// Text in one segment of a forced mode.
    public init(text: String, mode: SegmentMode, options: EncodingOptions = EncodingOptions(), format: Format) {
        self.init(content: .textInMode(text, mode), options: options, format: format)
    }

    /// Segments in order.
    public init(segments: [QRSegment], options: EncodingOptions = EncodingOptions(), format: Format) {
        self.init(content: .segments(segments), options: options, format: format)
    }

    /// Encodes and draws, on the calling thread: what a worker runs.
    func run() -> Result<CodecOutput, ParallelCodecError> {
        let code: QRCode
        do {
            code = try encode()
        } catch {
            return .failure(.encoding(error))
        }
        do {
            return .success(try render(code))
        } catch {
            return .failure(.rendering(error))
        }
    }

    private func encode() throws(QREncodingError) -> QRCode {
        switch content {
        case let .text(text): try QRCode(text: text, options: options)
        case let .textInMode(text, mode): try QRCode(text: text, mode: mode, options: options)
        case let .segments(segments): try QRCode(segments: segments, options: options)
        }
    }

    private func render(_ code: QRCode) throws(RenderError) -> CodecOutput {
        switch format {
        case let .png(options):
            return .png(try code.pngData(options: options))
        case let .svg(options):
            try options.validate()  // svg(options:) traps on invalid options; a job must fail instead
            return .svg(code.svg(options: options))
        case .matrix:
            return .matrix(code)
        }
    }
}
