@testable import QRCore

// libFuzzer harness: codewords → Reed–Solomon correction per block → bit stream parser.
//
// Input:
//   byte 0   version, 1 + byte modulo 40 (Model 2), 14 (Model 1), 4 (Micro
//            QR M1–M4) or 32 (rMQR sizes)
//   byte 1   bits 0–1: error-correction level (L, M, Q, H; for Micro QR and
//            rMQR, the version's own levels in turn); bit 2: mode;
//            bit 3: QR Code Model 1 (its block tables, blocks not interleaved,
//            a bit stream after four leading bits); bits 4–5: symbol kind,
//            0 QR Code, 1 Micro QR, 2 rMQR (their block tables, mode
//            indicators and count widths), 3 grid mode
//   grid mode (bits 4–5 = 3):
//     rest     a Micro QR or rMQR grid (byte 0 modulo 36 picks the size: M1–M4,
//              then the rMQR sizes), one bit a module row by row, for the grid
//              decoder: its format information decoders, placement and parser
//   encode mode (bit 2 clear):
//     byte 2   number k of corruptions, then k corruptions of 3 bytes each: a
//              codeword position (16 bits little-endian, modulo the codeword
//              count; bit 15 marks the codeword uncertain) and a value XORed into it
//     rest     the data codewords, cut or zero-padded to the symbol's capacity
//   raw mode (bit 2 set):
//     rest     the received codewords in symbol order, cut or zero-padded to the
//              codeword count; after them, optionally, one byte per codeword,
//              non-zero where the codeword is uncertain
//
// In encode mode the harness adds EC codewords and arranges them as the
// encoder does (Model 1: as zxing-cpp reads them), applies the corruptions and corrects the result, so it can
// hold the decoder to what the code guarantees, not only to never trapping.
// With n EC codewords per block, a block with f erasures and e′ wrong
// codewords among the others is restored whenever 2e′ + f ≤ n, and the whole
// symbol whenever every block has 2e ≤ n wrong codewords in all. The data
// codewords, wholly the fuzzer's, then go to the bit stream parser and text
// decoding. In either mode a successful correction must yield a codeword and
// a failed one must leave the block as it was. A broken promise is a
// fatalError, which libFuzzer reports as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = Array(UnsafeBufferPointer(start: data, count: size))[...]
    guard let versionByte = input.popFirst(), let flags = input.popFirst() else { return 0 }
    let kind = flags >> 4 & 3
    if kind == 3 {
        fuzzGrid(versionByte, input)
        return 0
    }
    let model: SymbolModel = flags & 8 == 0 || kind != 0 ? .model2 : .model1
    let version: QRVersion
    switch kind {
    case 1: version = QRVersion.allMicro.lowerBound.advanced(by: Int(versionByte) % 4)
    case 2: version = QRVersion.allRMQR.lowerBound.advanced(by: Int(versionByte) % 32)
    default:
        version = QRVersion(uncheckedNumber: 1 + Int(versionByte) % (model == .model1 ? Model1Version.maximum : 40))
    }
    let levels = ErrorCorrectionLevel.allCases.filter { $0.isOffered(by: version) }
    let format = FormatInformation(
        correctionLevel: levels[Int(flags & 3) % levels.count],
        mask: version.kind == .micro ? QRMask.allMicro[0] : (version.kind == .rmqr ? QRMask.rmqr : QRMask.all[0]))
    let information = SymbolInformation(version: version, format: format, model: model)
    if flags & 4 == 0 {
        fuzzEncoded(input, information: information)
    } else {
        fuzzReceived(input, information: information)
    }
    return 0
}

/// A Micro QR or rMQR grid from the input's bits, decoded: whatever the
/// modules say, the decoder returns a symbol or a typed error. A result must
/// be of the grid's kind and size.
private func fuzzGrid(_ sizeByte: UInt8, _ input: ArraySlice<UInt8>) {
    let sizes = QRVersion.allMicro.map { ($0.width, $0.height) } + QRVersion.allRMQR.map { ($0.width, $0.height) }
    let (width, height) = sizes[Int(sizeByte) % sizes.count]
    var grid = BitMatrix(width: width, height: height)
    let bytes = Array(input)
    for index in 0..<min(width * height, bytes.count * 8) where bytes[index / 8] >> (index % 8) & 1 != 0 {
        grid[index % width, index / width] = true
    }
    guard let symbol = try? QRDecoder.decode(grid) else { return }
    require(
        symbol.version.width == width && symbol.version.height == height,
        "a \(width)×\(height) grid decoded as \(symbol.version)")
}

/// The data and EC codewords in symbol order: interleaved as the encoder
/// does it, or for Model 1 every block's data, then every block's EC codewords.
private func arranged(_ data: [UInt8], blocks: BlockStructure) -> [UInt8] {
    guard !blocks.isInterleaved else { return SymbolBuilder.interleave(data, blocks: blocks) }
    let length = blocks.shortBlockDataCount
    return data
        + (0..<blocks.blockCount).flatMap { block in
            ReedSolomonEncoder.remainder(
                of: data[(block * length)..<((block + 1) * length)], degree: blocks.ecCodewordsPerBlock)
        }
}

/// One corruption of the encode mode: a codeword position, a value XORed into
/// it (0 leaves it right), and whether the codeword is flagged uncertain.
private struct Corruption {
    let position: Int
    let value: UInt8
    let uncertain: Bool
}

