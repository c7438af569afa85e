import KubeAPI
import KubeClient
import LocalKube

/// A LocalKube serving ``Widget`` on a free port, and a KubeClient configured for it.
struct LocalKubeFixture {
    let kube: LocalKube
    let client: KubeClient

    static func start(historyLimit: Int = 1000, serverToken: String? = nil, clientToken: String? = nil) async throws -> LocalKubeFixture {
        let kube = LocalKube(configuration: LocalKubeConfiguration(definitions: [Widget.definition], bearerToken: serverToken, historyLimit: historyLimit))
        let port = try await kube.start()
        let config = KubeConfig(server: "http://127.0.0.1:\(port)", credentials: clientToken.map { .token($0) } ?? .none)
        return LocalKubeFixture(kube: kube, client: try KubeClient(config: config))
    }

    var widgets: ResourceClient<Widget> { client.resources(Widget.self, namespace: "default") }

    func stop() async {
        try? await client.shutdown()
        await kube.stop()
    }
}
