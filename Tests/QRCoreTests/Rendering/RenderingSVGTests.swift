import Foundation
import Testing

@testable import QRCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SVG output: well-formed XML whose path covers exactly the dark modules.
struct RenderingSVGTests {
    /// The elements of an SVG document with their attributes, in document order.
    final class ElementCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String]
        ) {
            elements.append((name, attributes))
        }
    }

    static func parse(_ svg: String) throws -> [(name: String, attributes: [String: String])] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector.elements
    }

    /// The modules a path of `M x y h n v1 h-n z` rectangles covers; fails on anything else.
    static func coveredModules(_ path: String) throws -> Set<[Int]> {
        var covered = Set<[Int]>()
        for command in path.split(separator: "M") {
            let numbers = command.split { "hvz ".contains($0) }.map { Int($0) }
            let values = try #require(numbers.count == 5 ? numbers.compactMap { $0 } : nil, "odd command \(command)")
            #expect(values[3] == 1 && values[4] == -values[2] && values[2] > 0)
            for x in values[0]..<values[0] + values[2] { covered.insert([x, values[1]]) }
        }
        return covered
    }

    @Test(arguments: [0, 1, 4])
    func pathCoversExactlyTheDarkModules(border: Int) throws {
        let code = try QRCode(text: "https://example.com/svg", correctionLevel: .quartile)
        let svg = code.svg(options: RenderOptions(scale: 3, border: border))
        let elements = try Self.parse(svg)
        let path = try #require(elements.first { $0.name == "path" })
        var dark = Set<[Int]>()
        for y in 0..<code.size { for x in 0..<code.size where code[x, y] { dark.insert([x + border, y + border]) } }
        #expect(try Self.coveredModules(path.attributes["d"] ?? "") == dark)
        #expect(elements.filter { $0.name == "path" }.count == 1)
    }

    @Test func documentHasDeclarationSizesAndColours() throws {
        let code = try QRCode(text: "size", correctionLevel: .low)  // 21 modules
        let svg = code.svg(options: RenderOptions(scale: 5, border: 2))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let elements = try Self.parse(svg)
        #expect(elements.map(\.name) == ["svg", "rect", "path"])
        let root = elements[0].attributes
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root["width"] == "125" && root["height"] == "125")
        #expect(root["viewBox"] == "0 0 25 25")
        #expect(root["shape-rendering"] == "crispEdges")
        #expect(elements[1].attributes == ["width": "25", "height": "25", "fill": "#ffffff"])
        #expect(elements[2].attributes["fill"] == "#000000")
        #expect(elements[2].attributes["fill-opacity"] == nil)
    }

    @Test func transparencyUsesOpacityAndDropsAnInvisibleBackground() throws {
        let code = try QRCode(text: "alpha", correctionLevel: .low)
        let clear = code.svg(
            options: RenderOptions(
                foreground: RGBAColor(r: 255, g: 0, b: 0, a: 128),
                background: .transparent))
        let elements = try Self.parse(clear)
        #expect(elements.map(\.name) == ["svg", "path"])
        #expect(elements[1].attributes["fill"] == "#ff0000")
        #expect(elements[1].attributes["fill-opacity"] == "0.502")
        let faint = code.svg(options: RenderOptions(background: RGBAColor(r: 0, g: 0, b: 255, a: 64)))
        let rect = try #require(try Self.parse(faint).first { $0.name == "rect" })
        #expect(rect.attributes["fill"] == "#0000ff" && rect.attributes["fill-opacity"] == "0.251")
    }

    @Test func runsMergeHorizontally() throws {
        // The top row of a symbol starts with a finder's 7-module dark edge: one rectangle.
        let code = try QRCode(text: "runs", correctionLevel: .low)
        let svg = code.svg(options: RenderOptions(border: 0))
        #expect(svg.contains("d=\"M0 0h7v1h-7z"))
    }
}
