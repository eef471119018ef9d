import Foundation
import Testing

@testable import QRCore

/// The images of Fixtures/images (made by Scripts/make-image-fixtures.py)
/// and what each must decode to, from expected.json.
struct ImageFixture: Decodable, Sendable, CustomTestStringConvertible {
    var name = ""
    let format: String
    let width: Int
    let height: Int
    let colorType: Int?
    let bitDepth: Int?
    let interlaced: Bool?
    /// JPEG only: the stored colour space (``JPEGDecoder/ColorSpace`` case
    /// names), progressive or not, an Adobe marker, and how many RSTn markers.
    let colorSpace: String?
    let progressive: Bool?
    let adobe: Bool?
    let restartMarkers: Int?
    let luma: [UInt8]
    let rgba: [UInt8]?

    private enum CodingKeys: String, CodingKey {
        case format, width, height, colorType, bitDepth, interlaced, colorSpace, progressive, adobe, restartMarkers
        case luma, rgba
    }

    var testDescription: String { name }
    var path: String { Fixtures.url("images/" + name).path }
    var bytes: [UInt8] { get throws { [UInt8](try Fixtures.data("images/" + name)) } }

    static let all: [ImageFixture] = {
        let data = try! Fixtures.data("images/expected.json")
        let table = try! JSONDecoder().decode([String: ImageFixture].self, from: data)
        return table.map { name, fixture in
            var named = fixture
            named.name = name
            return named
        }.sorted { $0.name < $1.name }
    }()

    static let png = all.filter { $0.format == "png" }
    static let pnm = all.filter { $0.format == "pnm" }
    static let jpeg = all.filter { $0.format == "jpeg" }

    static func named(_ name: String) -> ImageFixture { all.first { $0.name == name }! }
}
