/// Lets `qr encode` take text that starts with "-" (a negative number, a
/// dash-prefixed code) as text, without the caller having to add "--".
///
/// Every argument of `encode` that is neither one of its options nor an
/// option's value is moved, in order, behind a "--", where the argument
/// parser takes it as text. Other subcommands are passed through unchanged.
enum ArgumentNormalizer {
    /// `encode` options that take a value.
    static let valueOptions: Set<String> = [
        "--ecc", "--version", "--min-version", "--max-version", "--mask", "--mode",
        "--format", "--scale", "--border", "--fg", "--bg", "-o", "--output",
    ]
    /// `encode` options that take none.
    static let flags: Set<String> = ["--no-boost", "--eci", "-h", "--help"]

    static func normalize(_ arguments: [String]) -> [String] {
        guard arguments.first == "encode" else { return arguments }
        var options: [String] = ["encode"], text: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if argument == "--" {
                text += arguments[(index + 1)...]
                break
            } else if valueOptions.contains(argument), index + 1 < arguments.count {
                options += [argument, arguments[index + 1]]
                index += 1
            } else if flags.contains(argument) || (argument.hasPrefix("--") && valueOptions.contains(name)) {
                options.append(argument)
            } else {
                text.append(argument)
            }
            index += 1
        }
        return text.isEmpty ? options : options + ["--"] + text
    }
}
