import QRCoreTestSupport
import Testing

@testable import QRCore

/// The decoder's suites, grouped so that `--filter Decoding` runs them all.
@Suite enum DecodingTests {}

/// Symbols and damage for the decoder tests: payloads that fill a third of a
/// symbol each with numeric, alphanumeric and byte data, and module flips
/// aimed at chosen codewords of chosen blocks.
enum DecodingTestSupport {
    /// Segments in three modes sized to the capacity of `version` at
    /// `correctionLevel`, and the text they spell.
    static func mixedPayload(
        version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        using random: inout SeededRandom
    ) -> (segments: [QRSegment], text: String) {
        let third = BlockStructure(version: version, correctionLevel: correctionLevel).dataBits / 3
        let digits = String(
            (0..<(max(third - 18, 0) / 10 * 3)).map { _ in
                "0123456789".randomElement(using: &random)!
            })
        let alphanumeric = String(
            (0..<(max(third - 17, 0) / 11 * 2)).map { _ in
                Character(Unicode.Scalar(QRSegment.alphanumericCharset.randomElement(using: &random)!))
            })
        let printable = (0..<(max(third - 20, 0) / 8)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
        let segments = [
            try! QRSegment.numeric(digits), try! QRSegment.alphanumeric(alphanumeric),
            QRSegment.bytes(printable),
        ]
        return (segments, digits + alphanumeric + String(decoding: printable, as: UTF8.self))
    }

    /// A symbol of exactly `version`, `correctionLevel` and `mask` holding `segments`.
    static func symbol(
        _ segments: [QRSegment], version: QRVersion, correctionLevel: ErrorCorrectionLevel,
        mask: QRMask
    ) throws -> QRCode {
        try QRCode(
            segments: segments,
            options: EncodingOptions(
                correctionLevel: correctionLevel, versions: version...version,
                mask: mask, boostsCorrection: false))
    }

    /// The modules of codeword `i` of block `block` in a symbol (§7.6 slot, §7.7.3 placement).
    static func modules(
        ofCodeword i: Int, inBlock block: Int, blocks: BlockStructure,
        template: SymbolTemplate
    ) -> [(x: Int, y: Int)] {
        let slot = BlockCorrector.slot(of: i, inBlock: block, blocks: blocks)
        return template.dataOrder[(slot * 8)..<(slot * 8 + 8)].map { (Int($0 & 0xFF), Int($0 >> 8)) }
    }

    /// Flips a random non-empty subset of the modules of `count` distinct random
    /// codewords in every block; returns the codewords chosen, per block.
    @discardableResult
    static func damage(
        _ matrix: inout BitMatrix, codewordsPerBlock count: (Int) -> Int, version: QRVersion,
        correctionLevel: ErrorCorrectionLevel, using random: inout SeededRandom
    ) -> [[Int]] {
        let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
        let template = SymbolTemplate.of(version)
        return (0..<blocks.blockCount).map { block in
            let length = blocks.dataCount(ofBlock: block) + blocks.ecCodewordsPerBlock
            let chosen = Array((0..<length).shuffled(using: &random).prefix(count(block)))
            for codeword in chosen {
                let modules = modules(ofCodeword: codeword, inBlock: block, blocks: blocks, template: template)
                let flips = UInt8.random(in: 1...255, using: &random)
                for (bit, module) in modules.enumerated() where flips >> bit & 1 != 0 {
                    matrix[module.x, module.y].toggle()
                }
            }
            return chosen
        }
    }
}
