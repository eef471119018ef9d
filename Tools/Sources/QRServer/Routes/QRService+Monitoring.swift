import Hummingbird

/// `GET /metrics`.
extension QRService {
    /// The codec's load and totals, the task count and the HTTP histograms,
    /// in the Prometheus text format.
    func metrics() async -> Response {
        let text = PrometheusText.render(codec: await codec.metrics(), tasks: tasks.count,
                                         requests: requestMetrics.snapshot)
        return .text(text, contentType: PrometheusText.contentType, headers: [.cacheControl: "no-store"])
    }
}
