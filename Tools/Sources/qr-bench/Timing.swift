import Foundation

/// Times a closure the way the benchmark reports it: calibrated so that each
/// batch takes about `budget / batches`, then the median batch reported, so
/// that one slow batch (a context switch, a page fault) does not move the number.
struct Timing {
    /// Total time to spend measuring one workload.
    var budget: Duration = .milliseconds(700)
    var batches = 7

    /// Median microseconds per call of `body`.
    func microsecondsPerCall(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        try body()  // warm caches and lazily built tables
        let target = budget / batches
        var iterations = 1
        while iterations < 1 << 24 {
            let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
            if elapsed >= target / 8 {
                iterations = max(1, Int(Double(iterations) * (target / elapsed)))
                break
            }
            iterations *= 2
        }
        var samples: [Double] = []
        for _ in 0..<batches {
            let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
            samples.append(elapsed.microseconds / Double(iterations))
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}

extension Duration {
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }

    var seconds: Double { microseconds / 1e6 }
}

/// CPU time used so far by every thread of this process (user and system),
/// from `getrusage`. Beside wall time it shows what a pool costs in work,
/// which a busy machine disturbs far less than the clock.
func processCPUTime() -> Duration {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
}

/// Consumes a value so that the optimiser cannot drop the work that made it.
@_optimize(none)
func blackHole<T>(_ value: T) {}
