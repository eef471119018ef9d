import Testing

@testable import QRCore

/// The scales a reader searches an image at.
struct QRReaderTests {
    /// Large images are searched coarse first; when nothing is found down to
    /// full resolution, a third of it is searched last against noise, unless
    /// a scale that coarse was searched or the image is too small for it.
    @Test(arguments: [
        (640, 480, [1, 3]), (3000, 2000, [2, 1, 3]), (4000, 3000, [4, 2, 1]), (90, 200, [1]), (200, 200, [1, 3]),
    ])
    func pyramidScales(width: Int, height: Int, expected: [Int]) {
        #expect(QRReader.pyramidScales(width: width, height: height) == expected)
    }
}
