import Testing

@testable import QRCore

/// Colour parsing and render options.
struct RenderingColorTests {
    @Test(arguments: [
        ("#000", RGBAColor(r: 0, g: 0, b: 0)),
        ("#f80", RGBAColor(r: 0xFF, g: 0x88, b: 0x00)),
        ("#F80C", RGBAColor(r: 0xFF, g: 0x88, b: 0x00, a: 0xCC)),
        ("#1a2B3c", RGBAColor(r: 0x1A, g: 0x2B, b: 0x3C)),
        ("#1a2b3c80", RGBAColor(r: 0x1A, g: 0x2B, b: 0x3C, a: 0x80)),
        ("black", .black), ("WHITE", .white), ("transparent", .transparent),
        ("red", RGBAColor(r: 255, g: 0, b: 0)), ("green", RGBAColor(r: 0, g: 128, b: 0)),
        ("blue", RGBAColor(r: 0, g: 0, b: 255)), ("yellow", RGBAColor(r: 255, g: 255, b: 0)),
        ("cyan", RGBAColor(r: 0, g: 255, b: 255)), ("magenta", RGBAColor(r: 255, g: 0, b: 255)),
        ("gray", RGBAColor(r: 128, g: 128, b: 128)), ("Grey", RGBAColor(r: 128, g: 128, b: 128)),
        ("silver", RGBAColor(r: 192, g: 192, b: 192)), ("maroon", RGBAColor(r: 128, g: 0, b: 0)),
        ("olive", RGBAColor(r: 128, g: 128, b: 0)), ("lime", RGBAColor(r: 0, g: 255, b: 0)),
        ("teal", RGBAColor(r: 0, g: 128, b: 128)), ("navy", RGBAColor(r: 0, g: 0, b: 128)),
        ("purple", RGBAColor(r: 128, g: 0, b: 128)), ("orange", RGBAColor(r: 255, g: 165, b: 0)),
        ("  #fff\n", .white),
    ])
    func parsesGoodColours(text: String, expected: RGBAColor) throws {
        #expect(try RGBAColor(parsing: text) == expected)
    }

    @Test(arguments: ["", "#", "#12", "#12345", "#1234567", "#123456789", "#ggg", "fff", "blak", "# fff", "#+12"])
    func rejectsBadColoursSayingWhatItGot(text: String) {
        let error = #expect(throws: RenderError.invalidColor(text)) { try RGBAColor(parsing: text) }
        #expect(error?.description.contains("\"\(text)\"") == true)
    }

    @Test func descriptionsAreHex() {
        #expect(RGBAColor(r: 0x1A, g: 0x2B, b: 0x3C).description == "#1a2b3c")
        #expect(RGBAColor(r: 0x1A, g: 0x2B, b: 0x3C, a: 0x0F).description == "#1a2b3c0f")
    }

    @Test func defaultOptions() throws {
        let options = RenderOptions()
        #expect(options.scale == 10 && options.border == 4)
        #expect(options.foreground == .black && options.background == .white)
        try options.validate()
    }

    @Test func optionValidationNamesTheBadValue() {
        #expect(throws: RenderError.invalidScale(0)) { try RenderOptions(scale: 0).validate() }
        #expect(throws: RenderError.invalidBorder(-2)) { try RenderOptions(border: -2).validate() }
        #expect(RenderError.invalidScale(0).description.contains("0"))
    }
}
