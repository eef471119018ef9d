/// Why a symbol could not be rendered. ``description`` says it in one
/// sentence, with the numbers involved.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A scale below 1 pixel per module.
    case invalidScale(Int)
    /// A negative border.
    case invalidBorder(Int)
    /// The image would exceed ``ImageLimits/default``: too many pixels or too
    /// long a side. Remedy: a smaller scale or border.
    case imageTooLarge(width: Int, height: Int, maxPixels: Int, maxDimension: Int)
    /// Text that is not a colour ``RGBAColor/init(parsing:)`` understands.
    case invalidColor(String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)

    /// What went wrong, in one sentence with its numbers.
    public var description: String {
        switch self {
        case let .invalidScale(scale):
            return "invalid scale \(scale): at least 1 pixel per module is needed"
        case let .invalidBorder(border):
            return "invalid border \(border): the border cannot be negative"
        case let .imageTooLarge(width, height, maxPixels, maxDimension):
            return "image of \(width)×\(height) pixels exceeds the limit of \(maxPixels) pixels "
                + "and \(maxDimension) pixels a side; use a smaller scale or border"
        case let .invalidColor(text):
            return "invalid colour \"\(text)\": use #RGB, #RGBA, #RRGGBB, #RRGGBBAA, a CSS colour name or transparent"
        case let .writeFailed(path, reason):
            return "\(path): \(reason)"
        }
    }
}
