import QRCoreTestSupport
import Testing

@testable import QRCore

/// rMQR symbols found in images by ``QRReader`` (``RMQRSymbolLocator``):
/// every height, the longest widths, any rotation, perspective, blur,
/// noise, inversion and mirroring. Scripts/check-rmqr-images.py measures the
/// same against zxing-cpp on images zxing-cpp wrote.
struct RMQRReaderTests {
    @Test(arguments: [(7, 43), (7, 139), (9, 77), (11, 27), (13, 99), (15, 59), (17, 139)])
    func readsEachHeightAtAnyRotation(_ size: (height: Int, width: Int)) throws {
        var random = SeededRandom(seed: UInt64(size.height * 1000 + size.width))
        let version = try QRVersion.rmqr(height: size.height, width: size.width)
        let text = "R\(size.height)x\(size.width)"
        let code = try QRCode(text: text, options: EncodingOptions(versions: version...version))
        for degrees in [0.0, 90, 180, 270, 17, Double.random(in: 0..<360, using: &random)] {
            let image = SyntheticImage.rotated(code.modules, moduleSize: 4, degrees: degrees).image
            let symbols = QRReader().read(image)
            #expect(symbols.map(\.text) == [text], "\(version) at \(degrees)°")
            #expect(symbols.first?.symbol == .rmqr)
        }
    }

    @Test func readsPerspectiveBlurNoiseInversionAndMirroring() throws {
        var random = SeededRandom(seed: 23941)
        let code = try QRCode(text: "rMQR 23941", options: EncodingOptions(symbol: .rmqr, maximumHeight: 11))
        let angle = { Double.random(in: 0..<360, using: &random) }
        let images: [(String, SyntheticImage)] = [
            ("perspective", .rotated(code.modules, moduleSize: 5, degrees: angle(), tilt: 0.15)),
            ("blur", SyntheticImage.rotated(code.modules, moduleSize: 6, degrees: angle()).blurred(radius: 2)),
            (
                "noise",
                SyntheticImage.rotated(code.modules, moduleSize: 5, degrees: angle()).noisy(
                    standardDeviation: 30, seed: 7)
            ),
            ("inverted", SyntheticImage.rotated(code.modules, moduleSize: 5, degrees: angle()).inverted()),
            ("mirrored", .rotated(code.modules.mirroredHorizontally(), moduleSize: 5, degrees: angle())),
        ]
        for (name, image) in images {
            let symbols = QRReader().read(image.image)
            #expect(symbols.map(\.text) == ["rMQR 23941"], "\(name)")
            #expect(symbols.first?.symbol == .rmqr, "\(name)")
        }
        #expect(QRReader().read(images[4].1.image).first?.isMirrored == true)
        #expect(QRReader().read(images[3].1.image).first?.isInverted == true)
    }
}

extension BitMatrix {
    /// The matrix as seen in a mirror: columns in reverse order.
    func mirroredHorizontally() -> BitMatrix {
        var result = BitMatrix(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where self[x, y] { result[width - 1 - x, y] = true }
        }
        return result
    }
}
