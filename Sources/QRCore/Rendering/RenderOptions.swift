/// How to draw a symbol as an image: module size, quiet zone and colours.
public struct RenderOptions: Sendable, Hashable {
    /// Pixels per module side (PNG) or user units per module (SVG width and height); at least 1.
    public var scale: Int
    /// Light modules around the symbol. ISO/IEC 18004 §6.3.8 requires 4;
    /// less saves space where the surroundings are light anyway.
    public var border: Int
    /// The colour of dark modules.
    public var foreground: RGBAColor
    /// The colour of light modules and the border.
    public var background: RGBAColor

    /// Options with these values; the defaults draw 10 pixels a module, a 4-module quiet zone (§6.3.8), black on white.
    public init(scale: Int = 10, border: Int = 4, foreground: RGBAColor = .black, background: RGBAColor = .white) {
        self.scale = scale
        self.border = border
        self.foreground = foreground
        self.background = background
    }

    /// Throws ``RenderError/invalidScale(_:)`` for a scale below 1 and
    /// ``RenderError/invalidBorder(_:)`` for a negative border. Renderers
    /// that cannot throw (SVG) require valid options; call this first on
    /// options from user input.
    public func validate() throws(RenderError) {
        guard scale >= 1 else { throw .invalidScale(scale) }
        guard border >= 0 else { throw .invalidBorder(border) }
    }

    /// Pixels across and down of a raster image of a symbol of `width` × `height` modules.
    /// - Throws: ``RenderError/imageTooLarge(width:height:maxPixels:maxDimension:)``
    ///   beyond ``ImageLimits/default`` (saturating at `Int.max` on overflow).
    func pixelSize(width: Int, height: Int) throws(RenderError) -> (width: Int, height: Int) {
        let limits = ImageLimits.default
        let (borders, bordersOverflow) = border.multipliedReportingOverflow(by: 2)
        var sides: [Int] = []
        var overflow = bordersOverflow
        for modules in [width, height] {
            let (withBorder, modulesOverflow) = modules.addingReportingOverflow(borders)
            let (side, sideOverflow) = withBorder.multipliedReportingOverflow(by: scale)
            overflow = overflow || modulesOverflow || sideOverflow
            sides.append(side)
        }
        let (pixels, pixelsOverflow) = sides[0].multipliedReportingOverflow(by: sides[1])
        guard !overflow, !pixelsOverflow, sides.allSatisfy({ $0 <= limits.maxDimension }), pixels <= limits.maxPixels
        else {
            throw .imageTooLarge(
                width: overflow ? Int.max : sides[0], height: overflow ? Int.max : sides[1],
                maxPixels: limits.maxPixels, maxDimension: limits.maxDimension)
        }
        return (sides[0], sides[1])
    }
}
