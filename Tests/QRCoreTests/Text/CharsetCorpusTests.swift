import Foundation
import Testing

@testable import QRCore

extension TextTests {
    /// The byte-mode texts of Fixtures/charset/corpus.json (made by
    /// Scripts/make-charset-corpus.py), each written into a symbol as its
    /// sender would (the bytes as they are, after an ECI when it has one) and
    /// decoded: the counts of texts read exactly, per kind, are checked in.
    /// Benchmarks/charset/score.py puts zxing-cpp beside these counts.
    struct CharsetCorpusTests {
        struct Entry: Decodable {
            let name, kind, text: String
            let eci: Int?
            let bytes_hex: String

            var bytes: [UInt8] {
                let digits = Array(bytes_hex.utf8)
                return stride(from: 0, to: digits.count, by: 2).map {
                    UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
                }
            }
        }

        /// Texts read exactly, per kind; every other text of the kind is misread.
        /// The two Latin-1 misreads are texts of capitals alone (`ÄÖÜ`, `ÀÉ`):
        /// their bytes, 0xC0…0xDD, are the half-width katakana ﾀ…ﾝ as well, and a
        /// run of them is exactly what a katakana word such as `ﾒﾓ` is, so no
        /// rule on the bytes can tell them apart. zxing-cpp reads them as katakana too.
        static let exact: [String: (exact: Int, of: Int)] = [
            "sjis-kanji": (20, 20), "sjis-kana": (14, 14), "sjis-halfwidth-long": (20, 20),
            "sjis-halfwidth-short": (12, 12), "sjis-real-world": (12, 12), "utf8-cjk": (7, 7), "utf8-cyrillic": (5, 5),
            "utf8-greek": (4, 4), "utf8-accents": (15, 15), "latin1-words": (36, 36), "latin1-hard": (23, 25),
            "latin1-sentences": (10, 10), "utf8-real-world": (5, 5), "latin1-real-world": (6, 6),
            "utf8-cjk-eci": (7, 7), "utf8-cyrillic-eci": (5, 5), "utf8-greek-eci": (4, 4), "utf8-accents-eci": (15, 15),
            "utf8-real-world-eci": (5, 5), "sjis-kanji-eci": (8, 8), "sjis-kana-eci": (14, 14),
            "sjis-real-world-eci": (12, 12), "sjis-halfwidth-eci": (12, 12), "latin1-eci": (35, 35),
        ]

        @Test func readsTheCheckedInCounts() throws {
            let entries = try JSONDecoder().decode([Entry].self, from: Fixtures.data("charset/corpus.json"))
            var counts: [String: (exact: Int, of: Int)] = [:]
            for entry in entries {
                var segments = [QRSegment.bytes(entry.bytes)]
                if let eci = entry.eci { segments.insert(try .eci(eci), at: 0) }
                let symbol = try QRDecoder.decode(QRCode(segments: segments).modules)
                let count = counts[entry.kind] ?? (0, 0)
                counts[entry.kind] = (count.exact + (symbol.text == entry.text ? 1 : 0), count.of + 1)
            }
            #expect(counts.count == Self.exact.count)
            for (kind, expected) in Self.exact {
                let count = try #require(counts[kind], "\(kind)")
                #expect(count.exact == expected.exact && count.of == expected.of, "\(kind): \(count)")
            }
        }
    }
}
