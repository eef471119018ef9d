import NIOConcurrencyHelpers
import QRCore

/// Counts of HTTP requests and a histogram of their durations, by route, for
/// `GET /metrics`.
///
/// Routes are the router's patterns (`/result/{id}`), never raw paths, so the
/// number of series stays fixed however many task identifiers are asked for.
final class RequestMetrics: Sendable {
    /// Upper bounds of the duration buckets, in seconds: from a fast cached
    /// page (0.1 ms) to a long poll (30 s).
    static let bucketBounds: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
        0.25, 0.5, 1, 2.5, 5, 10, 30,
    ]

    /// One route's histogram.
    struct Histogram: Sendable, Hashable {
        /// Observations at or below each bound (not cumulative; made so when written).
        var buckets = [Int](repeating: 0, count: RequestMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0

        mutating func record(_ seconds: Double) {
            if let index = RequestMetrics.bucketBounds.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
            count += 1
            sum += seconds
        }
    }

    /// A route and a response status, the key of the request counter.
    struct RouteStatus: Sendable, Hashable, Comparable {
        let route: String
        let status: Int

        static func < (lhs: RouteStatus, rhs: RouteStatus) -> Bool {
            (lhs.route, lhs.status) < (rhs.route, rhs.status)
        }
    }

    struct Snapshot: Sendable {
        var durations: [String: Histogram]
        var responses: [RouteStatus: Int]
    }

    private let state = NIOLockedValueBox(Snapshot(durations: [:], responses: [:]))

    func record(route: String, status: Int, duration: Duration) {
        state.withLockedValue { state in
            state.durations[route, default: Histogram()].record(duration.seconds)
            state.responses[RouteStatus(route: route, status: status), default: 0] += 1
        }
    }

    var snapshot: Snapshot { state.withLockedValue { $0 } }
}
