extension Duration {
    /// The duration in seconds, as Prometheus writes every time.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
