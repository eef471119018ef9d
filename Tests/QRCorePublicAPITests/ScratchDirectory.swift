import Foundation

/// Runs documentation examples the way a user's program would: in a
/// directory holding `photo.jpg` (a bundled phone-style photo), where
/// examples may write files such as `ticket.png`.
///
/// It changes the process's working directory, so every example runs inside
/// the one serialized suite of this target; QRCore's other tests use only
/// absolute paths.
enum ScratchDirectory {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func run<T>(_ body: () async throws -> T) async throws -> T {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("qrcore-examples-\(UUID())")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(
            at: fixtures.appendingPathComponent("images/qr-photo.jpg"),
            to: directory.appendingPathComponent("photo.jpg"))
        let previous = manager.currentDirectoryPath
        guard manager.changeCurrentDirectoryPath(directory.path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: directory.path])
        }
        defer {
            _ = manager.changeCurrentDirectoryPath(previous)
            try? manager.removeItem(at: directory)
        }
        return try await body()
    }
}
