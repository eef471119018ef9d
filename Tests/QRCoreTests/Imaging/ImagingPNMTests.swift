import Testing

@testable import QRCore

/// PGM and PPM input, binary and plain.
struct ImagingPNMTests {
    @Test(arguments: ImageFixture.pnm)
    func fixturesDecodeToTheExpectedLuminance(_ fixture: ImageFixture) throws {
        let image = try GrayImage(pnmData: fixture.bytes)
        #expect(image.width == fixture.width && image.height == fixture.height)
        #expect(image.pixels == fixture.luma)
    }

    @Test func fixturesCoverEveryVariant() throws {
        let magics = try Set(ImageFixture.pnm.map { try String(decoding: $0.bytes.prefix(2), as: UTF8.self) })
        #expect(magics == ["P2", "P3", "P5", "P6"])
    }

    @Test func binaryGreyWithCommentsEverywhereInTheHeader() throws {
        let bytes = Array("P5#c\n# comment\n3#x\n 2\n#y\r255\n".utf8) + [0, 128, 255, 1, 2, 3]
        let image = try GrayImage(pnmData: bytes)
        #expect(image == GrayImage(width: 3, height: 2, pixels: [0, 128, 255, 1, 2, 3]))
    }

    @Test func rasterMayStartWithWhitespaceBytes() throws {
        // The single byte after maxval ends the header; the pixels 0x20 and 0x0A follow.
        let image = try GrayImage(pnmData: Array("P5 2 1 255\n \n".utf8))
        #expect(image.pixels == [0x20, 0x0A])
    }

    @Test func sixteenBitSamplesAreBigEndianAndScaled() throws {
        let bytes = Array("P5 3 1 65535\n".utf8) + [0x00, 0x00, 0x80, 0x00, 0xFF, 0xFF]
        #expect(try GrayImage(pnmData: bytes).pixels == [0, 128, 255])
        let colour = Array("P6 1 1 1000\n".utf8) + [0x03, 0xE8, 0x00, 0x00, 0x01, 0xF4]  // 1000, 0, 500
        #expect(try GrayImage(pnmData: colour).pixels == [Luminance.luma(255, 0, 128)])
    }

    @Test func smallMaxvalsScaleToFullRange() throws {
        #expect(try GrayImage(pnmData: Array("P2 3 1 1\n0 1 1".utf8)).pixels == [0, 255, 255])
        #expect(try GrayImage(pnmData: Array("P2 3 1 2\n0 1 2".utf8)).pixels == [0, 128, 255])
        #expect(try GrayImage(pnmData: Array("P3 1 1 255 255 0 0".utf8)).pixels == [77])
    }

    @Test func samplesAboveMaxvalClamp() throws {
        #expect(try GrayImage(pnmData: Array("P2 2 1 15\n15 99".utf8)).pixels == [255, 255])
        #expect(try GrayImage(pnmData: Array("P5 1 1 100\n".utf8) + [200]).pixels == [255])
    }

    @Test func plainRasterMayHoldComments() throws {
        #expect(try GrayImage(pnmData: Array("P2 2 1 255\n# first\n10 # second\n20\n".utf8)).pixels == [10, 20])
    }

    @Test func headerErrorsAreCorrupt() {
        #expect(throws: ImageError.corrupt("PNM header ends before the height")) {
            try GrayImage(pnmData: Array("P5 3".utf8))
        }
        #expect(throws: ImageError.corrupt("PNM maxval 0 is outside 1…65535")) {
            try GrayImage(pnmData: Array("P5 1 1 0\n".utf8) + [0])
        }
        #expect(throws: ImageError.corrupt("PNM maxval 65536 is outside 1…65535")) {
            try GrayImage(pnmData: Array("P5 1 1 65536\n".utf8) + [0, 0])
        }
        #expect(throws: ImageError.corrupt("PNM header ends without whitespace after the maxval")) {
            try GrayImage(pnmData: Array("P5 1 1 255".utf8))
        }
        #expect(throws: ImageError.invalidDimensions(width: 0, height: 1)) {
            try GrayImage(pnmData: Array("P5 0 1 255\n".utf8))
        }
        #expect(throws: ImageError.corrupt("PNM width is not a number at byte 3")) {
            try GrayImage(pnmData: Array("P5 -3 1 255\n".utf8))
        }
    }

    @Test func shortRastersAreCorrupt() {
        #expect(throws: ImageError.corrupt("PNM raster truncated: 6 bytes needed, 5 present")) {
            try GrayImage(pnmData: Array("P5 3 1 65535\n".utf8) + [0, 0, 0, 0, 0])
        }
        #expect(throws: ImageError.corrupt("PNM raster truncated: 2 of 3 samples present")) {
            try GrayImage(pnmData: Array("P2 3 1 255\n1 2".utf8))
        }
        #expect(throws: ImageError.corrupt("PNM sample 1 is not a number at byte 13")) {
            try GrayImage(pnmData: Array("P2 3 1 255\n1 x 3".utf8))
        }
    }

    @Test func otherNetpbmKindsAreUnsupported() {
        for magic in ["P1", "P4", "P7", "P9", "Q5"] {
            #expect(throws: ImageError.self) { try GrayImage(pnmData: Array("\(magic) 1 1 1\n".utf8)) }
        }
        let error = #expect(throws: ImageError.self) { try GrayImage(imageData: Array("P4 1 1\n".utf8)) }
        #expect(error == .unsupportedFormat("PBM (P4) is not supported; use PNG, JPEG, PGM or PPM"))
    }
}
