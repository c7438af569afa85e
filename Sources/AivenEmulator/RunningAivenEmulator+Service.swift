import ServiceLifecycle

extension RunningAivenEmulator: Service {
    /// Serves until graceful shutdown or cancellation, then stops: lets a started emulator run in
    /// a `ServiceGroup` with the rest of the process (`aiven-operator dev`).
    public func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            await waitUntilStopped()
        } onCancelOrGracefulShutdown: {
            Task { await stop() }
        }
    }
}
