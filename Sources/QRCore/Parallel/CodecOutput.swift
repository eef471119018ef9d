/// What a job of a ``ParallelCodec`` produced.
public enum CodecOutput: Sendable, Hashable {
    /// An encoded symbol as PNG bytes.
    case png([UInt8])
    /// An encoded symbol as an SVG document.
    case svg(String)
    /// An encoded symbol's modules.
    case matrix(QRCode)
    /// The symbols a decode job found: never empty (finding none is the
    /// error ``ParallelCodecError/noCodeFound(width:height:)``).
    case codes([DecodedSymbol])
}
