/// Yields until `condition` holds — for a state that another task reaches
/// on the codec's actor, such as a submission starting to wait — and returns
/// whether it did within `attempts` yields. No clock is involved: a test
/// that fails here fails, rather than sleeping and hoping.
func eventually(attempts: Int = 1_000_000, _ condition: () async -> Bool) async -> Bool {
    for _ in 0..<attempts {
        if await condition() { return true }
        await Task.yield()
    }
    return false
}
