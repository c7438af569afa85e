/// Project CAs as Aiven served them, kept per (API URL, project) for ``lifetime``: a project's CA
/// does not change in practice, so a ready service's connection details cost one request per
/// resync instead of two. A failed fetch is never kept (the next call asks again). One per
/// process, shared by the clients of every token (see
/// ``AivenClient/keepingProjectCAs(in:apiURL:)``): the CA is a public certificate, the same for
/// every reader of the project.
public actor ProjectCACache {
    private struct Key: Hashable {
        var apiURL: String
        var project: String
    }

    private struct Entry {
        var certificate: String
        var fetched: ContinuousClock.Instant
    }

    /// How long a fetched CA is used before it is asked for again.
    public let lifetime: Duration
    private var entries: [Key: Entry] = [:]

    public init(lifetime: Duration = .seconds(3600)) {
        self.lifetime = lifetime
    }

    /// The CA of `project` at `apiURL`: the kept one while it is younger than ``lifetime``,
    /// otherwise `fetch`'s answer (kept only when it succeeds).
    public func certificate(
        apiURL: String, project: String, fetch: @Sendable () async throws(AivenError) -> String
    ) async throws(AivenError) -> String {
        let key = Key(apiURL: apiURL, project: project)
        if let entry = entries[key], ContinuousClock.now - entry.fetched < lifetime { return entry.certificate }
        let fetched = ContinuousClock.now
        let certificate = try await fetch()
        entries[key] = Entry(certificate: certificate, fetched: fetched)
        return certificate
    }
}
