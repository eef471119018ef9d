import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

/// The Micro QR and rMQR families of the distortion harness: the same kinds
/// of distortion as QR Code's (rotation, perspective, blur, noise, inversion,
/// mirroring), on random symbols of every version and level the kind offers.
extension DistortionTests {
    static let familyFamilies: [Family] = ["micro", "rmqr"].flatMap { kind in
        ["rotation", "perspective", "blur", "noise", "inverted", "mirrored"].map { distortion in
            Family(name: "\(kind) \(distortion)", floor: familyFloors["\(kind) \(distortion)"] ?? 12, cases: 12)
        }
    }

    /// Measured pass counts, checked in as floors. On the same images (written
    /// out as PGM) zxing-cpp 3.1.1 reads every Micro QR case (72 of 72, as
    /// we do) but only 10 of the 72 rMQR ones (ours 63): its rMQR detector
    /// wants the symbol nearly upright.
    private static let familyFloors: [String: Int] = [
        "micro rotation": 12, "micro perspective": 12, "micro blur": 12, "micro noise": 12, "micro inverted": 12,
        "micro mirrored": 12, "rmqr rotation": 10, "rmqr perspective": 11, "rmqr blur": 11, "rmqr noise": 11,
        "rmqr inverted": 11, "rmqr mirrored": 9,
    ]

    /// A random Micro QR or rMQR symbol with its text.
    static func familyPayload(_ kind: SymbolKind, random: inout SeededRandom) throws -> (QRCode, String) {
        let alphabet = Array(
            kind == .micro
                ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -"
                : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -/:.")
        let length = Int.random(in: kind == .micro ? 1...12 : 4...40, using: &random)
        let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
        let levels: [ErrorCorrectionLevel] = kind == .micro ? [.low, .medium] : [.medium, .high]
        let level = levels.randomElement(using: &random)!
        return (try QRCode(text: text, options: EncodingOptions(symbol: kind, correctionLevel: level)), text)
    }

    /// The scenario of a family of ``familyFamilies``, or nil for another family.
    static func familyScenario(_ family: String, random: inout SeededRandom) throws -> (SyntheticImage, String)? {
        let parts = family.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = SymbolKind(parts[0]), kind != .qr else { return nil }
        let (code, text) = try familyPayload(kind, random: &random)
        let angle = Double.random(in: 0..<360, using: &random)
        let moduleSize =
            kind == .micro ? Double.random(in: 4...7, using: &random) : Double.random(in: 3...5, using: &random)
        let image: SyntheticImage
        switch parts[1] {
        case "rotation": image = .rotated(code.modules, moduleSize: moduleSize, degrees: angle)
        case "perspective" where kind == .rmqr:
            image = foreshortened(code.modules, moduleSize: moduleSize + 1, degrees: angle, random: &random)
        case "perspective":
            image = .rotated(
                code.modules, moduleSize: moduleSize + 1, degrees: angle,
                tilt: Double.random(in: 0.05...0.2, using: &random))
        case "blur":
            let size = moduleSize + 2
            image = SyntheticImage.rotated(code.modules, moduleSize: size, degrees: angle)
                .blurred(radius: Int(size * Double.random(in: 0.2...0.35, using: &random)))
        case "noise":
            image = SyntheticImage.rotated(code.modules, moduleSize: moduleSize + 1, degrees: angle)
                .noisy(standardDeviation: Double.random(in: 20...40, using: &random), seed: random.next())
        case "inverted": image = SyntheticImage.rotated(code.modules, moduleSize: moduleSize, degrees: angle).inverted()
        default:  // mirrored
            let mirrored = kind == .micro ? code.modules.transposed() : code.modules.mirroredHorizontally()
            image = .rotated(mirrored, moduleSize: moduleSize, degrees: angle)
        }
        return (image, text)
    }

    /// An rMQR strip seen at an angle along its length: the far end 10–35 %
    /// shorter than the near one, either end, then turned. (``SyntheticImage/rotated``'s
    /// tilt shortens the top edge, which on a symbol 8–20 times wider than
    /// high leans its ends by tens of degrees: no camera sees a strip so.)
    static func foreshortened(
        _ modules: BitMatrix, moduleSize: Double, degrees: Double, random: inout SeededRandom
    ) -> SyntheticImage {
        let shrink = 1 - Double.random(in: 0.1...0.35, using: &random)
        let (far, near) = Bool.random(using: &random) ? (shrink, 1.0) : (1.0, shrink)
        let h = Double(modules.width) * moduleSize / 2, v = Double(modules.height) * moduleSize / 2
        let side = Int((2 * h * 1.2 + 12 * moduleSize).rounded(.up))
        let c = Double(side) / 2, angle = degrees * Double.pi / 180
        let local = [
            ImagePoint(x: -h, y: -v * near), ImagePoint(x: h, y: -v * far), ImagePoint(x: h, y: v * far),
            ImagePoint(x: -h, y: v * near),
        ]
        let corners = local.map { p in
            ImagePoint(x: c + p.x * cos(angle) - p.y * sin(angle), y: c + p.x * sin(angle) + p.y * cos(angle))
        }
        return .warped(modules, width: side, height: side, corners: corners)
    }
}
