/// A QR Code found in an image: what it says and where it is.
public struct QRResult: Sendable, Hashable {
    /// The decoded content and how it was encoded.
    public let symbol: DecodedSymbol
    /// The symbol's outer corners in image pixels, in the symbol's own order:
    /// top-left, top-right, bottom-right, bottom-left (as the symbol reads,
    /// whatever its rotation in the image).
    public let corners: [Point]
    /// Whether the symbol was light modules on a dark background.
    public let inverted: Bool

    /// The text (see ``DecodedSymbol/text``).
    public var text: String { symbol.text }
    /// The raw content bytes (see ``DecodedSymbol/bytes``).
    public var bytes: [UInt8] { symbol.bytes }
    public var version: QRVersion { symbol.version }
    public var correction: ErrorCorrection { symbol.correction }
    public var mask: QRMask { symbol.mask }
    public var mirrored: Bool { symbol.mirrored }
    public var errorsCorrected: Int { symbol.errorsCorrected }
}
