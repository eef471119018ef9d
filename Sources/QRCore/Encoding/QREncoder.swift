/// Where the segments to encode come from: fixed, or re-optimised for the
/// count-field widths of each version class.
enum SegmentPlan {
    case fixed([QRSegment])
    case optimized(SegmentOptimizer)
}

/// Chooses the version and level for some segments and writes their data
/// codewords (ISO/IEC 18004:2015 §7.4.9–7.4.10), then hands over to ``SymbolBuilder``.
enum QREncoder {
    static func encode(
        _ plan: SegmentPlan, prefix: [QRSegment], options: EncodingOptions
    ) throws(QREncodingError) -> QRCode {
        let (version, segments, bits) = try chooseOrThrow(plan, prefix: prefix, options: options)
        let correctionLevel =
            options.boostsCorrection
            ? boostedLevel(bits: bits, version: version, minimum: options.correctionLevel)
            : options.correctionLevel
        let data = dataCodewords(segments, version: version, correctionLevel: correctionLevel)
        if version.kind == .micro {
            return MicroSymbolBuilder.build(
                dataCodewords: data, version: version, correctionLevel: correctionLevel, mask: options.mask)
        }
        if version.kind == .rmqr {
            return RMQRSymbolBuilder.build(dataCodewords: data, version: version, correctionLevel: correctionLevel)
        }
        return SymbolBuilder.build(
            dataCodewords: data, version: version, correctionLevel: correctionLevel, mask: options.mask)
    }

    /// Refuses options that mix kinds of symbol, what Micro QR Code cannot
    /// carry (ECI designators, structured append) and what rMQR cannot
    /// (structured append), and a height cap below every rMQR size.
    static func validate(_ options: EncodingOptions, prefix: [QRSegment] = []) throws(QREncodingError) {
        let versions = options.versions
        guard versions.lowerBound.kind == versions.upperBound.kind else {
            throw .mixedSymbolKinds(versions.lowerBound, versions.upperBound)
        }
        if let mask = options.mask, mask.kind != options.symbol {
            throw options.symbol == .micro ? .invalidMicroMask(mask.number) : .invalidMask(mask.number)
        }
        if options.symbol == .rmqr {
            if let height = options.maximumHeight, height < 7 { throw .invalidMaximumHeight(height) }
            if prefix.contains(where: { $0.mode == .structuredAppend }) {
                throw .unavailableInRMQR("a structured-append header")
            }
            return
        }
        guard options.symbol == .micro else { return }
        if options.declaresUTF8 || prefix.contains(where: { $0.mode == .eci }) {
            throw .unavailableInMicroQR("an ECI designator")
        }
        if prefix.contains(where: { $0.mode == .structuredAppend }) {
            throw .unavailableInMicroQR("a structured-append header")
        }
    }

    /// ``choose(_:prefix:options:)``, or the error for data that fits no allowed version.
    static func chooseOrThrow(
        _ plan: SegmentPlan, prefix: [QRSegment], options: EncodingOptions
    ) throws(QREncodingError) -> (version: QRVersion, segments: [QRSegment], bits: Int) {
        try validate(options, prefix: prefix)
        guard let chosen = choose(plan, prefix: prefix, options: options) else {
            let largest = candidates(options).last ?? options.versions.upperBound
            throw tooLong(segments(plan, prefix: prefix, at: largest), options: options)
        }
        return chosen
    }

    /// The versions to try, in order: the range as it is for QR Code and
    /// Micro QR Code; for rMQR the sizes no taller than the cap, by area
    /// (then height), so that the first that fits is the smallest symbol.
    static func candidates(_ options: EncodingOptions) -> [QRVersion] {
        guard options.symbol == .rmqr else { return Array(options.versions) }
        let cap = options.maximumHeight ?? .max
        return options.versions.filter { $0.height <= cap }
            .sorted { ($0.width * $0.height, $0.height) < ($1.width * $1.height, $1.height) }
    }

    /// The smallest allowed version that holds the plan's segments at the
    /// requested level, with the segments and their length in bits; nil if
    /// none does. Segments are made once per count-width class (Table 3).
    static func choose(
        _ plan: SegmentPlan, prefix: [QRSegment],
        options: EncodingOptions
    ) -> (version: QRVersion, segments: [QRSegment], bits: Int)? {
        var segmentsByClass: [[QRSegment]?] = Array(repeating: nil, count: QRVersion.countWidthClassCount)
        for version in candidates(options) where options.correctionLevel.isOffered(by: version) {
            let made = segmentsByClass[version.countWidthClass] ?? segments(plan, prefix: prefix, at: version)
            segmentsByClass[version.countWidthClass] = made
            if let bits = bitLength(made, at: version), bits <= capacityBits(version, options.correctionLevel) {
                return (version, made, bits)
            }
        }
        return nil
    }

