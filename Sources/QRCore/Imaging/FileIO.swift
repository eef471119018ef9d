#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and writes through the C library, so that QRCore needs
/// no Foundation. Errors carry the system's own words (`strerror`).
enum FileIO {
    /// A failed read or write: the path and why.
    struct Failure: Error, Sendable, Hashable {
        var path: String
        var reason: String
    }

    /// Files larger than this are refused: no image QRCore reads needs more,
    /// and a mistaken path (a disk image, a device) must not exhaust memory.
    static let defaultMaxBytes = 1 << 30

    /// The whole contents of a file, which may also be a pipe or device
    /// (read until end of file).
    /// - Throws: ``Failure`` when the file cannot be opened or read, is a
    ///   directory, or holds more than `maxBytes` bytes.
    static func readFile(atPath path: String, maxBytes: Int = defaultMaxBytes) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemFailure(path, "cannot open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemFailure(path, "cannot stat") }
        // mode_t is UInt32 on Linux and UInt16 on Darwin, where the S_IF* macros are Int32.
        let type = Int(status.st_mode) & Int(S_IFMT)
        guard type != Int(S_IFDIR) else { throw Failure(path: path, reason: "is a directory") }
        let isRegular = type == Int(S_IFREG)
        let expected = isRegular ? Int(status.st_size) : 0
        guard expected <= maxBytes else { throw tooLarge(path, expected, maxBytes) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(isRegular ? expected + 1 : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemFailure(path, "cannot read")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= maxBytes else { throw tooLarge(path, bytes.count + count, maxBytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces a file's contents: the bytes go to a new file beside it,
    /// which is then renamed over the path, so readers see the old file or
    /// the new one, never a half-written one. The new file gets the usual
    /// permissions (0666 less the umask). It is not fsynced: a crash may
    /// lose it, but cannot leave it torn.
    /// - Throws: ``Failure`` when the temporary file cannot be created or
    ///   written, or the rename fails.
    static func writeFile(atPath path: String, bytes: [UInt8]) throws(Failure) {
        let temporary = path + ".tmp-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw systemFailure(path, "cannot create") }
        do {
            try writeAll(bytes, to: descriptor, path: path)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let failure = systemFailure(path, "cannot write")
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let failure = systemFailure(path, "cannot replace")
            unlink(temporary)
            throw failure
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemFailure(path, "cannot write")
            }
            written += count
        }
    }

    /// A failure with `errno`'s description, read before anything can change it.
    private static func systemFailure(_ path: String, _ action: String) -> Failure {
        let code = errno
        return Failure(path: path, reason: action + ": " + String(cString: strerror(code)))
    }

    private static func tooLarge(_ path: String, _ size: Int, _ limit: Int) -> Failure {
        Failure(path: path, reason: "file of \(size) bytes or more exceeds the limit of \(limit) bytes")
    }
}
