// How QRCore's values print: `print(value)` says what a user needs in one
// line; `debugPrint(value)` (and the debugger) adds what a maintainer needs.
// Large values (images, matrices) never print their contents in one line.

extension QRCode: CustomStringConvertible, CustomDebugStringConvertible {
    /// `QRCode(version 3, level Q, mask 5, 29×29)`.
    public var description: String {
        "QRCode(version \(version), level \(correctionLevel), mask \(mask), \(size)×\(size))"
    }

    /// The one-line description, then the modules as rows of `█` and `·`.
    public var debugDescription: String {
        description + "\n" + modules.picture()
    }
}

extension DecodedSymbol: CustomStringConvertible, CustomDebugStringConvertible {
    /// `DecodedSymbol("https://example.com", version 3, level Q, mask 5)`, with
    /// `Model 1`, `mirrored`, `inverted` and the corrected codewords when they apply.
    public var description: String {
        var parts = ["\(Self.quoted(text))", "version \(version)", "level \(correctionLevel)", "mask \(mask)"]
        if model == .model1 { parts.insert("Model 1", at: 1) }
        if isMirrored { parts.append("mirrored") }
        if isInverted { parts.append("inverted") }
        if errorsCorrected > 0 { parts.append("\(errorsCorrected) codewords corrected") }
        return "DecodedSymbol(" + parts.joined(separator: ", ") + ")"
    }

    /// Everything the result carries, one field a line.
    public var debugDescription: String {
        var lines = [
            "DecodedSymbol", "  text: \(Self.quoted(text))", "  bytes: \(bytes.count)",
            "  \(model), version: \(version), level: \(correctionLevel), mask: \(mask)",
            "  character set: \(characterSet)",
            "  segments: " + segments.map { "\($0.mode)×\($0.count)" }.joined(separator: ", "),
            "  corners: \(corners)", "  mirrored: \(isMirrored), inverted: \(isInverted)",
            "  errors corrected: \(errorsCorrected)",
        ]
        if !eciAssignments.isEmpty { lines.append("  ECI: \(eciAssignments)") }
        if let fnc1 { lines.append("  FNC1: \(fnc1)") }
        if let structuredAppend {
            lines.append(
                "  structured append: \(structuredAppend.index + 1) of \(structuredAppend.count), "
                    + "parity \(structuredAppend.parity)")
        }
        return lines.joined(separator: "\n")
    }

    /// The text in quotes, shortened to 60 characters.
    private static func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? text.prefix(59) + "…" : Substring(text)
        return "\"" + shown.replacingNewlines() + "\""
    }
}

extension BitMatrix: CustomStringConvertible, CustomDebugStringConvertible {
    /// `BitMatrix(21×21, 220 dark)`.
    public var description: String { "BitMatrix(\(width)×\(height), \(darkCount) dark)" }

    /// The description, then the bits as rows of `█` (set) and `·`.
    public var debugDescription: String { description + "\n" + picture() }

    /// Rows of `█` for dark modules and `·` for light ones.
    func picture() -> String {
        (0..<height).map { y in String((0..<width).map { self[$0, y] ? "█" : "·" }) }.joined(separator: "\n")
    }
}

extension GrayImage: CustomStringConvertible {
    /// `GrayImage(640×480)`: never the pixels.
    public var description: String { "GrayImage(\(width)×\(height))" }
}

private extension Substring {
    /// Line breaks shown as `\n`, so a description stays on one line.
    func replacingNewlines() -> String {
        var result = ""
        for character in self { result += character.isNewline ? "\\n" : String(character) }
        return result
    }
}

extension ParallelCodecMetrics: CustomStringConvertible {
    /// `ParallelCodecMetrics(2 workers, 1 busy, 3 queued, 120 completed, 2 failed, p50 1.2 ms, p99 4.0 ms)`,
    /// with the rarer counters only when they are not zero.
    public var description: String {
        var parts = [
            "\(workers) workers", "\(busyWorkers) busy", "\(queued) queued", "\(completed) completed",
            "\(failed) failed",
        ]
        for (count, name) in [
            (waitingSubmissions, "waiting to submit"), (cancelled, "cancelled"),
            (rejected, "rejected"), (expired, "expired"), (retained, "retained"),
        ]
        where count > 0 {
            parts.append("\(count) \(name)")
        }
        if let latencyP50 { parts.append("p50 \(Self.milliseconds(latencyP50))") }
        if let latencyP99 { parts.append("p99 \(Self.milliseconds(latencyP99))") }
        return "ParallelCodecMetrics(" + parts.joined(separator: ", ") + ")"
    }

    /// A duration in milliseconds with one decimal, without Foundation's formatters.
    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = (seconds * 10_000) + attoseconds / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
