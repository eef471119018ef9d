// swift-format-ignore-file
// (The examples keep the README's and the catalog's layout, line for line.)
import Foundation
import QRCore
import Testing

// Every Swift example of README.md and of the DocC catalog, verbatim between
// the setup it needs and the checks that it did what its text says.
// Scripts/check-doc-examples.py fails CI when an example is not found here
// line for line, so the documentation cannot drift from what compiles.
// `import QRCore` without @testable: only the public API is in reach.

@Suite(.serialized)
struct DocumentationExampleTests {
    // MARK: README.md

    @Test func readmeEncoding() throws {
        // Text in, the smallest symbol out (level M or better; the level is raised
        // for free when the chosen version has room).
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correctionLevel: .medium)
        print(code.version, code.correctionLevel, code.mask, code.size)   // e.g. 3 Q 5 29
        let dark = code[0, 0]                                          // module access

        // Modes, version range, mask and boosting through EncodingOptions.
        var options = EncodingOptions(correctionLevel: .high)
        options.versions = try QRVersion.range(5, 10)
        options.mask = try QRMask(number: 3)
        options.boostsCorrection = false
        options.declaresUTF8 = true                                    // ECI 26 before the data
        let fixed = try QRCode(text: "Grüße", options: options)

        // Your own segments, or finished data codewords.
        let segments = [try QRSegment.alphanumeric("INVOICE "), try QRSegment.numeric("0012345678")]
        let mixed = try QRCode(segments: segments, options: EncodingOptions())

