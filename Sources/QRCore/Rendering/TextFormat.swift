/// Plain-text drawings of a symbol, for terminals, logs and tests.
public enum TextFormat: String, Sendable, Hashable, CaseIterable {
    /// One line per module row: `1` dark, `0` light. The exchange format of
    /// test vectors; with border 0 it is the bare matrix.
    case txt
    /// Unicode half blocks (`▀ ▄ █` and space), two module rows per line,
    /// dark modules inked: for terminals with a light background.
    case utf8
    /// The same with light modules inked: for terminals with a dark
    /// background, where inking the dark modules would give a negative image
    /// that many phones cannot scan.
    case utf8Inverted = "utf8-inverted"
    /// Two spaces per module on ANSI background colours (40 black, 47
    /// white), reset at the end of each line: scannable on any terminal
    /// background that shows colour.
    case ansi
}
