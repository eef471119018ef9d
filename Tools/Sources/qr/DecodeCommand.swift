import ArgumentParser
import Foundation
import QRCore

/// `qr decode`: find and read every QR Code in image files.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Read QR Codes from PNG, JPEG, PGM or PPM images.",
        discussion: """
            Prints each code's text, or with --json one JSON object per file (JSON Lines):
              {"file", "codes": [{"text", "bytes_base64", "version", "ecc", "mask",
               "corners", "mirrored", "inverted", "errors_corrected"}], "decode_ms"}
            decode_ms is the time from pixels in memory to results. '-' reads standard input.
            Exit status: 0 when every file had a code, 1 when some had none,
            2 when a file could not be read or the usage was wrong.

            Examples:
              qr decode photo.jpg
              qr decode --json scans/*.png
              curl -s https://example.com/code.png | qr decode -
            """)

    @Flag(help: "Print JSON Lines instead of plain text.")
    var json = false

    @Argument(help: "Image files ('-' for standard input).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("no image files given") }
    }

    func run() throws {
        let reader = QRReader()
        var sawMissing = false, sawUnreadable = false
        for file in files {
            let outcome = DecodeOutcome.read(file, with: reader)
            switch outcome.status {
            case .found: break
            case .noCode: sawMissing = true
            case .unreadable: sawUnreadable = true
            }
            if json {
                print(outcome.jsonLine())
            } else {
                outcome.printPlain(showingName: files.count > 1)
            }
        }
        if sawUnreadable { throw ExitCode(2) }
        if sawMissing { throw ExitCode(1) }
    }
}