        #expect(dark && code.correctionLevel >= .medium && code.size == code.version.size)
        #expect(fixed.version.number == 5 && fixed.mask.number == 3 && fixed.correctionLevel == .high)
        #expect(try QRDecoder.decode(fixed.modules).text == "Grüße")
        #expect(try QRDecoder.decode(mixed.modules).text == "INVOICE 0012345678")
    }

    @Test func readmeMicroQR() throws {
        let small = try QRCode(text: "12345", options: EncodingOptions(symbol: .micro, correctionLevel: .low))
        print(small.symbol, small.version, small.size)                 // micro M1 11
        let m3 = try QRVersion.micro(3)
        let fixedMicro = try QRCode(text: "AB-1234", options: EncodingOptions(versions: m3...m3, mask: try QRMask.micro(2)))
        let png = try fixedMicro.pngData(options: RenderOptions(scale: 8, border: SymbolKind.micro.quietZone))

        #expect(small.symbol == .micro && small.version.description == "M1" && small.size == 11)
        #expect(fixedMicro.version == m3 && fixedMicro.mask.number == 2 && fixedMicro.size == 15)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test(.enabled(if: BuildTraits.readsFiles))
    func readmeRenderingAndDecoding() async throws {
        try await ScratchDirectory.run {
            let code = try QRCode(text: "https://example.com/ticket/8F3A", correctionLevel: .medium)
            let png = try code.pngData(options: RenderOptions(scale: 10, border: 4))   // 1-bit greyscale
            try code.writePNG(toFile: "ticket.png", options: RenderOptions(
                foreground: try RGBAColor(parsing: "#1a237e"), background: .transparent)) // palette + tRNS
            let svg = code.svg(options: RenderOptions())      // one <path>, crisp edges
            print(code.text(.utf8))                           // half blocks; .utf8Inverted for dark terminals
            print(code.text(.txt, border: 0))                 // the bare matrix as 0/1 rows

            #expect(QRReader().read(try GrayImage(pngData: png)).map(\.text) == ["https://example.com/ticket/8F3A"])
            #expect(QRReader().read(try GrayImage(contentsOfFile: "ticket.png")).first?.text == "https://example.com/ticket/8F3A")
            #expect(svg.contains("<path"))

            let buffer = [UInt8](repeating: 255, count: 5120 * 720)
            let image = try GrayImage(contentsOfFile: "photo.jpg")   // PNG, JPEG, PGM or PPM, told by their first bytes
            for result in QRReader().read(image) {
                print(result.text, result.version, result.correctionLevel, result.corners, result.errorsCorrected)
            }

            // Pixels you already have: grey, RGB, RGBA, BGRA or ARGB rows with a stride.
            let frame = try GrayImage(pixels: buffer, width: 1280, height: 720, bytesPerRow: 5120, format: .bgra8)

            // A sampled grid, straight from the encoder or your own detector.
            let symbol = try QRDecoder.decode(code.modules)

            #expect(QRReader().read(image).count == 1)
            #expect(frame.width == 1280 && QRReader().read(frame).isEmpty)
            #expect(symbol.text == "https://example.com/ticket/8F3A")
        }
    }

    @Test(.enabled(if: BuildTraits.readsFiles))
    func readmeParallelCodec() async throws {
        try await ScratchDirectory.run {
            let paths = ["photo.jpg", "missing.png"]
            let codec = ParallelCodec(options: ParallelCodecOptions(workers: 4, queueCapacity: 256))

            // Submit and come back later, like an HTTP API that answers 202 + a task id.
            let id = try await codec.submit(.encode(EncodeRequest(text: "https://example.com", format: .png(RenderOptions()))))
            print(await codec.status(id))                        // .queued, .running, .succeeded, …
            if case let .png(bytes) = try await codec.result(id) { print(bytes.count) }

            // Or submit and wait; batches keep input order, each item succeeds or fails alone.
            let codes = try await codec.decode(DecodeRequest(file: "photo.jpg"))    // or DecodeRequest(imageData: bytes)
            let results = await codec.decodeAll(paths.map { DecodeRequest(file: $0) }, whenFull: .reject)

            print(await codec.metrics())                         // workers, busy, queued, completed, failed, p50/p99, …
            await codec.shutdown(.graceful)                      // or .immediate: cancel what is still queued

            #expect(codes.count == 1)
            #expect(results.count == 2 && (try? results[0].get()) == codes && (try? results[1].get()) == nil)
        }
    }

    @Test func readmeCharacterSets() throws {
        let grid = try QRCode(segments: [QRSegment.bytes([0xC0, 0xC9])]).modules
        #expect(try QRDecoder.decode(grid).text == "ﾀﾉ")   // undeclared bytes that read as katakana

        let reader = QRReader(options: DecodeOptions(characterSet: CharacterEncoding(name: "Shift_JIS")))
        let symbol = try QRDecoder.decode(grid, characterSet: .iso8859_1)
        print(symbol.characterSet, symbol.segments.map(\.characterSet))   // e.g. ISO-8859-1 [Optional(ISO-8859-1)]

        #expect(reader.options.characterSet == .shiftJIS)
        #expect(symbol.text == "ÀÉ" && symbol.characterSet == .iso8859_1)
        #expect(symbol.segments.map(\.characterSet) == [.iso8859_1])
        for name in ["SJIS", "latin1", "cp1252", "GB2312"] { #expect(CharacterEncoding(name: name) != nil) }
    }

    // MARK: QRCore.docc

    @Test(.enabled(if: BuildTraits.readsFiles))
    func overview() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A")
        let png = try code.pngData(options: RenderOptions(scale: 8))
        let symbols = QRReader().read(try GrayImage(pngData: png))
        print(symbols.first?.text ?? "nothing found")

        #expect(symbols.map(\.text) == ["https://example.com/ticket/8F3A"])
    }

    @Test(.enabled(if: BuildTraits.readsFiles))
    func gettingStarted() throws {
        let code = try QRCode(text: "https://example.com/ticket/8F3A", correctionLevel: .medium)
        print(code)                 // version, level, mask and size in one line
        print(code.text(.utf8))     // the symbol in a terminal
        let svg = code.svg(options: RenderOptions(scale: 4))
        let png = try code.pngData(options: RenderOptions(scale: 10, border: 4))

        let image = try GrayImage(pngData: png)
        for symbol in QRReader().read(image) {
            print(symbol.text, symbol.version, symbol.correctionLevel, symbol.corners)
        }

        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(QRReader().read(image).map(\.text) == ["https://example.com/ticket/8F3A"])
        #expect("\(code)".contains("\(code.version)"))
    }

    @Test func encodingArticle() throws {
        let code = try QRCode(text: "HELLO WORLD 0123456789", correctionLevel: .quartile)
        let dark = code[0, 0]            // the module at x 0, y 0: part of a finder pattern
        print(code.version, code.correctionLevel, code.mask, dark)

        var options = EncodingOptions(correctionLevel: .high)
        options.versions = try QRVersion.range(5, 10)   // the smallest version in 5…10 that fits
        options.mask = try QRMask(number: 3)            // instead of the lowest penalty
        options.boostsCorrection = false                // keep level H even if M… fits
        options.declaresUTF8 = true                     // ECI 26 before the data
        let fixed = try QRCode(text: "Grüße", options: options)

        let capacity = QRVersion(10).capacity(correctionLevel: .medium, mode: .alphanumeric)
        print(capacity.characters, capacity.dataBits)   // 311 characters in 1728 bits
        let smallest = QRVersion.smallest(holding: "https://example.com", options: EncodingOptions())

        let segments = [try QRSegment.alphanumeric("INVOICE "), try QRSegment.numeric("0012345678")]
        let invoice = try QRCode(segments: segments, options: EncodingOptions())
        let raw = try QRCode(bytes: [0x00, 0xFF, 0x10])

        let colours = RenderOptions(scale: 8, border: 4,
                                    foreground: try RGBAColor(parsing: "#1a237e"), background: .transparent)
        let png = try invoice.pngData(options: colours)
        print(invoice.text(.txt, border: 0))   // the bare matrix as rows of 0 and 1

        #expect(dark && code.correctionLevel >= .quartile)
        #expect(fixed.version.number == 5 && fixed.correctionLevel == .high && fixed.mask.number == 3)
        #expect(capacity.characters == 311 && capacity.dataBits == 1728)
        #expect(smallest?.number == 2)
        #expect(try QRDecoder.decode(invoice.modules).text == "INVOICE 0012345678")
        #expect(try QRDecoder.decode(raw.modules).bytes == [0x00, 0xFF, 0x10])
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func encodingArticleRMQR() throws {
        let strip = try QRCode(text: "LOT 4711", options: EncodingOptions(symbol: .rmqr, maximumHeight: 9))
        print(strip.symbol, strip.version, strip.width, strip.height)   // rmqr R9x43 43 9
        let r11 = try QRVersion.rmqr(height: 11, width: 77)
        let tube = try QRCode(text: "SN 0042-17", options: EncodingOptions(correctionLevel: .high, versions: r11...r11))

        #expect(strip.symbol == .rmqr && strip.version.description == "R9x43" && strip.height == 9)
        #expect(tube.version == r11 && tube.width == 77 && tube.height == 11 && tube.correctionLevel == .high)
        #expect(try QRDecoder.decode(tube.modules).text == "SN 0042-17")
    }

    @Test func encodingArticleMicroQR() throws {
        let micro = try QRCode(text: "12345", options: EncodingOptions(symbol: .micro, correctionLevel: .low))
        print(micro.symbol, micro.version)   // micro M1
        let m4 = try QRVersion.micro(4)
        let label = try QRCode(text: "LOT 42", options: EncodingOptions(versions: m4...m4))

        #expect(micro.symbol == .micro && micro.version.description == "M1")
        #expect(label.symbol == .micro && label.size == 17)
    }

    @Test(.enabled(if: BuildTraits.readsFiles))
    func decodingPhotosArticle() async throws {
        try await ScratchDirectory.run {
            var bgraBytes = [UInt8](repeating: 255, count: 256 * 48)
            bgraBytes[0] = 0
            let image = try GrayImage(contentsOfFile: "photo.jpg")   // PNG, JPEG, PGM or PPM, told by their first bytes
            for symbol in QRReader().read(image) {
                print(symbol.text, symbol.version, symbol.correctionLevel, symbol.corners, symbol.errorsCorrected)
            }

            let frame = try GrayImage(pixels: bgraBytes, width: 64, height: 48, bytesPerRow: 256, format: .bgra8)
            let found = QRReader(options: DecodeOptions(triesInverted: false, maxSymbols: 1)).read(frame)

            let code = try QRCode(text: "grid")
            let symbol = try QRDecoder.decode(code.modules)

            #expect(QRReader().read(image).count == 1)
            #expect(frame.width == 64 && found.isEmpty)
            #expect(symbol.text == "grid")
        }
    }

    @Test(.enabled(if: BuildTraits.readsFiles))
    func parallelCodecArticle() async throws {
        try await ScratchDirectory.run {
            let codec = ParallelCodec(options: ParallelCodecOptions(workers: 2, queueCapacity: 256))

            let id = try await codec.submit(.encode(EncodeRequest(text: "https://example.com", format: .png(RenderOptions()))))
            print(await codec.status(id))      // queued, running, succeeded, …
            if case let .png(bytes) = try await codec.result(id) {
                print(bytes.count, "bytes of PNG")
            }

            let symbols = try await codec.decode(DecodeRequest(file: "photo.jpg"))
            let batch = await codec.encodeAll(["one", "two", "three"].map { EncodeRequest(text: $0, format: .svg(RenderOptions())) },
                                              whenFull: .reject)
            print(symbols.count, batch.count)

            print(await codec.metrics())       // workers, busy, queued, completed, failed, p50/p99, …
            await codec.shutdown(.graceful)    // or .immediate: cancel what is still queued

            #expect(symbols.count == 1)
            #expect(batch.count == 3 && batch.allSatisfy { (try? $0.get()) != nil })
            #expect(await codec.metrics().completed == 5)
        }
    }

    @Test func errorsArticle() {
        do {
            _ = try QRCode(text: String(repeating: "x", count: 5000), correctionLevel: .high)
        } catch {
            // `error` is a QREncodingError: its cases match without a cast.
            if case let .dataTooLong(bitsNeeded, capacityBits, _, _) = error {
                print("needs \(bitsNeeded) bits; the largest allowed version holds \(capacityBits)")
            }
            print(error)
        }

        #expect(throws: QREncodingError.self) {
            try QRCode(text: String(repeating: "x", count: 5000), correctionLevel: .high)
        }
    }
}
