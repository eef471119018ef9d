@testable import QRCore

/// How a styled symbol is drawn, as styling libraries (python-qrcode's
/// module drawers, qr-code-styling, segno plug-ins) draw them: data modules
/// as dots or rounded squares, finder patterns ("eyes") as rounded squares
/// or concentric circles. Only the shapes change; every module's centre keeps
/// its colour.
struct SymbolStyle: Sendable {
    enum Module: Sendable {
        case square
        /// A disk `diameter` modules across.
        case dot(diameter: Double)
        /// A square `side` modules wide with corners of `radius` modules.
        case rounded(side: Double, radius: Double)
    }

    enum Eye: Sendable {
        case square
        /// Rings and stone with corners of `radius` modules (the stone's at most 1.5).
        case rounded(radius: Double)
        /// A disk 7 modules across, a light disk 5 across, a dark disk 3 across.
        case circle
        /// Round rings around a square stone.
        case circleAroundSquare
    }

    var module: Module
    var eye: Eye

    static let plain = SymbolStyle(module: .square, eye: .square)

    /// Whether point `p` (symbol modules; the outer top-left corner at 0, 0) is dark.
    func isDark(_ modules: BitMatrix, at p: ImagePoint) -> Bool {
        let (w, h) = (modules.width, modules.height)
        guard p.x >= 0, p.y >= 0, p.x < Double(w), p.y < Double(h) else { return false }
        let mx = Int(p.x), my = Int(p.y)
        // QR Code has three finder patterns; Micro QR Code (at most 17
        // modules a side) and rMQR (a rectangle) one, in the top-left corner.
        let eyes = w == h && w >= 21 ? [(0, 0), (w - 7, 0), (0, h - 7)] : [(0, 0)]
        for (fx, fy) in eyes
        where (fx..<(fx + 7)).contains(mx) && (fy..<(fy + 7)).contains(my) {
            return isDarkInEye(ImagePoint(x: p.x - Double(fx) - 3.5, y: p.y - Double(fy) - 3.5))
        }
        guard modules[mx, my] else { return false }
        let local = ImagePoint(x: p.x - Double(mx) - 0.5, y: p.y - Double(my) - 0.5)
        switch module {
        case .square: return true
        case .dot(let diameter): return ImagePoint.dot(local, local) <= diameter * diameter / 4
        case .rounded(let side, let radius): return Self.inRoundedSquare(local, half: side / 2, radius: radius)
        }
    }

    /// Whether `p`, relative to a finder pattern's centre, is dark.
    private func isDarkInEye(_ p: ImagePoint) -> Bool {
        let r = ImagePoint.dot(p, p).squareRoot()
        switch eye {
        case .square:
            let d = max(abs(p.x), abs(p.y))
            return d <= 1.5 || d > 2.5
        case .rounded(let radius):
            if Self.inRoundedSquare(p, half: 1.5, radius: min(radius, 1.5)) { return true }
            return Self.inRoundedSquare(p, half: 3.5, radius: radius)
                && !Self.inRoundedSquare(p, half: 2.5, radius: max(0, radius - 1))
        case .circle:
            return r <= 1.5 || (r > 2.5 && r <= 3.5)
        case .circleAroundSquare:
            return max(abs(p.x), abs(p.y)) <= 1.5 || (r > 2.5 && r <= 3.5)
        }
    }

    /// Whether `p` lies in the square of half-side `half` centred on the
    /// origin, with its corners rounded to `radius`.
    private static func inRoundedSquare(_ p: ImagePoint, half: Double, radius: Double) -> Bool {
        let ax = abs(p.x), ay = abs(p.y)
        guard ax <= half, ay <= half else { return false }
        let inner = half - radius
        guard ax > inner, ay > inner else { return true }
        let dx = ax - inner, dy = ay - inner
        return dx * dx + dy * dy <= radius * radius
    }
}
