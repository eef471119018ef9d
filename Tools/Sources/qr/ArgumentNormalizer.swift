/// Lets `qr encode` take text that starts with "-" (a negative number, a
/// lone dash) as text, without the caller having to add "--".
///
/// Arguments of `encode` that are text (words, negative numbers, "-") are
/// moved, in order, behind a "--", where the argument parser takes them as
/// text. Anything else that starts with "-" stays an option, so that an
/// unknown one (`--eccc`, `-x`) is a usage error naming it instead of
/// becoming part of the code. Other subcommands are passed through unchanged.
enum ArgumentNormalizer {
    /// `encode` options that take a value: the argument after one is its
    /// value even when it looks like a negative number.
    static let valueOptions: Set<String> = [
        "--symbol", "--ecc", "--version", "--min-version", "--max-version", "--max-height", "--mask", "--mode",
        "--format", "--scale", "--border", "--fg", "--bg", "-o", "--output", "--split",
    ]

    /// `encode` options that take no value.
    static let flags: Set<String> = ["--no-boost", "--eci", "-h", "--help"]

    static func normalize(_ arguments: [String]) -> [String] {
        guard arguments.first == "encode" else { return arguments }
        var options: [String] = ["encode"], text: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                text += arguments[(index + 1)...]
                break
            } else if valueOptions.contains(argument), index + 1 < arguments.count {
                options += [argument, arguments[index + 1]]
                index += 1
            } else if isText(argument) {
                text.append(argument)
            } else {
                options.append(argument)
            }
            index += 1
        }
        return text.isEmpty ? options : options + ["--"] + text
    }

    /// Whether an argument is text rather than an option: it does not start
    /// with "-", or it is "-" alone, or a negative number such as "-42" or "-0.5".
    static func isText(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return true }
        let rest = argument.dropFirst()
        return rest.first?.isNumber == true && rest.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    /// The `encode` option nearest to an unknown one in edit distance, to
    /// suggest in the usage error.
    static func nearestOption(to unknown: String) -> String? {
        let name = String(unknown.split(separator: "=", maxSplits: 1).first ?? "")
        return valueOptions.union(flags).min { editDistance(name, $0) < editDistance(name, $1) }
    }

    /// Levenshtein distance between two option names.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
