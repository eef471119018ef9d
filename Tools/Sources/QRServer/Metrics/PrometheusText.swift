import QRCore

/// Writes metrics in the Prometheus text exposition format (version 0.0.4):
/// `# HELP` and `# TYPE` lines, then one sample a line.
struct PrometheusText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private(set) var text = ""

    /// The codec's lines: its workers, queue, totals and recent latency
    /// (zeros for a front end without workers of its own).
    mutating func codec(_ metrics: ParallelCodecMetrics?) {
        let codec =
            metrics
            ?? ParallelCodecMetrics(
                workers: 0, busyWorkers: 0, queued: 0, waitingSubmissions: 0,
                completed: 0, failed: 0, cancelled: 0, rejected: 0, expired: 0,
                retained: 0, latencyP50: nil, latencyP99: nil, throughput: 0)
        gauge("qr_workers", "Worker threads of the codec.", codec.workers)
        gauge("qr_busy_workers", "Workers running a job now.", codec.busyWorkers)
        gauge("qr_queue_length", "Jobs waiting for a worker.", codec.queued)
        counter("qr_jobs_completed_total", "Jobs that finished with a result.", codec.completed)
        counter(
            "qr_jobs_failed_total",
            "Jobs that finished with an error of their own (text too long, unreadable image, no code found).",
            codec.failed)
        counter(
            "qr_jobs_rejected_total", "Submissions refused because the queue was full (answered 503).",
            codec.rejected)
        counter(
            "qr_results_expired_total", "Finished results dropped after their time to live or for room.",
            codec.expired)
        gauge("qr_results_retained", "Finished results kept for GET /result.", codec.retained)
        gauge(
            "qr_job_latency_p50_seconds", "Median time from submission to outcome over recent jobs.",
            Self.seconds(codec.latencyP50))
        gauge(
            "qr_job_latency_p99_seconds", "99th percentile of the time from submission to outcome over recent jobs.",
            Self.seconds(codec.latencyP99))
        gauge("qr_job_throughput", "Jobs finished per second over the recent window.", codec.throughput)
    }

    mutating func gauge(_ name: String, _ help: String, _ value: some Numeric & CustomStringConvertible) {
        header(name, help, type: "gauge")
        sample(name, value: "\(value)")
    }

    mutating func counter(_ name: String, _ help: String, _ value: Int) {
        header(name, help, type: "counter")
        sample(name, value: String(value))
    }

    /// A gauge with one sample per label value.
    mutating func gauge(_ name: String, _ help: String, label: String, _ values: [(String, Int)]) {
        header(name, help, type: "gauge")
        for (labelValue, value) in values { sample(name, labels: [(label, labelValue)], value: String(value)) }
    }

    mutating func requests(_ snapshot: RequestMetrics.Snapshot) {
        header("qr_http_requests_total", "HTTP requests answered, by route and status.", type: "counter")
        for (key, count) in snapshot.responses.sorted(by: { $0.key < $1.key }) {
            sample(
                "qr_http_requests_total", labels: [("route", key.route), ("code", String(key.status))],
                value: String(count))
        }
        header("qr_http_request_duration_seconds", "Time to answer an HTTP request, by route.", type: "histogram")
        for (route, histogram) in snapshot.durations.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (bound, count) in zip(RequestMetrics.bucketBounds, histogram.buckets) {
                cumulative += count
                sample(
                    "qr_http_request_duration_seconds_bucket", labels: [("route", route), ("le", "\(bound)")],
                    value: String(cumulative))
            }
            sample(
                "qr_http_request_duration_seconds_bucket", labels: [("route", route), ("le", "+Inf")],
                value: String(histogram.count))
            sample("qr_http_request_duration_seconds_sum", labels: [("route", route)], value: "\(histogram.sum)")
            sample("qr_http_request_duration_seconds_count", labels: [("route", route)], value: String(histogram.count))
        }
    }

    private mutating func header(_ name: String, _ help: String, type: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private mutating func sample(_ name: String, labels: [(String, String)] = [], value: String) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + value + "\n"
    }

    /// Label values escape backslash, double quote and line feed.
    private static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Seconds, or 0 before any job ran.
    private static func seconds(_ duration: Duration?) -> Double {
        duration?.seconds ?? 0
    }
}
