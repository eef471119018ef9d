import Hummingbird
import Logging

/// Wraps every route: times it for `/metrics`, and makes sure that whatever
/// a handler throws reaches the client as JSON with the right status. An
/// error that is not an HTTP error is a bug: it is logged and answered 500,
/// and the process goes on.
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message =
                error.status == .notFound
                ? "no such route: \(request.method) \(request.uri.path)"
                : error.status.reasonPhrase
            response = try APIError(error.status, message).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            response = Response.json(.object(["error": "internal error"]), status: .internalServerError)
        }
        metrics.record(
            route: context.endpointPath ?? "NotFound", status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}
