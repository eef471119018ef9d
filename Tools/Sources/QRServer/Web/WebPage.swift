import HTTPTypes
import Hummingbird
import QRCore

/// The web page at `/` and its script, style sheet and icon, prepared once.
///
/// Plain HTML, CSS and JavaScript held as Swift strings (`PageHTML`,
/// `PageScript`, `PageStyle`), so the binary serves the page with no build
/// step and no files beside it. The page talks to the same asynchronous API
/// as any client.
struct WebPage: Sendable {
    let html: Response
    let script: Response
    let style: Response
    let icon: Response

    /// The policy of the page: its own script, style and images only, plus
    /// the `blob:` and `data:` images the decoder's preview shows.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// - Parameter maxBodyBytes: told to the page, which shrinks an upload to fit.
    init(maxBodyBytes: Int) {
        let pageHeaders: HTTPFields = [
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .cacheControl: "no-cache",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        let assetHeaders: HTTPFields = [.cacheControl: "no-cache"]
        let document = PageHTML.text.replacing("{{MAX_BODY_BYTES}}", with: String(maxBodyBytes))
        html = .text(document, contentType: "text/html; charset=utf-8", headers: pageHeaders)
        script = .text(PageScript.text, contentType: "text/javascript; charset=utf-8", headers: assetHeaders)
        style = .text(PageStyle.text, contentType: "text/css; charset=utf-8", headers: assetHeaders)
        icon = .text(Self.iconSVG(), contentType: "image/svg+xml", headers: [.cacheControl: "public, max-age=86400"])
    }

    /// A QR Code of "QR", drawn by the library itself.
    private static func iconSVG() -> String {
        guard let code = try? QRCode(text: "QR", correctionLevel: .low) else { return "" }
        return code.svg(
            options: RenderOptions(
                scale: 1, border: 1,
                foreground: RGBAColor(r: 0x1d, g: 0x4e, b: 0xd8)))
    }
}