private func fuzzEncoded(_ input: ArraySlice<UInt8>, information: SymbolInformation) {
    let blocks = information.blocks
    var rest = input
    var corruptions: [Corruption] = []
    for _ in 0..<Int(rest.popFirst() ?? 0) where rest.count >= 3 {
        let position = Int(rest.removeFirst()) | Int(rest.removeFirst()) << 8
        corruptions.append(
            Corruption(
                position: (position & 0x7FFF) % blocks.totalCodewords,
                value: rest.removeFirst(), uncertain: position & 0x8000 != 0))
    }
    let data = padded(rest, to: blocks.dataCodewords)
    let sent = arranged(data, blocks: blocks)
    var received = sent
    var uncertain = [UInt8](repeating: 0, count: sent.count)
    for corruption in corruptions {
        received[corruption.position] ^= corruption.value
        if corruption.uncertain { uncertain[corruption.position] = 1 }
    }
    for block in 0..<blocks.blockCount {
        checkBlock(block, received: received, uncertain: uncertain, sent: sent, blocks: blocks)
    }
    checkSymbol(
        received: received, uncertain: uncertain.contains(1) ? uncertain : nil, sent: sent,
        data: data, blocks: blocks)
    parse(data, information: information, corrected: 0)
}

private func fuzzReceived(_ input: ArraySlice<UInt8>, information: SymbolInformation) {
    let blocks = information.blocks
    let count = blocks.totalCodewords
    let received = padded(input.prefix(count), to: count)
    let flags = input.dropFirst(count)
    let uncertain = flags.isEmpty ? nil : padded(flags, to: count)
    let erased = uncertain ?? [UInt8](repeating: 0, count: count)
    for block in 0..<blocks.blockCount {
        checkBlock(block, received: received, uncertain: erased, sent: nil, blocks: blocks)
    }
    guard
        let (data, corrected) = try? BlockCorrector.correctedData(
            received, uncertain: uncertain,
            blocks: blocks)
    else { return }
    parse(data, information: information, corrected: corrected)
}

/// Corrects block `index` of `received` with its uncertain codewords as
/// erasures, and checks the outcome; `sent` is what was encoded, if known.
private func checkBlock(
    _ index: Int, received: [UInt8], uncertain: [UInt8], sent: [UInt8]?,
    blocks: BlockStructure
) {
    let ecCount = blocks.ecCodewordsPerBlock
    let dataCount = blocks.dataCount(ofBlock: index)
    let slots = (0..<(dataCount + ecCount)).map { BlockCorrector.slot(of: $0, inBlock: index, blocks: blocks) }
    let before = slots.map { received[$0] }
    let erasures = slots.indices.filter { uncertain[slots[$0]] != 0 }
    let expected = sent.map { sent in slots.map { sent[$0] } }
    let guaranteed =
        expected.map { expected in
            let erased = Set(erasures)
            let errors = before.indices.count { before[$0] != expected[$0] && !erased.contains($0) }
            return 2 * errors + erasures.count <= ecCount
        } ?? false
    var block = before
    do {
        let changed = try ReedSolomonDecoder.correct(&block, ecCount: ecCount, erasures: erasures)
        require(
            ReedSolomonEncoder.remainder(of: block[..<dataCount], degree: ecCount) == Array(block[dataCount...]),
            "block \(index): the correction is not a codeword")
        require(
            changed == block.indices.count { block[$0] != before[$0] },
            "block \(index): reported \(changed) changes, made a different number")
        require(!guaranteed || block == expected, "block \(index): corrected to the wrong codeword")
    } catch {
        require(block == before, "block \(index): failed with \(error) but changed the block")
        require(!guaranteed, "block \(index): \(erasures.count) erasures within the bound, yet \(error)")
    }
}

/// Corrects the whole symbol as the decoder does; within the errors-only
/// bound of every block it must restore `data` and count every wrong codeword.
private func checkSymbol(
    received: [UInt8], uncertain: [UInt8]?, sent: [UInt8], data: [UInt8],
    blocks: BlockStructure
) {
    let wrong = (0..<blocks.blockCount).map { block in
        (0..<(blocks.dataCount(ofBlock: block) + blocks.ecCodewordsPerBlock)).count {
            let slot = BlockCorrector.slot(of: $0, inBlock: block, blocks: blocks)
            return received[slot] != sent[slot]
        }
    }
    let guaranteed = wrong.allSatisfy { 2 * $0 <= blocks.ecCodewordsPerBlock }
    do {
        let (corrected, count) = try BlockCorrector.correctedData(received, uncertain: uncertain, blocks: blocks)
        require(
            !guaranteed || (corrected == data && count == wrong.reduce(0, +)),
            "symbol: \(wrong) wrong codewords per block, corrected wrongly")
    } catch {
        require(!guaranteed, "symbol: \(wrong) wrong codewords per block are correctable, yet \(error)")
    }
}

/// Parses data codewords and assembles the decoded symbol, text included,
/// with the character set guessed and forced.
private func parse(_ data: [UInt8], information: SymbolInformation, corrected: Int) {
    guard let content = try? BitstreamParser.parse(data, version: information.version, model: information.model)
    else { return }
    for characterSet in [nil, CharacterEncoding.shiftJIS] {
        _ = DecodedSymbol(
            content: content, information: information, mirrored: false, errorsCorrected: corrected,
            characterSet: characterSet)
    }
}

private func padded(_ bytes: ArraySlice<UInt8>, to count: Int) -> [UInt8] {
    Array(bytes.prefix(count)) + [UInt8](repeating: 0, count: max(0, count - bytes.count))
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
