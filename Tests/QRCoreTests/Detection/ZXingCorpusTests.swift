import Foundation
import Testing

@testable import QRCore

/// The sample photos of zxing-cpp's test suite (Fixtures/zxing, Apache-2.0),
/// each read at the four right-angle rotations. zxing-cpp 3.1 reads 57 of 57
/// at every rotation; so must we, with the exact expected text.
struct ZXingCorpusTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        let path: String
        let expected: String
        var testDescription: String { URL(fileURLWithPath: path).pathComponents.suffix(2).joined(separator: "/") }
    }

    static let samples: [Sample] = {
        let root = Fixtures.url("zxing")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.sorted().flatMap { folder -> [Sample] in
            let directory = root.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return files.filter { $0.hasSuffix(".png") }.sorted().compactMap { file in
                let png = directory.appendingPathComponent(file)
                let text = png.deletingPathExtension().appendingPathExtension("txt")
                guard let expected = try? String(contentsOf: text, encoding: .utf8) else { return nil }
                return Sample(path: png.path, expected: expected)
            }
        }
    }()

    @Test func corpusIsComplete() {
        #expect(Self.samples.count == 57)
    }

    @Test(.enabled(if: BuildTraits.readsPNG), arguments: samples)
    func readsAtEveryRotation(_ sample: Sample) throws {
        var image = try GrayImage(contentsOfFile: sample.path)
        for rotation in [0, 90, 180, 270] {
            let texts = QRReader().read(image).map(\.text)
            #expect(texts.contains(sample.expected), "at \(rotation)°: read \(texts)")
            image = image.rotatedClockwise()
        }
    }
}

extension GrayImage {
    /// The image turned 90° clockwise.
    func rotatedClockwise() -> GrayImage {
        var rotated = GrayImage(width: height, height: width)
        for y in 0..<height {
            for x in 0..<width { rotated[height - 1 - y, x] = self[x, y] }
        }
        return rotated
    }
}
