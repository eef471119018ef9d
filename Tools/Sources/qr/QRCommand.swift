import ArgumentParser
import Foundation

/// `qr`: encode and decode QR Codes from the command line.
@main
struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Encode and decode QR Codes.",
        subcommands: [EncodeCommand.self, DecodeCommand.self, ServeCommand.self])

    /// Runs the command; any failure becomes one line on standard error and
    /// a non-zero exit status (2 for bad usage), so scripts can rely on it.
    static func main() async {
        do {
            var command = try parseAsRoot(ArgumentNormalizer.normalize(Array(CommandLine.arguments.dropFirst())))
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
            StandardError.write("qr: \(message)")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
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
