import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A channel handler, one per connection, between HTTP parsing and the
/// request handlers, for the two things Hummingbird and SwiftNIO leave to
/// the application about request bodies.
///
/// - `Expect: 100-continue` (RFC 9110 §10.1.1): neither answers it, so a
///   client such as `curl` waits a second before every upload over 1 MiB.
///   This handler answers `100 Continue` as soon as the head arrives, unless
///   the body will be refused anyway (over the body limit, or not fitting
///   the ``ByteBudget``): then the request handler's 413 or 503 is the
///   answer, no body is sent, and the connection closes after it.
/// - A refusal before the whole body has arrived (413, 503, 404…): a client
///   that writes its whole body before reading (Python's `urllib`, which
///   also asks `Connection: close`) would block on a full socket, since
///   Hummingbird stops reading once the handler has answered. The answer
///   says `Connection: close`; then the rest of the body is read and thrown
///   away, up to ``ServerOptions/UploadLimits/maxDrainBytes`` and
///   ``ServerOptions/UploadLimits/drainTime``, and the connection is closed.
///   The client sees the status instead of a reset: closing with its bytes
///   unread would make the kernel answer with a reset.
final class UploadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let maxBodyBytes: Int
    private let limits: ServerOptions.UploadLimits
    private let budget: ByteBudget
    /// A request head has arrived and its end has not.
    private var bodyOpen = false
    /// The client asked for `100 Continue` and has not been given it.
    private var awaitingContinue = false
    /// The response went out before the body ended: discard what follows, then close.
    private var closeAfterResponse = false
    private var discarding = false
    private var discarded = 0
    private var drainDeadline: Scheduled<Void>?

    init(maxBodyBytes: Int, limits: ServerOptions.UploadLimits, budget: ByteBudget) {
        self.maxBodyBytes = maxBodyBytes
        self.limits = limits
        self.budget = budget
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(request):
            bodyOpen = true
            answerExpectation(of: request, context: context)
            context.fireChannelRead(data)
        case let .body(buffer):
            guard discarding else { return context.fireChannelRead(data) }
            discarded += buffer.readableBytes
            if discarded > limits.maxDrainBytes { context.close(promise: nil) }
        case .end:
            bodyOpen = false
            guard discarding else { return context.fireChannelRead(data) }
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // While discarding, nothing above asks for more: keep reading here.
        if discarding { context.read() }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case var .head(response) where response.status.kind != .informational && bodyOpen:
            response.headerFields[.connection] = "close"
            closeAfterResponse = true
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .end where closeAfterResponse:
            closeAfterResponse = false
            let sent = context.eventLoop.makePromise(of: Void.self)
            sent.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: sent)
            finishAfterRefusal(context: context, written: sent.futureResult)
        default:
            context.write(data, promise: promise)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        drainDeadline?.cancel()
    }

    /// Sends `100 Continue` unless the body is going to be refused.
    private func answerExpectation(of request: HTTPRequest, context: ChannelHandlerContext) {
        awaitingContinue = false
        guard let expect = request.headerFields[.expect], expect.lowercased() == "100-continue" else { return }
        let declared = request.headerFields[.contentLength].flatMap { Int($0) }
        if let declared, declared > maxBodyBytes || !budget.wouldFit(declared) {
            awaitingContinue = true  // the handler's 413 or 503 answers instead
            return
        }
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
    }

    /// After an answer that came before the body ended: a client that was
    /// refused its `100 Continue` sends no body, so close at once; any other
    /// is read to the end (within the drain limits) and then closed.
    private func finishAfterRefusal(context: ChannelHandlerContext, written: EventLoopFuture<Void>) {
        if awaitingContinue || !bodyOpen {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            return
        }
        discarding = true
        drainDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limits.drainTime)) {
            context.close(promise: nil)
        }
        context.read()
    }
}
