import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

/// Seeded synthetic photographs of our own symbols, one family of distortion
/// at a time, drawn with QRCore's perspective transform (``SyntheticImage``).
/// Each family's pass count is checked in as a floor: a change that reads
/// fewer fails here, one that reads more should raise the floor.
struct DistortionTests {
    struct Family: CustomTestStringConvertible, Sendable {
        let name: String
        /// Cases that must read exactly (out of `cases`).
        let floor: Int
        let cases: Int
        var testDescription: String { name }
    }

    static let families: [Family] =
        [
            Family(name: "rotation", floor: 24, cases: 24),
            Family(name: "perspective", floor: 24, cases: 24),
            Family(name: "blur", floor: 24, cases: 24),
            Family(name: "noise", floor: 24, cases: 24),
            Family(name: "lighting", floor: 24, cases: 24),
            Family(name: "low contrast", floor: 24, cases: 24),
            Family(name: "inverted", floor: 24, cases: 24),
            Family(name: "mirrored", floor: 24, cases: 24),
            Family(name: "damage", floor: 24, cases: 24),
            Family(name: "small modules", floor: 23, cases: 24),
            Family(name: "high versions", floor: 24, cases: 24),
            Family(name: "steep perspective", floor: 22, cases: 24),
            // Issue 10's kinds (DistortionTests+Hard.swift). zxing-cpp 3.1.1 reads
            // 18, 15, 13, 11, 15, 8, 0 and 13 of these images (written out as PGM).
            Family(name: "bare", floor: 21, cases: 24),
            Family(name: "dotted", floor: 21, cases: 24),
            Family(name: "rounded", floor: 22, cases: 24),
            Family(name: "shear", floor: 21, cases: 24),
            Family(name: "foreshortened", floor: 19, cases: 24),
            Family(name: "curved dense", floor: 8, cases: 8),
            Family(name: "heavy noise", floor: 14, cases: 24),
            Family(name: "heavy blur", floor: 20, cases: 24),
            Family(name: "model 1", floor: 23, cases: 24),
        ] + familyFamilies

