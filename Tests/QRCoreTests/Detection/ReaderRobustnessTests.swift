import Foundation
import QRCoreTestSupport
import Testing

@testable import QRCore

/// Images that must give no result and no crash: blank, tiny, extreme
/// shapes, noise, and symbols cut by the image edge (where guessed finder
/// positions fall outside the image).
struct ReaderRobustnessTests {
    @Test(arguments: [(1, 1), (20, 20), (21, 21), (1, 2000), (2000, 1), (64, 3)])
    func blankAndTinyImagesHaveNoCode(width: Int, height: Int) {
        for value: UInt8 in [0, 128, 255] {
            #expect(QRReader().read(GrayImage(width: width, height: height, value: value)).isEmpty)
        }
    }

    @Test func noiseHasNoCode() {
        var random = SeededRandom(seed: 99)
        for (width, height) in [(64, 64), (300, 200), (640, 480)] {
            let pixels = (0..<(width * height)).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(QRReader().read(GrayImage(width: width, height: height, pixels: pixels)).isEmpty)
        }
    }

    /// A symbol whose finder patterns are cut by the image edges: the reader
    /// guesses where a missing finder would be, outside the image, and must
    /// cope.
    @Test(arguments: [0, 1, 2, 3])
    func symbolsCutByTheEdgeDoNotCrash(side: Int) throws {
        let code = try QRCode(text: "cut by the edge", correctionLevel: .high)
        let full = SyntheticImage.upright(code.modules, moduleSize: 4, border: 0).image
        let cut = 12  // three modules of a finder pattern
        let width = full.width - (side % 2 == 0 ? cut : 0), height = full.height - (side % 2 == 1 ? cut : 0)
        var cropped = GrayImage(width: width, height: height)
        let dx = side == 0 ? cut : 0, dy = side == 1 ? cut : 0
        for y in 0..<height {
            for x in 0..<width { cropped[x, y] = full[x + dx, y + dy] }
        }
        let texts = QRReader().read(cropped).map(\.text)
        #expect(texts.allSatisfy { $0 == "cut by the edge" })
    }

    /// Every seed of the pixels fuzzing harness, crashes it once found
    /// included, read the way the harness reads it (`Fuzz/pixels`): a
    /// 6-byte header (format, row padding, width, height), then the pixels.
    /// Symbols among them must read; nothing may trap.
    @Test func fuzzSeedsReadWithoutTrapping() throws {
        let folder = Fixtures.url("fuzz/pixels")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.contains("regression-nonfinite-mapping"))
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let format = PixelFormat.allCases[Int(bytes[0]) % PixelFormat.allCases.count]
            let width = Int(bytes[2]) | Int(bytes[3]) << 8
            let rowLength = width * format.bytesPerPixel
            let bytesPerRow = rowLength + Int(Int8(bitPattern: bytes[1]))
            let declared = Int(bytes[4]) | Int(bytes[5]) << 8
            let height = declared != 0 ? declared : (bytes.count - 6 - rowLength) / bytesPerRow + 1
            let image = try bytes[6...].withUnsafeBytes { pixels in
                try GrayImage(pixels: pixels, width: width, height: height, bytesPerRow: bytesPerRow, format: format)
            }
            let texts = QRReader().read(image).map(\.text)
            if !name.hasPrefix("regression") { #expect(texts.count == 1, "\(name)") }
        }
    }
}
