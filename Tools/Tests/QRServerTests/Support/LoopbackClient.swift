import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TCP connection to the test server, driven step by step with blocking
/// calls on a thread of its own: for what a test client library does not
/// let a test do (send a head, wait for `100 Continue`, then send the body;
/// write a whole body before reading, as Python's `urllib` does).
final class LoopbackClient: @unchecked Sendable {  // the socket is used by one blocking call at a time, awaited in turn
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socket: Int32
    private var received: [UInt8] = []

    /// - Parameter timeoutSeconds: the longest one read or write waits (a
    ///   bound on a failing test, not a synchronisation).
    init(port: Int, timeoutSeconds: Int = 10) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "connect() failed")
        }
    }

    deinit { close(socket) }

    /// Writes all of `bytes`, blocking while the server does not read.
    /// - Returns: how many were written before the server closed, if it did.
    @discardableResult
    func send(_ bytes: [UInt8]) async -> Int {
        await blocking { [socket] in
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes {
                    Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { break }
                sent += count
            }
            return sent
        }
    }

    func send(_ text: String) async -> Int { await send(Array(text.utf8)) }

    /// Reads until `marker` has arrived; nil if the connection closed or
    /// went quiet first. What came before and with it is kept for ``response()``.
    func readUntil(_ marker: String) async -> String? {
        let pattern = Array(marker.utf8)
        while received.firstRange(of: pattern) == nil {
            guard await readMore() else { return nil }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Everything until the server closes the connection (or goes quiet).
    func readToEnd() async -> String {
        while await readMore() {}
        return String(decoding: received, as: UTF8.self)
    }

    /// Drops what was read so far.
    func discardReceived() {
        received = []
    }

    private func readMore() async -> Bool {
        let chunk: [UInt8] = await blocking { [socket] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            return count > 0 ? Array(buffer[0..<count]) : []
        }
        received += chunk
        return !chunk.isEmpty
    }

    /// Runs a blocking call on a thread of its own, off the server's threads.
    private func blocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
