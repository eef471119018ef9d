import Testing

@testable import QRCore

/// The worked example of ISO/IEC 18004:2015 Annex I: "01234567" in a
/// version 1-M symbol, followed step by step.
struct AnnexIWorkedExampleTests {
    static let text = "01234567"
    /// Annex I.2: the data bit stream, terminated and padded, as codewords.
    static let dataCodewords: [UInt8] = [
        0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
        0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
    ]
    /// Annex I.3: the ten error-correction codewords of the single block.
    static let ecCodewords: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]

    @Test func numericSegmentBitsMatchAnnexI() throws {
        let segment = try QRSegment.numeric(Self.text)
        #expect(segment.mode == .numeric)
        #expect(segment.characterCount == 8)
        // 012 → 0000001100, 345 → 0101011001, 67 → 1000011 (§7.4.3).
        #expect(EncoderReference.bitString(segment.data) == "0000001100" + "0101011001" + "1000011")
        #expect(segment.bitLength(at: 1) == 4 + 10 + 27)
    }

    @Test func dataCodewordsMatchAnnexI() throws {
        let segment = try QRSegment.numeric(Self.text)
        let data = QREncoder.dataCodewords([segment], version: 1, correctionLevel: .medium)
        #expect(data == Self.dataCodewords)
    }

    @Test func errorCorrectionCodewordsMatchAnnexI() {
        #expect(ReedSolomonEncoder.remainder(of: Self.dataCodewords[...], degree: 10) == Self.ecCodewords)
        // The slow reference division agrees, so it can be trusted elsewhere.
        #expect(EncoderReference.errorCorrection(Self.dataCodewords, degree: 10) == Self.ecCodewords)
    }

    @Test func singleBlockIsDataThenErrorCorrection() {
        let blocks = BlockStructure(version: 1, correctionLevel: .medium)
        #expect(blocks.blockCount == 1)
        #expect(blocks.totalCodewords == 26)
        #expect(blocks.dataCodewords == 16)
        #expect(SymbolBuilder.interleave(Self.dataCodewords, blocks: blocks) == Self.dataCodewords + Self.ecCodewords)
    }

    @Test(arguments: [SegmentMode?.some(.numeric), nil])
    func finishedSymbolHoldsTheCodewordsInPlacementOrder(forcedMode: SegmentMode?) throws {
        let options = EncodingOptions(correctionLevel: .medium, boostsCorrection: false)
        let code =
            if let forcedMode {
                try QRCode(text: Self.text, mode: forcedMode, options: options)
            } else {
                try QRCode(text: Self.text, options: options)
            }
        #expect(code.version == 1)
        #expect(code.correctionLevel == .medium)
        #expect(code.size == 21)
        let readBack = EncoderReference.readCodewords(code)
        #expect(readBack.codewords == Self.dataCodewords + Self.ecCodewords)
        #expect(readBack.remainder.isEmpty, "version 1 has no remainder bits")
        let format = try #require(EncoderReference.format(ofBits: EncoderReference.primaryFormatBits(code)))
        #expect(format.level == .medium)
        #expect(format.mask == code.mask.number)
    }

    @Test func everyMaskKeepsTheSameCodewords() throws {
        for mask in QRMask.all {
            let options = EncodingOptions(correctionLevel: .medium, mask: mask, boostsCorrection: false)
            let code = try QRCode(text: Self.text, mode: .numeric, options: options)
            #expect(code.mask == mask)
            #expect(
                EncoderReference.readCodewords(code).codewords == Self.dataCodewords + Self.ecCodewords,
                "mask \(mask)")
        }
    }

    @Test func lowLevelAPIReproducesTheSymbol() throws {
        let options = EncodingOptions(correctionLevel: .medium, mask: 2, boostsCorrection: false)
        let viaText = try QRCode(text: Self.text, mode: .numeric, options: options)
        let viaCodewords = try QRCode(dataCodewords: Self.dataCodewords, version: 1, correctionLevel: .medium, mask: 2)
        #expect(viaText == viaCodewords)
    }
}
