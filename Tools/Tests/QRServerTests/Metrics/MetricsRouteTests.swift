import Foundation
import Hummingbird
import QRCore
import Testing

@testable import QRServer

/// `GET /metrics` against a running server.
struct MetricsRouteTests {
    /// `name{labels} value`, or `# HELP` / `# TYPE` (Prometheus text format 0.0.4).
    private func isValidLine(_ line: Substring) -> Bool {
        if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") { return true }
        let parts = line.split(separator: " ")
        guard parts.count == 2, Double(parts[1]) != nil || parts[1] == "+Inf" else { return false }
        let name = parts[0].prefix { $0 != "{" }
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") })
        else { return false }
        let labels = parts[0].dropFirst(name.count)
        return labels.isEmpty || (labels.hasPrefix("{") && labels.hasSuffix("}"))
    }

    @Test func exposesQueueWorkersTotalsAndLatencyInTextFormat() async throws {
        try await TestServer.run { client in
            let id = try await client.submit("/generate", json: #"{"text": "counted"}"#)
            _ = try await client.finished(id)
            _ = try await client.post("/generate", json: #"{"text": 1}"#)
            let failing = try await client.post("/decode", bytes: Array("junk".utf8))
            _ = try await client.finished(try #require(failing.object["task_id"] as? String))
            _ = try await client.get("/qr?text=sync")

            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = metrics.text.split(separator: "\n")
            #expect(lines.allSatisfy(isValidLine))
            let text = metrics.text
            #expect(text.contains("\nqr_workers 2\n"))
            #expect(text.contains("\nqr_busy_workers 0\n"))
            #expect(text.contains("\nqr_queue_length 0\n"))
            #expect(text.contains("\nqr_jobs_completed_total 2\n"))
            #expect(text.contains("\nqr_jobs_failed_total 1\n"))
            #expect(text.contains("\nqr_jobs_rejected_total 0\n"))
            #expect(text.contains("# TYPE qr_http_request_duration_seconds histogram"))
            #expect(text.contains(#"qr_http_request_duration_seconds_bucket{route="/generate",le="+Inf"} 2"#))
            #expect(text.contains(#"qr_http_requests_total{route="/generate",code="202"} 1"#))
            #expect(text.contains(#"qr_http_requests_total{route="/generate",code="400"} 1"#))
            #expect(text.contains(#"qr_http_request_duration_seconds_count{route="/qr"} 1"#))
            #expect(!text.contains("/result/\(id)"))  // routes, never raw paths
        }
    }
}
