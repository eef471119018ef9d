import Testing

@testable import QRCore

/// Micro QR Code through the public options: version choice, levels, modes,
/// and the errors for what Micro QR cannot do.
struct MicroQREncodingTests {
    /// Micro QR version M`n`, for literals known to be valid.
    private static func m(_ n: Int) -> QRVersion { try! QRVersion.micro(n) }

    private func micro(_ level: ErrorCorrectionLevel = .low, boosts: Bool = false) -> EncodingOptions {
        EncodingOptions(symbol: .micro, correctionLevel: level, boostsCorrection: boosts)
    }

    @Test func theSmallestVersionThatHoldsTheTextIsChosen() throws {
        #expect(try QRCode(text: "12345", options: micro()).version == Self.m(1))
        #expect(try QRCode(text: "HELLO", options: micro()).version == Self.m(2))
        #expect(try QRCode(text: "hello", options: micro()).version == Self.m(3))
        #expect(try QRCode(text: "https://a.io", options: micro()).version == Self.m(4))
        #expect(try QRCode(text: "12345", options: micro(.medium)).version == Self.m(2))
    }

    @Test func sizesAndDescriptionsFollowTheVersion() throws {
        for number in 1...4 {
            let version = Self.m(number)
            let code = try QRCode(
                text: "1", options: EncodingOptions(correctionLevel: .low, versions: version...version))
            #expect(code.size == 9 + 2 * number)
            #expect(code.symbol == .micro)
            #expect(code.version.description == "M\(number)")
        }
        #expect(SymbolKind.micro.quietZone == 2 && SymbolKind.qr.quietZone == 4)
    }

    @Test func microVersionsOrderBeforeQRVersionsAndRangesStayInTheirKind() throws {
        let m4 = try QRVersion.micro(4)
        #expect(m4 < QRVersion(1))
        #expect(Array(QRVersion.allMicro).map(\.description) == ["M1", "M2", "M3", "M4"])
        #expect(m4.advanced(by: 1) == QRVersion(1))
        #expect(EncodingOptions(symbol: .micro).versions == QRVersion.allMicro)
        #expect(EncodingOptions().versions == QRVersion.all)
    }

    @Test func boostingStaysWithinTheLevelsTheVersionOffers() throws {
        let code = try QRCode(text: "1", options: micro(.low, boosts: true))
        #expect(code.version == Self.m(1))
        #expect(code.correctionLevel == .low)
        let m4 = try QRCode(
            text: "1", options: EncodingOptions(symbol: .micro, versions: try QRVersion.micro(4)...Self.m(4)))
        #expect(m4.correctionLevel == .quartile)
    }

    @Test func levelsAVersionLacksAreRefused() throws {
        let m1 = try QRVersion.micro(1)
        #expect(throws: QREncodingError.correctionLevelUnavailable(.medium, version: m1)) {
            try QRCode(text: "1", options: EncodingOptions(correctionLevel: .medium, versions: m1...m1))
        }
        #expect(throws: QREncodingError.correctionLevelUnavailable(.high, version: try QRVersion.micro(4))) {
            try QRCode(text: "1", options: EncodingOptions(symbol: .micro, correctionLevel: .high))
        }
    }

    @Test func modesAVersionLacksAreRefused() throws {
        let m2 = try QRVersion.micro(2)
        #expect(throws: QREncodingError.modeUnavailable(.byte, version: m2)) {
            try QRCode(
                bytes: [0x61], options: EncodingOptions(correctionLevel: .low, versions: try QRVersion.micro(1)...m2))
        }
        // Lower case needs byte mode, which M1 and M2 lack: M3 is the smallest.
        #expect(try QRCode(text: "a", options: micro()).version == Self.m(3))
    }

    @Test func whatMicroQRCannotCarryIsRefused() throws {
        #expect(throws: QREncodingError.unavailableInMicroQR("an ECI designator")) {
            try QRCode(text: "é", options: EncodingOptions(symbol: .micro, declaresUTF8: true))
        }
        #expect(throws: QREncodingError.unavailableInMicroQR("a structured-append header")) {
            try QRCode.structuredAppend(text: "12345678", count: 2, options: micro())
        }
    }

    @Test func mixedKindsAreRefused() throws {
        let m4 = try QRVersion.micro(4)
        #expect(throws: QREncodingError.mixedSymbolKinds(m4, QRVersion(2))) {
            try QRCode(text: "1", options: EncodingOptions(versions: m4...QRVersion(2)))
        }
        #expect(throws: QREncodingError.invalidMicroMask(7)) {
            try QRCode(text: "1", options: EncodingOptions(symbol: .micro, mask: 7))
        }
        #expect(throws: QREncodingError.invalidMicroVersion(5)) { try QRVersion.micro(5) }
        #expect(throws: QREncodingError.invalidMicroMask(4)) { try QRMask.micro(4) }
    }

    @Test func tooMuchTextNamesTheLargestVersion() throws {
        let error = #expect(throws: QREncodingError.self) {
            try QRCode(text: String(repeating: "9", count: 36), options: micro())
        }
        #expect(error?.description.contains("version M4") == true)
    }

    @Test func capacityCountsMicroHeaders() throws {
        let m1 = try QRVersion.micro(1), m4 = try QRVersion.micro(4)
        #expect(m1.capacity(correctionLevel: .low, mode: .numeric).characters == 5)
        #expect(m1.capacity(correctionLevel: .low, mode: .byte).characters == 0)
        #expect(m1.capacity(correctionLevel: .medium, mode: .numeric).dataBits == 0)
        #expect(m4.capacity(correctionLevel: .low, mode: .numeric).characters == 35)
        #expect(m4.capacity(correctionLevel: .low, mode: .alphanumeric).characters == 21)
        #expect(m4.capacity(correctionLevel: .low, mode: .byte).characters == 15)
        #expect(m4.capacity(correctionLevel: .quartile, mode: .kanji).characters == 5)
    }
}
