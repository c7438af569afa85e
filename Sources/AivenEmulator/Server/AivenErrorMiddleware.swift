import Hummingbird

/// Answers what no route handles, in Aiven's error shape rather than Hummingbird's bare status:
/// an unknown path or method is a 404 `{"errors":[{"message":"Not Found","status":404}],"message":"Not Found"}`.
struct AivenErrorMiddleware: RouterMiddleware {
    typealias Context = EmulatorRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return EmulatorGateway.error(EmulatorError(Int(error.status.code), error.body ?? error.status.reasonPhrase))
        } catch let error as any HTTPResponseError {
            return EmulatorGateway.error(EmulatorError(Int(error.status.code), error.status.reasonPhrase))
        } catch {
            return EmulatorGateway.error(EmulatorError(500, "Internal Server Error"))
        }
    }
}
