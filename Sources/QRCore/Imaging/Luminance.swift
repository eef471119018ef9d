/// The conversions every image source shares, so that a photo gives the
/// same grey whether it arrives as PNG, PPM or a raw buffer.
enum Luminance {
    /// Rec. 601 luma with 8-bit fixed-point weights (77 + 150 + 29 = 256),
    /// the same formula as the libpng shim: `(77R + 150G + 29B + 128) >> 8`.
    @inline(__always)
    static func luma(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: (77 &* UInt32(red) &+ 150 &* UInt32(green) &+ 29 &* UInt32(blue) &+ 128) &>> 8)
    }

    /// `value` with straight alpha composited on white, rounded.
    @inline(__always)
    static func onWhite(_ value: UInt8, alpha: UInt8) -> UInt8 {
        let a = UInt32(alpha)
        return UInt8(truncatingIfNeeded: (UInt32(value) &* a &+ 255 &* (255 &- a) &+ 127) / 255)
    }

    /// A sample of `0...maxValue` scaled to `0...255`, rounded; larger samples clamp to 255.
    @inline(__always)
    static func scaled(_ sample: Int, maxValue: Int) -> UInt8 {
        sample >= maxValue ? 255 : UInt8(truncatingIfNeeded: (sample &* 255 &+ maxValue / 2) / maxValue)
    }
}
