import KubeAPI
import Testing

@testable import LocalKube

/// The published OpenAPI schemas of the built-in kinds agree with the fields their validation accepts.
struct BuiltInSchemaTests {
    @Test func everyBuiltInKindPublishesItsDeclaredFields() throws {
        for resource in ServedResource.builtIns {
            guard case .builtIn(let kind) = resource.behaviour else { continue }
            let properties = resource.openAPISchema["properties"]?.objectValue.map { Set($0.keys) } ?? []
            #expect(properties == kind.fields, "\(resource.kind)")
            #expect(resource.openAPISchema["x-kubernetes-group-version-kind"]?.arrayValue?.first?["kind"] == .string(resource.kind))
        }
    }
}