    @Test(arguments: families)
    func readsDistortedSymbols(_ family: Family) throws {
        var random = SeededRandom(seed: UInt64(family.name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        var passed = 0
        var failures: [String] = []
        for index in 0..<family.cases {
            let (image, text) = try Self.scenario(family.name, index: index, random: &random)
            let texts = QRReader().read(image.image).map(\.text)
            #expect(texts.allSatisfy { $0 == text }, "\(family.name) #\(index): misread \(texts)")
            if texts == [text] { passed += 1 } else { failures.append("#\(index)") }
        }
        #expect(passed >= family.floor, "\(family.name): \(passed)/\(family.cases), failed \(failures)")
    }

    /// A random payload of 10–80 characters and level.
    static func payload(_ random: inout SeededRandom) throws -> (QRCode, String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -/:.?=&")
        let text = String(
            (0..<Int.random(in: 10...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        let level = ErrorCorrectionLevel.allCases.randomElement(using: &random)!
        return (try QRCode(text: text, correctionLevel: level), text)
    }

    static func scenario(_ family: String, index: Int, random: inout SeededRandom) throws -> (SyntheticImage, String) {
        if family == "curved dense" { return try curvedDense(random: &random) }
        if family == "model 1" { return try model1(random: &random) }
        if let scenario = try familyScenario(family, random: &random) { return scenario }
        let (code, text) = try payload(&random)
        if let hard = hardScenario(family, code: code, index: index, random: &random) { return (hard, text) }
        let angle = Double.random(in: 0..<360, using: &random)
        switch family {
        case "rotation":
            return (.rotated(code.modules, moduleSize: Double.random(in: 3...6, using: &random), degrees: angle), text)
        case "perspective":
            let tilt = Double.random(in: 0.1...0.35, using: &random)
            return (.rotated(code.modules, moduleSize: 5, degrees: angle, tilt: tilt), text)
        case "blur":
            let moduleSize = Double.random(in: 4...7, using: &random)
            let radius = Int(moduleSize * Double.random(in: 0.2...0.45, using: &random))
            return (
                SyntheticImage.rotated(code.modules, moduleSize: moduleSize, degrees: angle).blurred(radius: radius),
                text
            )
        case "noise":
            let sigma = Double.random(in: 20...45, using: &random)
            return (
                SyntheticImage.rotated(code.modules, moduleSize: 5, degrees: angle)
                    .noisy(standardDeviation: sigma, seed: random.next()), text
            )
        case "lighting":
            let gradient = Double.random(in: 0.5...0.8, using: &random)
            return (
                SyntheticImage.rotated(code.modules, moduleSize: 4, degrees: angle).lit(
                    low: 0, high: 255, gradient: gradient), text
            )
        case "low contrast":
            let low = UInt8.random(in: 60...150, using: &random)
            return (
                SyntheticImage.rotated(code.modules, moduleSize: 4, degrees: angle)
                    .lit(low: low, high: low + 26).noisy(standardDeviation: 2, seed: random.next()), text
            )
        case "inverted":
            return (SyntheticImage.rotated(code.modules, moduleSize: 4, degrees: angle).inverted(), text)
        case "mirrored":
            return (.rotated(code.modules.transposed(), moduleSize: 4, degrees: angle), text)
        case "damage":
            return (.rotated(damaged(code, random: &random), moduleSize: 4, degrees: angle), text)
        case "small modules":
            let moduleSize = Double.random(in: 1.2...2, using: &random)
            return (.upright(code.modules, moduleSize: moduleSize), text)
        case "steep perspective":
            return (steep(code.modules, degrees: angle, random: &random), text)
        default:  // high versions
            let long = String(repeating: text, count: 12)
            let big = try QRCode(text: long, correctionLevel: .low)
            return (
                .rotated(
                    big.modules, moduleSize: Double.random(in: 2.5...4, using: &random),
                    degrees: angle, tilt: Double.random(in: 0...0.15, using: &random)), long
            )
        }
    }

    /// A QR Code Model 1 symbol (``Model1Writer``) of a random version 1–14
    /// and level, filled to 40–100 % of its capacity, rotated and tilted.
    static func model1(random: inout SeededRandom) throws -> (SyntheticImage, String) {
        let version = try QRVersion(number: Int.random(in: 1...14, using: &random))
        let level = ErrorCorrectionLevel.allCases.randomElement(using: &random)!
        let capacity = Model1Version.of(version).blockStructure(level).dataCodewords - 3
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -/:.?=&")
        let length = Int.random(in: (capacity * 2 / 5)...capacity, using: &random)
        let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
        let modules = try Model1Writer.symbol(
            [.bytes(Array(text.utf8))], version: version, level: level,
            mask: QRMask.all.randomElement(using: &random)!)
        return (
            .rotated(
                modules, moduleSize: Double.random(in: 3...5, using: &random),
                degrees: Double.random(in: 0..<360, using: &random),
                tilt: Double.random(in: 0...0.2, using: &random)), text
        )
    }

    /// The symbol seen from low down: the far edge 55–75 % (or `farShare`) as
    /// long as the near one, so that the far finder's modules are little more
    /// than half the near ones' and the diagonal between the finders can be
    /// shorter than a side.
    static func steep(
        _ modules: BitMatrix, degrees: Double, farShare: ClosedRange<Double> = 0.55...0.75,
        random: inout SeededRandom
    ) -> SyntheticImage {
        let near = Double(modules.width) * 6, far = near * Double.random(in: farShare, using: &random)
        let depth = near * Double.random(in: 0.5...0.7, using: &random)
        let side = Int(near * 1.6), c = Double(side) / 2
        let angle = degrees * Double.pi / 180
        let local = [
            ImagePoint(x: -far / 2, y: -depth / 2), ImagePoint(x: far / 2, y: -depth / 2),
            ImagePoint(x: near / 2, y: depth / 2), ImagePoint(x: -near / 2, y: depth / 2),
        ]
        let corners = local.map { p in
            ImagePoint(x: c + p.x * cos(angle) - p.y * sin(angle), y: c + p.x * sin(angle) + p.y * cos(angle))
        }
        return .warped(modules, width: side, height: side, corners: corners)
    }

    /// The symbol with a block of modules flipped in its data area, sized to
    /// about a third of what its level can correct.
    static func damaged(_ code: QRCode, random: inout SeededRandom) -> BitMatrix {
        var modules = code.modules
        let share = [0.07, 0.15, 0.25, 0.30][code.correctionLevel.rawValue] / 3
        let side = min(code.size - 19, max(2, Int((Double(code.size * code.size) * share).squareRoot())))
        let x0 = Int.random(in: 9...(code.size - 9 - side), using: &random)
        let y0 = Int.random(in: 9...(code.size - 9 - side), using: &random)
        for y in y0..<(y0 + side) {
            for x in x0..<(x0 + side) { modules[x, y].toggle() }
        }
        return modules
    }
}
