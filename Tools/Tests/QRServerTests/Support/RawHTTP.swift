import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends hand-written bytes to the server on loopback and returns what it
/// answers before closing or going quiet: for the requests a well-behaved
/// client never makes (chunked bodies, broken HTTP).
enum RawHTTP {
    /// Runs on a thread of its own: the blocking socket calls must not hold
    /// one of the few threads that also run the server's request handlers.
    static func exchange(port: Int, _ request: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, Array(request.utf8)) })
            }
        }
    }

    /// - Parameter timeoutSeconds: how long one read may wait for more bytes.
    private static func blockingExchange(port: Int, _ request: [UInt8], timeoutSeconds: Int = 5) throws -> String {
        let socket = try connectLoopback(port: port)
        defer { close(socket) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }  // the server may close early (413): read what it said
            sent += count
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer[0..<count]
            if String(decoding: answer, as: UTF8.self).contains("\r\n\r\n"), isComplete(answer) { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    struct ConnectionFailed: Error {}

    /// Connects to `localhost` as the test server bound it: the first
    /// address the resolver gives (`::1` or `127.0.0.1`, by the system's order).
    private static func connectLoopback(port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &results) == 0, let first = results else {
            throw ConnectionFailed()
        }
        defer { freeaddrinfo(results) }
        let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socket >= 0 else { throw ConnectionFailed() }
        guard connect(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            close(socket)
            throw ConnectionFailed()
        }
        return socket
    }

    /// Whether a response with a Content-Length has all of its body.
    private static func isComplete(_ answer: [UInt8]) -> Bool {
        let text = String(decoding: answer, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<headerEnd.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).filter { $0 != " " })
        else { return true }
        return text.utf8.count - text[..<headerEnd.upperBound].utf8.count >= length
    }
}