    /// The plan's segments at `version`, after the prefix.
    private static func segments(_ plan: SegmentPlan, prefix: [QRSegment], at version: QRVersion) -> [QRSegment] {
        switch plan {
        case .fixed(let fixed): prefix + fixed
        case .optimized(let optimizer): prefix + optimizer.segments(at: version)
        }
    }

    /// The plan and prefix for text with the fewest bits, as the options ask:
    /// kanji mode where allowed, the UTF-8 declaration where wanted.
    static func automaticText(_ text: String, options: EncodingOptions) -> (plan: SegmentPlan, prefix: [QRSegment]) {
        let optimizer = SegmentOptimizer(text: text, kanji: options.allowsKanjiMode ? .whenShorter : .never)
        return (.optimized(optimizer), prefix(for: options))
    }

    /// ECI 26 (UTF-8, §7.4.2) before the data when the options declare it.
    static func prefix(for options: EncodingOptions) -> [QRSegment] {
        options.declaresUTF8 ? [utf8Declaration] : []
    }

    // 26 is within 0…999999, so making the designator cannot throw.
    private static let utf8Declaration = try! QRSegment.eci(26)

    /// Total bits of the segments at `version`, or nil if a count overflows its field.
    static func bitLength(_ segments: [QRSegment], at version: QRVersion) -> Int? {
        var total = 0
        for segment in segments {
            guard let bits = segment.bitLength(at: version) else { return nil }
            total += bits
        }
        return total
    }

    static func capacityBits(_ version: QRVersion, _ correctionLevel: ErrorCorrectionLevel) -> Int {
        BlockStructure(version: version, correctionLevel: correctionLevel).dataBits
    }

    /// The highest level at which `bits` still fit `version`.
    private static func boostedLevel(
        bits: Int, version: QRVersion, minimum: ErrorCorrectionLevel
    ) -> ErrorCorrectionLevel {
        for level in ErrorCorrectionLevel.allCases.reversed() where level > minimum && level.isOffered(by: version) {
            if bits <= capacityBits(version, level) { return level }
        }
        return minimum
    }

    /// The error for data that fits no allowed version, measured at the largest.
    private static func tooLong(_ segments: [QRSegment], options: EncodingOptions) -> QREncodingError {
        let level = options.correctionLevel
        guard let version = candidates(options).reversed().first(where: { level.isOffered(by: $0) }) else {
            return .correctionLevelUnavailable(level, version: options.versions.upperBound)
        }
        if let unavailable = segments.first(where: { !$0.mode.isAvailable(at: version) }) {
            switch unavailable.mode {
            case .structuredAppend where version.kind == .rmqr: return .unavailableInRMQR("a structured-append header")
            case _ where version.kind == .rmqr: return .unavailableInRMQR("\(unavailable.mode) mode")
            case .eci: return .unavailableInMicroQR("an ECI designator")
            case .structuredAppend: return .unavailableInMicroQR("a structured-append header")
            default: return .modeUnavailable(unavailable.mode, version: version)
            }
        }
        if let bits = bitLength(segments, at: version) {
            return .dataTooLong(
                bitsNeeded: bits, capacityBits: capacityBits(version, options.correctionLevel),
                version: version, correctionLevel: options.correctionLevel)
        }
        let overflowing = segments.first { $0.bitLength(at: version) == nil }!
        return .segmentTooLong(
            mode: overflowing.mode, count: overflowing.characterCount,
            limit: (1 << overflowing.mode.countWidth(at: version)) - 1, version: version)
    }

    /// Segments, terminator, zero bits to the byte boundary and the alternating
    /// pad codewords 0xEC 0x11 up to the capacity (§7.4.9–7.4.10).
    static func dataCodewords(
        _ segments: [QRSegment], version: QRVersion, correctionLevel: ErrorCorrectionLevel
    ) -> [UInt8] {
        let capacity = capacityBits(version, correctionLevel)
        var buffer = BitBuffer()
        buffer.reserveCapacity(capacity)
        for segment in segments { segment.write(to: &buffer, at: version) }
        let terminator =
            switch version.kind {
            case .micro: MicroQRSpec.terminatorWidth(version)
            case .rmqr: 3  // ISO/IEC 23941:2022 Table 2
            default: 4
            }
        buffer.append(0, width: min(terminator, capacity - buffer.count))
        buffer.append(0, width: (8 - buffer.count % 8) % 8)
        var bytes = buffer.bytes
        var pad: UInt8 = 0xEC
        // Micro QR M1 and M3 end with a 4-bit codeword, left at zero (§7.4.10).
        let blocks = BlockStructure(version: version, correctionLevel: correctionLevel)
        let padded = blocks.dataCodewords - (blocks.hasHalfFinalCodeword ? 1 : 0)
        while bytes.count < padded {
            bytes.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        while bytes.count < blocks.dataCodewords { bytes.append(0) }
        return bytes
    }
}
