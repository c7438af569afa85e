import ServiceLifecycle

extension LocalKube: Service {
    /// Serves (starting first unless ``start()`` was called) until graceful shutdown or
    /// cancellation, then stops: open watches end and the state log is closed. Run it in a
    /// `ServiceGroup` with the rest of the process.
    public nonisolated func run() async throws {
        if await !isServing { _ = try await start() }
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                do {
                    try await waitUntilStopped()
                } catch is CancellationError {}
            } onGracefulShutdown: {
                Task { await self.stop() }
            }
        } onCancel: {
            Task { await self.stop() }
        }
        await stop()
    }
}
