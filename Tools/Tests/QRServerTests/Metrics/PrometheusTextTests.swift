import QRCore
import Testing

@testable import QRServer

struct PrometheusTextTests {
    private func render(tasks: Int, requests: RequestMetrics.Snapshot) -> String {
        var page = PrometheusText()
        page.codec(codecMetrics)
        page.gauge("qr_tasks", "Task identifiers the server maps to jobs.", tasks)
        page.requests(requests)
        return page.text
    }

    private let codecMetrics = ParallelCodecMetrics(
        workers: 2, busyWorkers: 1, queued: 3, waitingSubmissions: 0, completed: 10, failed: 2, cancelled: 0,
        rejected: 4, expired: 1, retained: 7, latencyP50: .milliseconds(2), latencyP99: nil, throughput: 12.5)

    @Test func writesEveryFamilyWithHelpAndType() {
        let text = render(tasks: 9, requests: RequestMetrics.Snapshot(durations: [:], responses: [:]))
        for (name, type, value) in [
            ("qr_workers", "gauge", "2"), ("qr_busy_workers", "gauge", "1"),
            ("qr_queue_length", "gauge", "3"), ("qr_jobs_completed_total", "counter", "10"),
            ("qr_jobs_failed_total", "counter", "2"), ("qr_jobs_rejected_total", "counter", "4"),
            ("qr_results_expired_total", "counter", "1"), ("qr_tasks", "gauge", "9"),
            ("qr_job_latency_p50_seconds", "gauge", "0.002"),
            ("qr_job_latency_p99_seconds", "gauge", "0.0"),
        ] {
            #expect(text.contains("# TYPE \(name) \(type)\n"))
            #expect(text.contains("\n\(name) \(value)\n"), "\(name)")
        }
    }

    @Test func histogramBucketsAreCumulativeAndEndAtInfinity() {
        let metrics = RequestMetrics()
        metrics.record(route: "/qr", status: 200, duration: .microseconds(80))
        metrics.record(route: "/qr", status: 200, duration: .milliseconds(3))
        metrics.record(route: "/qr", status: 503, duration: .seconds(100))
        let text = render(tasks: 0, requests: metrics.snapshot)
        #expect(text.contains(#"qr_http_request_duration_seconds_bucket{route="/qr",le="0.0001"} 1"#))
        #expect(text.contains(#"qr_http_request_duration_seconds_bucket{route="/qr",le="0.005"} 2"#))
        #expect(text.contains(#"qr_http_request_duration_seconds_bucket{route="/qr",le="30.0"} 2"#))
        #expect(text.contains(#"qr_http_request_duration_seconds_bucket{route="/qr",le="+Inf"} 3"#))
        #expect(text.contains(#"qr_http_request_duration_seconds_count{route="/qr"} 3"#))
        #expect(text.contains(#"qr_http_requests_total{route="/qr",code="503"} 1"#))
    }

    @Test func escapesLabelValues() {
        let metrics = RequestMetrics()
        metrics.record(route: "a\"b\\c\nd", status: 404, duration: .zero)
        let text = render(tasks: 0, requests: metrics.snapshot)
        #expect(text.contains(#"route="a\"b\\c\nd""#))
    }
}
