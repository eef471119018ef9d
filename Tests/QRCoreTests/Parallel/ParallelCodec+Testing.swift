@testable import QRCore

extension ParallelCodec {
    /// ``result(_:)`` as a value, for checks that cover success and failure alike.
    func outcome(of id: JobID) async -> Result<CodecOutput, ParallelCodecError> {
        do {
            return .success(try await result(id))
        } catch {
            return .failure(error)
        }
    }
}
