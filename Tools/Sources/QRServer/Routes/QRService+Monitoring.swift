import Hummingbird

/// `GET /metrics` and `GET /healthz`.
extension QRService {
    /// The local codec's load and totals, the store's state, the byte budget
    /// and the HTTP histograms, in the Prometheus text format.
    func metrics() async -> Response {
        var page = PrometheusText()
        page.codec(await codec?.metrics())
        page.gauge("qr_queued_bytes", "Bytes held for request bodies, queued jobs and kept results.", budget.used)
        page.gauge("qr_max_queued_bytes", "The budget of those bytes (--max-queued-bytes).", budget.limit)
        page.counter(
            "qr_budget_refusals_total", "Requests answered 503 because their body did not fit the budget.",
            budget.refusals)
        await store.metrics(into: &page)
        page.requests(requestMetrics.snapshot)
        return .text(page.text, contentType: PrometheusText.contentType, headers: [.cacheControl: "no-store"])
    }

    /// 200 `{"status": "ok", "store": …}` while the store answers, else 503
    /// `{"status": "unavailable", "store": …, "error": …}`.
    func health() async -> Response {
        let health = await store.health()
        guard health.reachable else {
            return .json(
                .object([
                    "status": "unavailable", "store": .string(store.name),
                    "error": .string(health.problem ?? "unreachable"),
                ]),
                status: .serviceUnavailable, headers: [.retryAfter: String(options.retryAfterSeconds)])
        }
        return .json(.object(["status": "ok", "store": .string(store.name)]))
    }
}
