import KubeAPI

/// A small custom kind for client tests, served by LocalKube from ``definition``.
struct Widget: KubeResource, Hashable {
    static let group = "example.com"
    static let version = "v1"
    static let kind = "Widget"
    static let plural = "widgets"
    static let namespaced = true

    struct Spec: Codable, Sendable, Hashable {
        var size: Int
        var color: String?
    }

    struct Status: Codable, Sendable, Hashable {
        var phase: String?
    }

    var apiVersion: String = Widget.apiVersion
    var kind: String = Widget.kind
    var metadata: ObjectMeta
    var spec: Spec
    var status: Status?

    init(_ name: String, size: Int = 1, labels: [String: String]? = nil) {
        metadata = ObjectMeta(name: name, namespace: "default", labels: labels)
        spec = Spec(size: size)
    }

    static let definition = CustomResourceDefinition(
        group: group,
        names: .init(kind: kind, plural: plural, shortNames: ["wd"]),
        versions: [
            .init(
                name: version,
                schema: .customResource(
                    "A widget.",
                    spec: .object(required: ["size"], properties: ["size": .integer(maximum: 100), "color": .string(maxLength: 10)]),
                    status: .object(properties: ["phase": .string()])
                ),
                printerColumns: [.init(name: "Size", type: "integer", jsonPath: ".spec.size")]
            ),
        ]
    )
}
