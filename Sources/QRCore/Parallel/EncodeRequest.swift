/// An encode job: what to encode, how, and in which form to return it.
public struct EncodeRequest: Sendable, Hashable {
    /// The data of the symbol.
    public enum Content: Sendable, Hashable {
        /// Text in a mode, as ``QRCode/init(text:mode:options:)`` takes it.
        case text(String, mode: TextMode)
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

    public var content: Content
    public var options: EncodingOptions
    public var format: Format

    public init(content: Content, options: EncodingOptions = EncodingOptions(), format: Format) {
        self.content = content
        self.options = options
        self.format = format
    }

    /// Text with automatic segmentation unless a mode is given.
    public init(text: String, mode: TextMode = .automatic, options: EncodingOptions = EncodingOptions(),
                format: Format) {
        self.init(content: .text(text, mode: mode), options: options, format: format)
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

    private func encode() throws(EncodingError) -> QRCode {
        switch content {
        case let .text(text, mode): try QRCode(text: text, mode: mode, options: options)
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
