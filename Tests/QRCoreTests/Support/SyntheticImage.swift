import Foundation
import QRCoreTestSupport

@testable import QRCore

/// Photographs of symbols, made in software: a symbol drawn through a
/// perspective warp (QRCore's own `PerspectiveTransform`) with supersampling,
/// then degraded by blur, noise, lighting and damage. Every degradation is
/// seeded, so a test sees the same image on every run.
struct SyntheticImage {
    var image: GrayImage

    /// The symbol drawn upright, `moduleSize` pixels a module (may be
    /// fractional), with `border` light modules around it.
    static func upright(
        _ modules: BitMatrix, moduleSize: Double, border: Int = 4,
        dark: UInt8 = 0, light: UInt8 = 255
    ) -> SyntheticImage {
        let side = Double(modules.width + 2 * border) * moduleSize
        let size = Int(side.rounded(.up))
        let origin = Double(border) * moduleSize, extent = Double(modules.width) * moduleSize
        let corners = [
            ImagePoint(x: origin, y: origin), ImagePoint(x: origin + extent, y: origin),
            ImagePoint(x: origin + extent, y: origin + extent), ImagePoint(x: origin, y: origin + extent),
        ]
        return warped(modules, width: size, height: size, corners: corners, dark: dark, light: light)
    }

    /// The symbol drawn with its four outer corners (top-left, top-right,
    /// bottom-right, bottom-left) at the given image points, on a light
    /// background of `width` × `height` pixels, 3×3 supersampled.
    static func warped(
        _ modules: BitMatrix, width: Int, height: Int, corners: [ImagePoint],
        dark: UInt8 = 0, light: UInt8 = 255, style: SymbolStyle = .plain
    ) -> SyntheticImage {
        let (w, h) = (Double(modules.width), Double(modules.height))
        let outline = [ImagePoint(x: 0, y: 0), ImagePoint(x: w, y: 0), ImagePoint(x: w, y: h), ImagePoint(x: 0, y: h)]
        let toSymbol = PerspectiveTransform.quadrilateral(corners, to: outline)!
        return drawn(modules, width: width, height: height, dark: dark, light: light, style: style) { sample in
            isInside(sample, corners) ? toSymbol.apply(sample) : nil
        }
    }

    /// The symbol drawn through any mapping from image points to symbol
    /// coordinates (modules; nil where the symbol is not seen), 3×3
    /// supersampled: each pixel's grey level is the share of its samples
    /// that fall on dark parts of the symbol as `style` draws it.
    static func drawn(
        _ modules: BitMatrix, width: Int, height: Int, dark: UInt8 = 0, light: UInt8 = 255,
        style: SymbolStyle = .plain, toSymbol: (ImagePoint) -> ImagePoint?
    ) -> SyntheticImage {
        var pixels = [UInt8](repeating: light, count: width * height)
        let offsets = [1.0 / 6, 0.5, 5.0 / 6]
        for y in 0..<height {
            for x in 0..<width {
                var darkSamples = 0
                for oy in offsets {
                    for ox in offsets {
                        guard let p = toSymbol(ImagePoint(x: Double(x) + ox, y: Double(y) + oy)) else { continue }
                        if style.isDark(modules, at: p) { darkSamples += 1 }
                    }
                }
                let share = Double(darkSamples) / 9
                pixels[y * width + x] = UInt8((Double(light) * (1 - share) + Double(dark) * share).rounded())
            }
        }
        return SyntheticImage(image: GrayImage(width: width, height: height, pixels: pixels))
    }

    /// The symbol printed on a cylinder (see ``CylinderView``).
    static func curved(_ view: CylinderView, modules: BitMatrix) -> SyntheticImage {
        drawn(modules, width: view.side, height: view.side, toSymbol: view.symbolPoint)
    }

    /// Whether a point lies inside the convex quadrilateral. A steep view's
    /// horizon can cross the image, and the mapping sends the points beyond
    /// it into the symbol too, as if seen from behind: only points inside
    /// the symbol's outline are really on it.
    private static func isInside(_ point: ImagePoint, _ corners: [ImagePoint]) -> Bool {
        var sign = 0.0
        for i in 0..<4 {
            let edge = corners[(i + 1) % 4] - corners[i]
            let side = ImagePoint.cross(edge, point - corners[i])
            if side * sign < 0 { return false }
            if side != 0 { sign = side }
        }
        return true
    }

    /// The symbol rotated by `degrees` about the image centre, with perspective
    /// `tilt` (0: none; 0.2: the far edge 20 % shorter), in a square image.
    static func rotated(
        _ modules: BitMatrix, moduleSize: Double, degrees: Double, tilt: Double = 0,
        border: Int = 6, style: SymbolStyle = .plain
    ) -> SyntheticImage {
        let extent = Double(modules.width) * moduleSize
        let side = Int((extent * 1.5 + Double(2 * border) * moduleSize).rounded(.up))
        let c = Double(side) / 2, h = extent / 2, v = Double(modules.height) * moduleSize / 2
        let angle = degrees * Double.pi / 180
        let local = [
            ImagePoint(x: -h * (1 - tilt), y: -v), ImagePoint(x: h * (1 - tilt), y: -v), ImagePoint(x: h, y: v),
            ImagePoint(x: -h, y: v),
        ]
        let corners = local.map { p in
            ImagePoint(x: c + p.x * cos(angle) - p.y * sin(angle), y: c + p.x * sin(angle) + p.y * cos(angle))
        }
        return warped(modules, width: side, height: side, corners: corners, style: style)
    }

