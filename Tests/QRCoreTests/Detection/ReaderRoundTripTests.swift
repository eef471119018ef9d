import Testing
@testable import QRCore

/// Our encoder's symbols, drawn into images, read back by ``QRReader``.
struct ReaderRoundTripTests {
    @Test(arguments: [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 10.0])
    func readsUprightSymbolsAtModuleSize(_ moduleSize: Double) throws {
        for (text, level) in [("HELLO", ErrorCorrectionLevel.medium), ("https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42", .high)] {
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
}
