// These tests read PNG through libpng: they need the PNG package trait.
#if PNG
    import Foundation
    import Testing
    @testable import QRCore

    /// PNGs written by ``QRCode/pngData(options:)`` and read back through libpng.
    struct RenderingPNGTests {
        static let ticketURL = "https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42"

        /// Whether pixel (x, y) of a rendering should show a dark module.
        static func isDark(_ code: QRCode, x: Int, y: Int, scale: Int, border: Int) -> Bool {
            let column = x / scale - border, row = y / scale - border
            return column >= 0 && column < code.size && row >= 0 && row < code.size && code[column, row]
        }

        /// Counts pixels of a decoded greyscale rendering that differ from the symbol.
        static func mismatches(_ image: GrayImage, _ code: QRCode, scale: Int, border: Int) -> Int {
            var count = 0
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let dark = isDark(code, x: x, y: y, scale: scale, border: border)
                    if (image[x, y] == 0) != dark { count += 1 }
                }
            }
            return count
        }

        @Test func ticketURLAtLevelHighFitsTheSizeBar() throws {
            let code = try QRCode(text: Self.ticketURL, correctionLevel: .high)
            let png = try code.pngData(options: RenderOptions(scale: 10, border: 4))
            #expect(png.count <= 1075, "PNG is \(png.count) bytes")
            let decoded = try PNGDecoder.decode(png, limits: .default, channels: 1)
            #expect(decoded.info.colorType == .gray)
            #expect(decoded.info.bitDepth == 1)
            #expect(!decoded.info.interlaced)
            #expect(decoded.info.width == (code.size + 8) * 10 && decoded.info.height == decoded.info.width)
            let image = GrayImage(width: decoded.info.width, height: decoded.info.height, pixels: decoded.pixels)
            #expect(Set(image.pixels) == [0, 255])
            #expect(Self.mismatches(image, code, scale: 10, border: 4) == 0)
        }

        @Test(arguments: [(1, 0), (1, 4), (2, 1), (3, 4), (7, 2), (16, 4)])
        func roundTripsPixelExact(scale: Int, border: Int) throws {
            let code = try QRCode(text: "HELLO WORLD 1234567890", correctionLevel: .medium)
            let image = try GrayImage(pngData: code.pngData(options: RenderOptions(scale: scale, border: border)))
            #expect(image.width == (code.size + 2 * border) * scale)
            #expect(Self.mismatches(image, code, scale: scale, border: border) == 0)
        }

        /// Version 40 at scale 1 and 3: scanlines farther apart than deflate's
        /// 32 KiB window, and rows that match across many earlier rows.
        @Test(arguments: [1, 3])
        func largestSymbolRoundTrips(scale: Int) throws {
            let text = String(repeating: "QRCore renders large symbols; ", count: 40)
            let code = try QRCode(text: text, mode: .byte, options: EncodingOptions(versions: QRVersion.range(40, 40)))
            #expect(code.version.number == 40)
            let image = try GrayImage(pngData: code.pngData(options: RenderOptions(scale: scale, border: 4)))
            #expect(Self.mismatches(image, code, scale: scale, border: 4) == 0)
        }

        @Test func coloursMakeAPalettePNG() throws {
            let code = try QRCode(text: "palette", correctionLevel: .low)
            let options = RenderOptions(
                scale: 2, border: 1, foreground: RGBAColor(r: 0x12, g: 0x34, b: 0x56),
                background: RGBAColor(r: 0xFE, g: 0xDC, b: 0xBA))
            let png = try code.pngData(options: options)
            let decoded = try PNGDecoder.decode(png, limits: .default, channels: 4)
            #expect(decoded.info.colorType == .palette && decoded.info.bitDepth == 1)
            #expect(!PNGBytes.containsChunk(png, "tRNS"))
            let image = try RGBAImage(pngData: png)
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let dark = Self.isDark(code, x: x, y: y, scale: 2, border: 1)
                    #expect(image[x, y] == (dark ? options.foreground : options.background))
                }
            }
        }

        @Test func transparentBackgroundAddsTRNS() throws {
            let code = try QRCode(text: "transparent", correctionLevel: .low)
            let foreground = RGBAColor(r: 200, g: 0, b: 0, a: 128)
            let options = RenderOptions(scale: 3, border: 2, foreground: foreground, background: .transparent)
            let png = try code.pngData(options: options)
            #expect(PNGBytes.containsChunk(png, "tRNS"))
            let image = try RGBAImage(pngData: png)
            #expect(image[0, 0] == .transparent)
            let finderCorner = 2 * 3
            #expect(image[finderCorner, finderCorner] == foreground)
            var mismatched = 0
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let dark = Self.isDark(code, x: x, y: y, scale: 3, border: 2)
                    if image[x, y] != (dark ? foreground : .transparent) { mismatched += 1 }
                }
            }
            #expect(mismatched == 0)
            // Composited on white, a half-transparent red reads as light red, the background as white.
            let grey = try GrayImage(pngData: png)
            #expect(grey[0, 0] == 255)
            #expect(grey[finderCorner, finderCorner] == Luminance.onWhite(Luminance.luma(200, 0, 0), alpha: 128))
        }

        @Test func opaqueColoursOnlyFromAnOpaqueBackgroundTrimTRNS() throws {
            let code = try QRCode(text: "trim", correctionLevel: .low)
            let options = RenderOptions(foreground: RGBAColor(r: 0, g: 0, b: 0, a: 100), background: .white)
            let image = try RGBAImage(pngData: code.pngData(options: options))
            #expect(image[0, 0] == .white)
            #expect(image[40, 40] == RGBAColor(r: 0, g: 0, b: 0, a: 100))
        }

        @Test func invalidOptionsAreRefused() throws {
            let code = try QRCode(text: "x", correctionLevel: .low)
            #expect(throws: RenderError.invalidScale(0)) { try code.pngData(options: RenderOptions(scale: 0)) }
            #expect(throws: RenderError.invalidBorder(-1)) { try code.pngData(options: RenderOptions(border: -1)) }
        }

        @Test func oversizedImagesAreRefusedWithTheNumbers() throws {
            let code = try QRCode(text: "x", correctionLevel: .low)  // 21 modules, 29 with the border
            let error = #expect(throws: RenderError.self) { try code.pngData(options: RenderOptions(scale: 3000)) }
            #expect(error == .imageTooLarge(width: 87000, height: 87000, maxPixels: 128_000_000, maxDimension: 65535))
            #expect(error?.description.contains("87000×87000") == true)
            #expect(throws: RenderError.self) { try code.pngData(options: RenderOptions(scale: .max / 2)) }
            #expect(throws: RenderError.self) { try code.pngData(options: RenderOptions(border: .max / 2)) }
        }

        @Test func writesAFileAndReadsItBack() throws {
            let code = try QRCode(text: "file", correctionLevel: .medium)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("qrcore-\(UUID()).png").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try code.writePNG(toFile: path, options: RenderOptions(scale: 4, border: 4))
            let image = try GrayImage(contentsOfFile: path)
            #expect(Self.mismatches(image, code, scale: 4, border: 4) == 0)
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: FileManager.default.temporaryDirectory.path
            )
            .filter { $0.hasPrefix(URL(fileURLWithPath: path).lastPathComponent + ".tmp-") }
            #expect(leftovers.isEmpty)
        }

        @Test func writeFailuresNameThePathAndReason() throws {
            let code = try QRCode(text: "x", correctionLevel: .low)
            let path = "/nonexistent-directory-\(UUID())/code.png"
            let error = #expect(throws: RenderError.self) { try code.writePNG(toFile: path) }
            guard case let .writeFailed(failedPath, reason) = error else { return }
            #expect(failedPath == path)
            #expect(reason.contains("No such file or directory"))
        }
    }
#endif
