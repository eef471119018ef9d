import ArgumentParser
import Foundation

/// `qr`: encode and decode QR Codes from the command line.
@main
struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Encode and decode QR Codes.",
        version: "1.0.0",
        subcommands: [EncodeCommand.self, DecodeCommand.self, ServeCommand.self, WorkerCommand.self])

    /// Runs the command; any failure becomes one line on standard error and
    /// a non-zero exit status (2 for bad usage), so scripts can rely on it.
    static func main() async {
        var arguments: [String] = []
        do {
            arguments = ArgumentNormalizer.normalize(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {  // --help and --version
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            StandardError.write("qr: " + withSuggestion(message, arguments: arguments))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

extension QRCommand {
    /// An unknown `encode` option that the parser found no near match for
    /// still gets the nearest one named, so the error says what to type.
    static func withSuggestion(_ message: String, arguments: [String]) -> String {
        guard arguments.first == "encode", message.hasPrefix("Unknown option '"), !message.contains("Did you mean"),
            let unknown = message.split(separator: "'").dropFirst().first,
            let nearest = ArgumentNormalizer.nearestOption(to: String(unknown))
        else { return message }
        return message + ". The nearest encode option is '\(nearest)'; text that starts with '-' goes after '--'"
    }
}

/// A failure to report as one line, with the exit status to use.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32 = 1
}

enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
