import ArgumentParser
import Foundation
import QRCore

/// `qr decode`: find and read every QR Code in image files.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Read QR Codes (Model 2 and Model 1) and Micro QR Codes from PNG, JPEG, PGM or PPM images.",
        discussion: """
            Prints each code's text, or with --json one JSON object per file (JSON Lines):
              {"file", "codes": [{"text", "bytes_base64", "charset", "symbol", "model",
               "version", "ecc", "mask", "corners", "mirrored", "inverted",
               "errors_corrected"}], "decode_ms"}
            symbol is "qr" or "micro" (Micro QR Code, M1-M4). model is 1 for the
            original QR Code Model 1 (versions 1-14), else 2. A part of
            a structured-append sequence adds "structured_append": {"index" (from 0),
            "count", "parity"}. --merge joins such parts, from one image or several
            files in any order, and prints each whole message (exit 1 if a part is
            missing or the parity does not match, naming what is wrong).
            charset is the character set the text was decoded in (the one of most of
            its byte and kanji data, else US-ASCII). decode_ms is the time from pixels
            in memory to results. '-' reads standard input.

            Byte data without an ECI is read as UTF-8 when it is valid UTF-8, else as
            Shift_JIS when it is valid Shift_JIS and reads as Japanese, else as
            ISO-8859-1. --charset NAME reads it in NAME instead (an IANA name or alias,
            any case: UTF-8, Shift_JIS or SJIS, ISO-8859-1 to -16, windows-1250/1251/
            1252/1256, Big5, GB18030 or GB2312, EUC-KR, UTF-16BE, US-ASCII, IBM437);
            an ECI in the symbol still wins.
            Exit status: 0 when every file had a code, 1 when some had none,
            2 when a file could not be read or the usage was wrong.

            Examples:
              qr decode photo.jpg
              qr decode --json scans/*.png
              curl -s https://example.com/code.png | qr decode -
            """)

    @Flag(help: "Print JSON Lines instead of plain text.")
    var json = false

    @Flag(help: "Join structured-append parts into their messages and print those.")
    var merge = false

    @Option(
        help: ArgumentHelp(
            "Character set of byte data without an ECI (default: guessed).",
            valueName: "name"))
    var charset: String?

    @Argument(help: "Image files ('-' for standard input).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("no image files given") }
        if let charset, CharacterEncoding(name: charset) == nil {
            let names = CharacterEncoding.allCases.map(\.name).joined(separator: ", ")
            throw ValidationError(
                "unknown --charset '\(charset)'; use one of \(names) (or an alias such as SJIS, latin1, GB2312)")
        }
    }

    func run() throws {
        let reader = QRReader(options: DecodeOptions(characterSet: charset.flatMap(CharacterEncoding.init(name:))))
        var sawMissing = false, sawUnreadable = false
        var found: [DecodedSymbol] = []
        for file in files {
            let outcome = DecodeOutcome.read(file, with: reader)
            switch outcome.status {
            case .found: break
            case .noCode: sawMissing = true
            case .unreadable: sawUnreadable = true
            }
            found += outcome.results
            if merge { continue }
            if json {
                print(outcome.jsonLine())
            } else {
                outcome.printPlain(showingName: files.count > 1)
            }
        }
        if sawUnreadable { throw ExitCode(2) }
        if merge && !printMerged(found) { throw ExitCode(1) }
        if sawMissing { throw ExitCode(1) }
    }

    /// Prints the message of each structured-append sequence among `symbols`
    /// (told apart by count and parity) and, alone, the text of every symbol
    /// outside one; false if a sequence could not be joined.
    private func printMerged(_ symbols: [DecodedSymbol]) -> Bool {
        var complete = true
        for message in DecodedSymbol.StructuredAppend.mergeAll(symbols) {
            switch message {
            case .success(let text):
                print(text)
            case .failure(let error):
                StandardError.write("qr: \(error)")
                complete = false
            }
        }
        return complete
    }
}
