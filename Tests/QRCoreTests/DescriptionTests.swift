import QRCore
import Testing

/// `print(value)` shows what a user needs in one line, never the internals.
struct DescriptionTests {
    @Test func codePrintsItsParameters() throws {
        let options = EncodingOptions(correctionLevel: .quartile, mask: 5, boostsCorrection: false)
        let code = try QRCode(text: "https://example.com/ticket/8F3A", options: options)
        #expect("\(code)" == "QRCode(version 3, level Q, mask 5, 29×29)")
        let rows = String(reflecting: code).split(separator: "\n")
        #expect(rows.count == 1 + 29)
        #expect(rows[1].hasPrefix("███████·"))
    }

    @Test func decodedSymbolPrintsTextAndParameters() throws {
        let options = EncodingOptions(correctionLevel: .high, mask: 2, boostsCorrection: false)
        let symbol = try QRDecoder.decode(try QRCode(text: "line one\nline two", options: options).modules)
        #expect("\(symbol)" == #"DecodedSymbol("line one\nline two", version 3, level H, mask 2)"#)
        #expect(String(reflecting: symbol).contains("segments: byte×17"))
    }

    @Test func largeValuesPrintTheirSizeOnly() {
        #expect("\(GrayImage(width: 640, height: 480))" == "GrayImage(640×480)")
        #expect("\(BitMatrix(width: 3, height: 2))" == "BitMatrix(3×2, 0 dark)")
        #expect("\(QRVersion.max)" == "40")
        #expect("\(SymbolModel.model1)" == "Model 1" && SymbolModel.model2.number == 2)
        #expect("\(QREncodingError.invalidMask(9))" == "invalid mask 9: masks are 0…7")
    }

    @Test func metricsPrintCountsAndLatencies() {
        let metrics = ParallelCodecMetrics(
            workers: 2, busyWorkers: 1, queued: 3, waitingSubmissions: 0, completed: 120, failed: 2,
            cancelled: 0, rejected: 4, expired: 0, retained: 0, latencyP50: .microseconds(1_250),
            latencyP99: .milliseconds(40), throughput: 100)
        #expect(
            "\(metrics)" == "ParallelCodecMetrics(2 workers, 1 busy, 3 queued, 120 completed, 2 failed, "
                + "4 rejected, p50 1.2 ms, p99 40.0 ms)")
    }
}
