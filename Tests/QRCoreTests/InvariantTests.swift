import QRCore
import Testing

/// Out-of-range access is a programmer error that stops the program in every
/// build, instead of reading a neighbouring row or padding bits.
struct InvariantTests {
    @Test func moduleAccessOutsideTheSymbolTraps() async throws {
        let code = try QRCode(text: "x", correctionLevel: .low)  // 21 modules
        #expect(code[20, 0])  // the top-right finder's outer corner
        await #expect(processExitsWith: .failure) {
            let code = try QRCode(text: "x", correctionLevel: .low)
            _ = code[25, 0]
        }
        await #expect(processExitsWith: .failure) {
            _ = BitMatrix(size: 21)[0, -1]
        }
    }

    @Test func pixelAccessOutsideTheImageTraps() async {
        let image = GrayImage(width: 4, height: 3, value: 7)
        #expect(image[3, 2] == 7)
        await #expect(processExitsWith: .failure) {
            // Column 4 of row 0 would be pixel 0 of row 1 without the check.
            _ = GrayImage(width: 4, height: 3)[4, 0]
        }
    }
}