    /// Box blur of the given radius (a crude out-of-focus lens), applied twice
    /// for a smoother, tent-shaped kernel.
    func blurred(radius: Int) -> SyntheticImage {
        guard radius > 0 else { return self }
        var result = self
        for _ in 0..<2 { result.image = Self.boxBlur(result.image, radius: radius) }
        return result
    }

    /// Gaussian noise of the given standard deviation in grey levels.
    func noisy(standardDeviation: Double, seed: UInt64) -> SyntheticImage {
        var random = SeededRandom(seed: seed)
        var result = self
        for i in result.image.pixels.indices {
            let value = Double(result.image.pixels[i]) + random.gaussian(standardDeviation: standardDeviation)
            result.image.pixels[i] = UInt8(max(0, min(255, value.rounded())))
        }
        return result
    }

    /// Salt-and-pepper noise: `share` of the pixels set to black or white at random.
    func salted(share: Double, seed: UInt64) -> SyntheticImage {
        var random = SeededRandom(seed: seed)
        var result = self
        for i in result.image.pixels.indices where Double.random(in: 0..<1, using: &random) < share {
            result.image.pixels[i] = Bool.random(using: &random) ? 255 : 0
        }
        return result
    }

    /// Contrast squeezed into `low…high` with a horizontal lighting gradient
    /// that multiplies brightness from `1 - gradient` on the left to 1 on the right.
    func lit(low: UInt8, high: UInt8, gradient: Double = 0) -> SyntheticImage {
        var result = self
        let width = image.width
        for i in result.image.pixels.indices {
            let level = Double(low) + Double(result.image.pixels[i]) / 255 * Double(high - low)
            let light = 1 - gradient * (1 - Double(i % width) / Double(max(1, width - 1)))
            result.image.pixels[i] = UInt8(max(0, min(255, (level * light).rounded())))
        }
        return result
    }

    /// Light and dark swapped.
    func inverted() -> SyntheticImage {
        var result = self
        for i in result.image.pixels.indices { result.image.pixels[i] = 255 - result.image.pixels[i] }
        return result
    }

    private static func boxBlur(_ image: GrayImage, radius: Int) -> GrayImage {
        var horizontal = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var total = 0, count = 0
                for dx in -radius...radius where x + dx >= 0 && x + dx < image.width {
                    total += Int(image[x + dx, y]); count += 1
                }
                horizontal[x, y] = UInt8(total / count)
            }
        }
        var vertical = horizontal
        for y in 0..<image.height {
            for x in 0..<image.width {
                var total = 0, count = 0
                for dy in -radius...radius where y + dy >= 0 && y + dy < image.height {
                    total += Int(horizontal[x, y + dy]); count += 1
                }
                vertical[x, y] = UInt8(total / count)
            }
        }
        return vertical
    }
}

/// A symbol printed on a cylinder whose axis runs down the image, seen from
/// afar (orthographic), turned by `degrees`: modules shrink towards the left
/// and right edges, which `wrap` radians of the cylinder reach from the
/// centre. One homography cannot map it.
struct CylinderView {
    let dimension: Int
    let moduleSize: Double
    let wrap: Double
    let degrees: Double

    var extent: Double { Double(dimension) * moduleSize }
    var radius: Double { extent / 2 / wrap }
    var side: Int { Int((extent * 1.45 + 12 * moduleSize).rounded(.up)) }
    private var angle: Double { degrees * Double.pi / 180 }

    /// Where symbol point `p` (modules) appears in the image.
    func imagePoint(_ p: ImagePoint) -> ImagePoint {
        let u = p.x * moduleSize - extent / 2, y = p.y * moduleSize - extent / 2
        let x = radius * sin(u / radius), c = Double(side) / 2
        return ImagePoint(x: c + x * cos(angle) - y * sin(angle), y: c + x * sin(angle) + y * cos(angle))
    }

    /// The symbol point seen at image point `p`, or nil beyond the cylinder's visible side.
    func symbolPoint(_ p: ImagePoint) -> ImagePoint? {
        let c = Double(side) / 2, dx = p.x - c, dy = p.y - c
        let x = dx * cos(angle) + dy * sin(angle), y = -dx * sin(angle) + dy * cos(angle)
        guard abs(x) < radius * sin(wrap) + moduleSize else { return nil }
        let u = radius * asin(max(-1, min(1, x / radius)))
        return ImagePoint(x: (u + extent / 2) / moduleSize, y: (y + extent / 2) / moduleSize)
    }
}
