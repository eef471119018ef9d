import Hummingbird
import Testing

@testable import QRServer

/// The web page and its assets, served by the binary.
struct PageTests {
    @Test func servesThePageWithItsPolicyAndLimit() async throws {
        try await TestServer.run { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy] == WebPage.contentSecurityPolicy)
            #expect(page.text.contains("<title>QR workshop</title>"))
            #expect(page.text.contains(#"data-max-body="65536""#))
            for id in [
                "text", "ecc", "scale", "fg", "bg", "preview-image", "download-png", "download-svg", "file", "drop",
                "codes",
            ] {
                #expect(page.text.contains(#"id="\#(id)""#), "missing #\(id)")
            }
        }
    }

    @Test(arguments: [
        ("/app.js", "text/javascript; charset=utf-8", "runTask"),
        ("/app.css", "text/css; charset=utf-8", ".panels"),
        ("/favicon.svg", "image/svg+xml", "<svg"),
    ])
    func servesTheAssets(_ path: String, _ contentType: String, _ marker: String) async throws {
        try await TestServer.run { client in
            let asset = try await client.get(path)
            #expect(asset.status == .ok)
            #expect(asset.headers[.contentType] == contentType)
            #expect(asset.text.contains(marker))
        }
    }

    @Test func answersHeadForThePage() async throws {
        try await TestServer.run { client in
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func healthzSaysOK() async throws {
        try await TestServer.run { client in
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.object["status"] as? String == "ok")
        }
    }

    @Test func unknownRoutesGetJSON404() async throws {
        try await TestServer.run { client in
            for (path, method) in [("/nothing", HTTPRequest.Method.get), ("/generate", .get), ("/qr", .post)] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .notFound)
                #expect((response.object["error"] as? String)?.hasPrefix("no such route") == true)
            }
        }
    }
}
