import QRCoreTestSupport
import Testing

@testable import QRServer

struct MultipartFormTests {
    private let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF]

    @Test func readsTheBoundaryFromTheContentType() throws {
        #expect(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(try MultipartForm.boundary(contentType: "Multipart/Form-Data;boundary=\"a b\"; charset=utf-8") == "a b")
        #expect(try MultipartForm.boundary(contentType: "image/png") == nil)
        #expect(try MultipartForm.boundary(contentType: "application/json; boundary=abc") == nil)
    }

    @Test(arguments: [
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=" + String(repeating: "x", count: 71),
    ])
    func refusesAMultipartTypeWithoutAUsableBoundary(_ contentType: String) {
        #expect { try MultipartForm.boundary(contentType: contentType) } throws: { ($0 as? APIError)?.field == "body" }
    }

    @Test func findsTheFilePartAfterOtherFields() throws {
        let body = Multipart.form(file: png, extraFields: [("note", "hello")])
        #expect(try MultipartForm.file(in: body, boundary: Multipart.boundary) == png)
    }

    @Test func takesAPartNamedFileOrImageEvenWithoutAFilename() throws {
        for name in ["file", "image"] {
            let body = Multipart.form(file: png, name: name, filename: nil)
            #expect(try MultipartForm.file(in: body, boundary: Multipart.boundary) == png)
        }
    }

    @Test func refusesAFormWithoutAFile() {
        let body = Multipart.form(file: png, name: "note", filename: nil)
        #expect { try MultipartForm.file(in: body, boundary: Multipart.boundary) } throws: {
            ($0 as? APIError)?.field == "file"
        }
    }

    @Test func refusesTruncatedAndForeignBodies() {
        let whole = Multipart.form(file: png)
        for length in [0, 5, 30, whole.count - 30] {
            let body = Array(whole.prefix(length))
            #expect(throws: APIError.self) { try MultipartForm.file(in: body, boundary: Multipart.boundary) }
        }
        #expect(throws: APIError.self) { try MultipartForm.file(in: whole, boundary: "another-boundary") }
    }

    @Test func neverTrapsOnArbitraryBytes() {
        var generator = SeededRandom(seed: 7)
        let pieces: [[UInt8]] = [
            Array("--\(Multipart.boundary)".utf8), [0x0D, 0x0A], [0x0D, 0x0A, 0x0D, 0x0A],
            Array("Content-Disposition: form-data; name=\"file\"; filename=\"a\"".utf8), [0x00], [0x2D],
        ]
        for _ in 0..<2000 {
            var body: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { body += pieces.randomElement(using: &generator)! }
            _ = try? MultipartForm.file(in: body, boundary: Multipart.boundary)
        }
    }
}
