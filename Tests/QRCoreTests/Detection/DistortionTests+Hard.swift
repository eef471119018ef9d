import Foundation
import QRCoreTestSupport

@testable import QRCore

/// The families of issue 10: symbols cropped to their edges, styled symbols,
/// extreme geometry, heavy noise and blur (the hard corpus's `bare`,
/// `dotted`, `rounded`, `shear`, `foreshortened`, `curved_dense`,
/// `heavy_noise` and `heavy_blur` categories, in miniature).
extension DistortionTests {
    static let hardFamilies: Set = ["bare", "dotted", "rounded", "shear", "foreshortened", "heavy noise", "heavy blur"]

    /// The image for one of these families, or nil (drawing nothing from
    /// `random`, so the older families see the same cases) for another family.
    static func hardScenario(
        _ family: String, code: QRCode, index: Int,
        random: inout SeededRandom
    ) -> SyntheticImage? {
        guard hardFamilies.contains(family) else { return nil }
        let angle = Double.random(in: 0..<360, using: &random)
        switch family {
        case "bare":
            return bare(code.modules, index: index, random: &random)
        case "dotted", "rounded":
            let style = family == "dotted" ? dotted(&random) : rounded(&random)
            return .rotated(
                code.modules, moduleSize: Double.random(in: 4...6, using: &random), degrees: angle,
                tilt: Double.random(in: 0...0.15, using: &random), style: style)
        case "shear":
            return sheared(code.modules, degrees: angle, random: &random)
        case "foreshortened":
            return steep(code.modules, degrees: angle, farShare: 0.33...0.5, random: &random)
        case "heavy noise":
            let low = UInt8.random(in: 60...100, using: &random)
            return SyntheticImage.rotated(
                code.modules, moduleSize: Double.random(in: 5...7, using: &random), degrees: angle
            )
            .lit(low: low, high: low + UInt8.random(in: 90...120, using: &random))
            .noisy(standardDeviation: Double.random(in: 40...60, using: &random), seed: random.next())
            .salted(share: 0.02, seed: random.next())
        case "heavy blur":
            let moduleSize = Double.random(in: 5...7, using: &random)
            let radius = Int((moduleSize * Double.random(in: 0.4...0.55, using: &random)).rounded())
            return SyntheticImage.rotated(code.modules, moduleSize: moduleSize, degrees: angle).blurred(radius: radius)
        default:
            return nil
        }
    }

    /// The symbol alone, cropped to its edges or with one light module
    /// around it: mostly 1–2 pixels a module (a version 1 symbol in 21–42
    /// pixels), some larger and blurred.
    static func bare(_ modules: BitMatrix, index: Int, random: inout SeededRandom) -> SyntheticImage {
        let border = Int.random(in: 0...1, using: &random)
        if index % 3 == 2 {
            let moduleSize = Double.random(in: 2...4, using: &random)
            return SyntheticImage.upright(modules, moduleSize: moduleSize, border: border).blurred(radius: 1)
        }
        return .upright(modules, moduleSize: Double.random(in: 1...2, using: &random), border: border)
    }

    /// Dots 40–90 % of a module across, with round or square eyes.
    static func dotted(_ random: inout SeededRandom) -> SymbolStyle {
        let eyes: [SymbolStyle.Eye] = [.circle, .circleAroundSquare, .rounded(radius: 1.5), .square]
        return SymbolStyle(
            module: .dot(diameter: Double.random(in: 0.4...0.9, using: &random)),
            eye: eyes[Int.random(in: 0..<eyes.count, using: &random)])
    }

    /// Rounded squares 80–100 % of a module wide, with rounded or round eyes.
    static func rounded(_ random: inout SeededRandom) -> SymbolStyle {
        let side = Double.random(in: 0.8...1, using: &random)
        let eyes: [SymbolStyle.Eye] = [.circle, .rounded(radius: Double.random(in: 1...2.5, using: &random))]
        return SymbolStyle(
            module: .rounded(side: side, radius: side * Double.random(in: 0.2...0.45, using: &random)),
            eye: eyes[Int.random(in: 0..<eyes.count, using: &random)])
    }

    /// The symbol slanted into a parallelogram whose axes meet at 50–63°
    /// (a shear of 0.5–0.85), turned by `degrees`.
    static func sheared(_ modules: BitMatrix, degrees: Double, random: inout SeededRandom) -> SyntheticImage {
        let moduleSize = Double.random(in: 3...5, using: &random)
        let shear = Double.random(in: 0.5...0.85, using: &random) * (Bool.random(using: &random) ? 1 : -1)
        let h = Double(modules.width) * moduleSize / 2
        let side = Int(h * 2 * 2.2), c = Double(side) / 2
        let angle = degrees * Double.pi / 180
        let corners = [
            ImagePoint(x: -h, y: -h), ImagePoint(x: h, y: -h), ImagePoint(x: h, y: h), ImagePoint(x: -h, y: h),
        ].map { p in
            let x = p.x + shear * p.y
            return ImagePoint(x: c + x * cos(angle) - p.y * sin(angle), y: c + x * sin(angle) + p.y * cos(angle))
        }
        return .warped(modules, width: side, height: side, corners: corners)
    }

    /// A version 30–38 symbol on a cylinder (see ``CylinderView``).
    static func curvedDense(random: inout SeededRandom) throws -> (SyntheticImage, String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -/:.?=&")
        let count = Int.random(in: 1250...2300, using: &random)
        let text = String((0..<count).map { _ in alphabet.randomElement(using: &random)! })
        let code = try QRCode(text: text, correctionLevel: .low)
        let view = CylinderView(
            dimension: code.size, moduleSize: 3, wrap: Double.random(in: 0.3...0.6, using: &random),
            degrees: Double.random(in: -10...10, using: &random))
        return (.curved(view, modules: code.modules), text)
    }
}
