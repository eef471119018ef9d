/// An 8-bit sRGB colour with straight alpha (255 opaque, 0 fully transparent).
public struct RGBAColor: Sendable, Hashable, CustomStringConvertible {
    /// Red, 0–255.
    public var r: UInt8
    /// Green, 0–255.
    public var g: UInt8
    /// Blue, 0–255.
    public var b: UInt8
    /// Opacity, 0 (transparent) to 255 (opaque).
    public var a: UInt8

    /// A colour from its components; opaque unless `a` says otherwise.
    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Opaque black.
    public static let black = RGBAColor(r: 0, g: 0, b: 0)
    /// Opaque white.
    public static let white = RGBAColor(r: 255, g: 255, b: 255)
    /// Fully transparent.
    public static let transparent = RGBAColor(r: 0, g: 0, b: 0, a: 0)

    /// Parses `#RGB`, `#RGBA`, `#RRGGBB`, `#RRGGBBAA` (hex digits in either
    /// case), a CSS basic colour name (`black`, `white`, `red`, `green`,
    /// `blue`, `yellow`, `cyan`/`aqua`, `magenta`/`fuchsia`, `gray`/`grey`,
    /// `silver`, `maroon`, `olive`, `lime`, `teal`, `navy`, `purple`,
    /// `orange`) or `transparent`. Names ignore case; surrounding whitespace is ignored.
    /// - Throws: ``RenderError/invalidColor(_:)`` with the text given.
    public init(parsing text: String) throws(RenderError) {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        if let named = Self.named[trimmed.lowercased()] {
            self = named
        } else if trimmed.hasPrefix("#"), let parsed = Self.hex(Array(trimmed.utf8.dropFirst())) {
            self = parsed
        } else {
            throw .invalidColor(text)
        }
    }

    /// Whether the colour has no transparency.
    public var isOpaque: Bool { a == 255 }

    /// `#rrggbb`, or `#rrggbbaa` when not opaque.
    public var description: String {
        "#" + Self.hexByte(r) + Self.hexByte(g) + Self.hexByte(b) + (isOpaque ? "" : Self.hexByte(a))
    }

    /// `#rrggbb` alone, as SVG's `fill` wants it (opacity goes in `fill-opacity`).
    var rgbHex: String { "#" + Self.hexByte(r) + Self.hexByte(g) + Self.hexByte(b) }

    /// The CSS Color Module Level 3 basic keywords (§4.1), plus orange (CSS 2.1).
    private static let named: [String: RGBAColor] = [
        "black": .black, "white": .white, "transparent": .transparent,
        "red": rgb(0xFF0000), "green": rgb(0x008000), "blue": rgb(0x0000FF), "yellow": rgb(0xFFFF00),
        "cyan": rgb(0x00FFFF), "aqua": rgb(0x00FFFF), "magenta": rgb(0xFF00FF), "fuchsia": rgb(0xFF00FF),
        "gray": rgb(0x808080), "grey": rgb(0x808080), "silver": rgb(0xC0C0C0), "maroon": rgb(0x800000),
        "olive": rgb(0x808000), "lime": rgb(0x00FF00), "teal": rgb(0x008080), "navy": rgb(0x000080),
        "purple": rgb(0x800080), "orange": rgb(0xFFA500),
    ]

    private static func rgb(_ value: UInt32) -> RGBAColor {
        RGBAColor(r: UInt8(value >> 16), g: UInt8(value >> 8 & 0xFF), b: UInt8(value & 0xFF))
    }

    /// The colour of 3, 4, 6 or 8 hex digits; short forms repeat each digit (`#f80` is `#ff8800`).
    private static func hex(_ digits: [UInt8]) -> RGBAColor? {
        let values = digits.compactMap(hexValue)
        guard values.count == digits.count else { return nil }
        let channels: [UInt8]
        switch values.count {
        case 3, 4: channels = values.map { $0 * 17 }
        case 6, 8: channels = stride(from: 0, to: values.count, by: 2).map { values[$0] << 4 | values[$0 + 1] }
        default: return nil
        }
        return RGBAColor(r: channels[0], g: channels[1], b: channels[2], a: channels.count == 4 ? channels[3] : 255)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hexByte(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[Int(value >> 4)], digits[Int(value & 15)]], as: UTF8.self)
    }
}
