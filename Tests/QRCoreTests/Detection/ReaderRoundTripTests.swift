import Testing

@testable import QRCore

/// Our encoder's symbols, drawn into images, read back by ``QRReader``.
struct ReaderRoundTripTests {
    @Test(arguments: [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 10.0])
    func readsUprightSymbolsAtModuleSize(_ moduleSize: Double) throws {
        for (text, level) in [
            ("HELLO", ErrorCorrectionLevel.medium),
            ("https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42", .high),
        ] {
            let code = try QRCode(text: text, correctionLevel: level)
            let image = SyntheticImage.upright(code.modules, moduleSize: moduleSize).image
            let results = QRReader().read(image)
            #expect(results.map(\.text) == [text], "module size \(moduleSize), \(text)")
        }
    }

    @Test(arguments: stride(from: 0.0, to: 360.0, by: 30.0).map { $0 })
    func readsRotatedSymbols(_ degrees: Double) throws {
        let text = "Rotated by \(Int(degrees)) degrees"
        let code = try QRCode(text: text, correctionLevel: .medium)
        let image = SyntheticImage.rotated(code.modules, moduleSize: 4, degrees: degrees).image
        #expect(QRReader().read(image).map(\.text) == [text])
    }

    /// QR Code Model 1 symbols in images, every version: from version 2 the
    /// detector looks for alignment patterns that Model 1 does not have, and
    /// data that mimics one must not keep the symbol from being read.
    @Test(arguments: 1...14)
    func readsModel1Symbols(_ number: Int) throws {
        let version = try QRVersion(number: number)
        let text = "Model 1 v\(number)"
        let modules = try Model1Writer.symbol(
            [.bytes(Array(text.utf8))], version: version, level: .medium,
            mask: QRMask.all[number % 8])
        let image = SyntheticImage.rotated(modules, moduleSize: 4, degrees: Double(number) * 25, tilt: 0.1).image
        let results = QRReader().read(image)
        #expect(results.map(\.text) == [text])
        #expect(results.map(\.model) == [.model1] && results.map(\.version) == [version])
    }

    /// `Fixtures/model1/v04-M.png`: the Model 1 fixture `v04-M.txt` drawn at
    /// 4 pixels a module with a 4-module quiet zone (zxing-cpp reads it too).
    @Test(.enabled(if: BuildTraits.readsPNG))
    func readsTheModel1Picture() throws {
        let image = try GrayImage(contentsOfFile: Fixtures.url("model1/v04-M.png").path)
        let symbol = try #require(QRReader().read(image).first)
        #expect(symbol.text == "M1v4M" && symbol.model == .model1 && symbol.version == 4)
        #expect(symbol.corners.topLeft.distance(to: ImagePoint(x: 16, y: 16)) < 1)
    }
}
