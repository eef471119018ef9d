import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Tag {
    /// Tests that push many thousands of jobs through real threads. They take
    /// most of a minute, so `swift test` runs them only when asked:
    /// `QRCORE_STRESS=1 swift test` (CI does), or by tag: `swift test --filter …`
    /// with `QRCORE_STRESS=1`.
    @Tag static var stress: Self
}

/// Whether stress tests run: when the environment says `QRCORE_STRESS=1`. A stress
/// test carries `.tags(.stress)`, `.enabled(if: StressTests.enabled)` and a time limit.
enum StressTests {
    static let enabled = getenv("QRCORE_STRESS").map { String(cString: $0) == "1" } ?? false
}
