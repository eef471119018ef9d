/// The latencies of the most recent jobs, for the percentiles and the
/// throughput of ``ParallelCodecMetrics``.
///
/// A fixed ring of samples: a server that runs for months keeps the same few
/// kilobytes, and its figures describe recent work, not its whole life.
struct LatencyWindow {
    private struct Sample {
        var finishedAt: Duration
        var latency: Duration
    }

    /// The most samples kept.
    let capacity: Int
    private var samples: [Sample] = []
    private var next = 0

    init(capacity: Int = 4096) {
        precondition(capacity >= 1, "a latency window needs room for a sample")
        self.capacity = capacity
    }

    var count: Int { samples.count }

    /// Adds a job that finished at `finishedAt`, `latency` after it was submitted.
    mutating func record(latency: Duration, finishedAt: Duration) {
        let sample = Sample(finishedAt: finishedAt, latency: latency)
        if samples.count < capacity {
            samples.append(sample)
        } else {
            samples[next] = sample
        }
        next = (next + 1) % capacity
    }

    /// The nearest-rank percentile (`fraction` 0.5 is the median), or nil
    /// before any job finished.
    /// - Complexity: O(*n* log *n*) for the *n* samples kept.
    func percentile(_ fraction: Double) -> Duration? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.map(\.latency).sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Jobs per second from the oldest sample kept until `now`: falls towards
    /// zero while the codec is idle, instead of repeating the last busy rate.
    func throughput(now: Duration) -> Double {
        guard samples.count >= 2 else { return 0 }
        let oldest = samples.count < capacity ? samples[0] : samples[next]  // samples arrive in finishing order
        let span = now - oldest.finishedAt
        guard span > .zero else { return 0 }
        return Double(samples.count - 1) / span.seconds
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
