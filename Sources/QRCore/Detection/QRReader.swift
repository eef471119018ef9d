/// Options for reading QR Codes from images.
public struct DecodeOptions: Sendable, Hashable {
    /// Whether to look for light-on-dark symbols when no dark-on-light one is found.
    public var triesInverted: Bool
    /// Stop after this many symbols (nil: find all).
    public var maxSymbols: Int?
    /// Limits on input images, checked before any pixel memory is allocated.
    public var limits: ImageLimits
    /// The character set of byte data that no ECI declares; nil (the
    /// default) guesses it (see ``DecodedSymbol/text``). Like zxing-cpp's
    /// `characterSet` option it replaces only the default: an ECI in the
    /// symbol still wins, since it is the sender's own statement.
    public var characterSet: CharacterEncoding?

    /// Options for reading images; the defaults suit photos.
    public init(
        triesInverted: Bool = true, maxSymbols: Int? = nil, limits: ImageLimits = .default,
        characterSet: CharacterEncoding? = nil
    ) {
        self.triesInverted = triesInverted
        self.maxSymbols = maxSymbols
        self.limits = limits
        self.characterSet = characterSet
    }
}

/// Finds and decodes every QR Code in an image.
///
/// ```swift
/// let image = try GrayImage(contentsOfFile: "photo.png")
/// for result in QRReader().read(image) { print(result.text) }
/// ```
///
/// Large images are searched at a reduced scale first, which finds codes of
/// ordinary size quickly; the full resolution is searched when that finds
/// nothing, for codes with small modules.
public struct QRReader: Sendable {
    /// What the reader tries, and how much of an image it accepts.
    public var options: DecodeOptions

    /// A reader with the given options.
    public init(options: DecodeOptions = DecodeOptions()) {
        self.options = options
    }

    /// The symbols found, in the order they were decoded. Never throws: an
    /// image with no readable symbol gives an empty array.
    public func read(_ image: GrayImage) -> [DecodedSymbol] {
        guard image.width >= 21, image.height >= 21 else { return [] }
        for scale in Self.pyramidScales(width: image.width, height: image.height) {
            let scaled = scale == 1 ? image : ImageScaler.downscale(image, by: scale)
            var search = SymbolSearch(image: scaled, scale: scale, options: options)
            var results = search.run(inverted: false)
            if results.isEmpty && options.triesInverted { results = search.run(inverted: true) }
            if !results.isEmpty { return results }
        }
        return []
    }

    /// Downscale factors to try, coarsest first: images above about two
    /// megapixels are first searched at a scale that brings them near one.
    ///
    /// When nothing is found down to full resolution, a third of it is
    /// searched last, unless a scale that coarse was searched already: each of
    /// its pixels averages nine, which cuts noise threefold, and noise of 40–60
    /// grey levels on a low-contrast symbol breaks the finder patterns' runs
    /// at full resolution (hard corpus category `heavy_noise`: 0 of 20 read
    /// without it). zxing-cpp searches the same layer. Symbols need about
    /// 21 modules of 1.5 pixels there, so small images are spared it.
    static func pyramidScales(width: Int, height: Int) -> [Int] {
        let pixels = width * height
        var scales: [Int] = []
        var factor = 1
        while pixels / ((factor * 2) * (factor * 2)) >= 700_000 { factor *= 2 }
        while factor > 1 {
            scales.append(factor)
            factor /= 2
        }
        scales.append(1)
        if scales[0] < Self.denoisingFactor && min(width, height) >= Self.denoisingFactor * 32 {
            scales.append(Self.denoisingFactor)
        }
        return scales
    }

    /// The downscale factor of the last, noise-reducing search.
    static let denoisingFactor = 3
}
