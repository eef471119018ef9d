import QRCoreTestSupport
import Testing

@testable import QRCore

/// Micro QR symbols found in images by ``QRReader`` (``MicroSymbolLocator``):
/// every version at any rotation, in perspective, blurred, noisy, inverted
/// and mirrored. Scripts/check-micro-images.py measures the same against
/// zxing-cpp on images made by segno and zxing-cpp.
struct MicroQRReaderTests {
    static let texts = ["12345", "HELLO", "hello", "Micro QR 12"]

    @Test(arguments: 0..<4)
    func readsEveryVersionAtAnyRotation(_ index: Int) throws {
        var random = SeededRandom(seed: UInt64(40 + index))
        let code = try QRCode(text: Self.texts[index], options: EncodingOptions(symbol: .micro, correctionLevel: .low))
        #expect(code.version.number == index + 1)
        for degrees in [0.0, 33, 90, 135, 210, Double.random(in: 0..<360, using: &random)] {
            let image = SyntheticImage.rotated(code.modules, moduleSize: 6, degrees: degrees).image
            let symbols = QRReader().read(image)
            #expect(symbols.map(\.text) == [Self.texts[index]], "M\(index + 1) at \(degrees)°")
            #expect(symbols.first?.version.kind == .micro)
        }
    }

    @Test func readsPerspectiveBlurNoiseInversionAndMirroring() throws {
        var random = SeededRandom(seed: 1994)
        let code = try QRCode(text: "MICRO 42", options: EncodingOptions(symbol: .micro, correctionLevel: .medium))
        let angle = { Double.random(in: 0..<360, using: &random) }
        let images: [(String, SyntheticImage)] = [
            ("perspective", .rotated(code.modules, moduleSize: 7, degrees: angle(), tilt: 0.25)),
            ("blur", SyntheticImage.rotated(code.modules, moduleSize: 7, degrees: angle()).blurred(radius: 2)),
            (
                "noise",
                SyntheticImage.rotated(code.modules, moduleSize: 6, degrees: angle()).noisy(
                    standardDeviation: 30, seed: 7)
            ),
            ("inverted", SyntheticImage.rotated(code.modules, moduleSize: 6, degrees: angle()).inverted()),
            ("mirrored", .rotated(code.modules.transposed(), moduleSize: 6, degrees: angle())),
        ]
        for (name, image) in images {
            let symbols = QRReader().read(image.image)
            #expect(symbols.map(\.text) == ["MICRO 42"], "\(name)")
            #expect(symbols.first?.symbol == .micro, "\(name)")
        }
        let mirrored = QRReader().read(images[4].1.image).first
        #expect(mirrored?.isMirrored == true)
        #expect(QRReader().read(images[3].1.image).first?.isInverted == true)
    }
}
