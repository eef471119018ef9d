/// JPEG marker surgery for corruption and limit tests (ITU-T T.81 Annex B).
enum JPEGBytes {
    /// A marker segment or a stretch of entropy-coded data, by byte range.
    struct Segment {
        /// The marker's second byte (0xC0 for SOF0, 0xDA for SOS, …), or nil
        /// for the entropy-coded data after an SOS or a restart marker.
        var marker: UInt8?
        var range: Range<Int>
    }

    /// The file cut into its segments: SOI, every marker segment with its
    /// length, each scan's entropy-coded data, RSTn and EOI.
    static func segments(_ bytes: [UInt8]) -> [Segment] {
        var segments: [Segment] = []
        var offset = 0
        while offset + 1 < bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            let standalone = marker == 0xD8 || marker == 0xD9 || (0xD0...0xD7).contains(marker)
            let end = standalone ? offset + 2 : offset + 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
            segments.append(Segment(marker: marker, range: offset..<end))
            offset = end
            if marker == 0xDA || (0xD0...0xD7).contains(marker) {
                let dataEnd = nextMarker(bytes, from: offset)
                segments.append(Segment(marker: nil, range: offset..<dataEnd))
                offset = dataEnd
            }
        }
        return segments
    }

    /// Where entropy-coded data starting at `offset` ends: at the first FF
    /// that is neither stuffing (FF 00) nor fill (FF FF).
    private static func nextMarker(_ bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index + 1 < bytes.count {
            if bytes[index] == 0xFF, bytes[index + 1] != 0x00, bytes[index + 1] != 0xFF { return index }
            index += 1
        }
        return bytes.count
    }

    /// The file with its start-of-frame header claiming another size.
    static func claiming(width: UInt16, height: UInt16, in jpeg: [UInt8]) -> [UInt8] {
        let frame = segments(jpeg).first { ($0.marker.map { (0xC0...0xC2).contains($0) }) == true }!
        var bytes = jpeg
        let start = frame.range.lowerBound
        bytes.replaceSubrange(
            start + 5..<start + 9,
            with: [
                UInt8(height >> 8), UInt8(height & 0xFF),
                UInt8(width >> 8), UInt8(width & 0xFF),
            ])
        return bytes
    }

    /// SOI, a start-of-frame of the given kind (0xC0 + n for SOFn) with
    /// `components` components of 1×1 sampling, and an SOS naming them all:
    /// enough for libjpeg to read the header, no tables or data.
    static func header(
        frame: UInt8 = 0xC0, precision: UInt8 = 8, components: UInt8 = 1,
        width: UInt16 = 8, height: UInt16 = 8
    ) -> [UInt8] {
        let ids = Array(1...components)
        let size: [UInt8] = [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
        let sof: [UInt8] = [precision] + size + [components] + ids.flatMap { id -> [UInt8] in [id, 0x11, 0] }
        let sos: [UInt8] = [components] + ids.flatMap { id -> [UInt8] in [id, 0x00] } + [0, 63, 0]
        return [0xFF, 0xD8] + segment(frame, sof) + segment(0xDA, sos) + [0x00, 0xFF, 0xD9]
    }

    private static func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        let length = body.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }

    /// A progressive file with its first scan (the SOS segment and its data,
    /// the DC scan) repeated `count` times. Its successive approximation is
    /// set to none (Ah = Al = 0), which makes the copies a legal sequence:
    /// each one replaces the DC coefficients whole (T.81 §G.1.1.1.2).
    static func repeatingFirstScan(_ jpeg: [UInt8], count: Int) -> [UInt8] {
        let parts = segments(jpeg)
        let sos = parts.firstIndex { $0.marker == 0xDA }!
        var scan = Array(jpeg[parts[sos].range.lowerBound..<parts[sos + 1].range.upperBound])
        scan[parts[sos].range.count - 1] = 0
        var bytes = Array(jpeg[..<parts[sos].range.lowerBound])
        for _ in 0..<count { bytes += scan }
        return bytes + jpeg[parts[sos + 1].range.upperBound...]
    }
}
