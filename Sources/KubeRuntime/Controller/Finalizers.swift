import KubeAPI
import KubeClient

/// Adds and removes finalizers with merge patches conditional on the object's resourceVersion, so
/// a finalizer is never added to or removed from a version the caller has not seen.
public enum Finalizers {
    /// `object` with `finalizer` added (one write, skipped when already present).
    public static func add<R: KubeResource>(_ finalizer: String, to object: R, using client: ResourceClient<R>) async throws(KubeError) -> R {
        let current = object.metadata.finalizers ?? []
        guard !current.contains(finalizer) else { return object }
        return try await patch(object, finalizers: current + [finalizer], using: client)
    }

    /// `object` with `finalizer` removed (one write, skipped when absent). Call only once the
    /// cleanup it guards has succeeded.
    public static func remove<R: KubeResource>(_ finalizer: String, from object: R, using client: ResourceClient<R>) async throws(KubeError) -> R {
        let current = object.metadata.finalizers ?? []
        guard current.contains(finalizer) else { return object }
        return try await patch(object, finalizers: current.filter { $0 != finalizer }, using: client)
    }

    private static func patch<R: KubeResource>(_ object: R, finalizers: [String], using client: ResourceClient<R>) async throws(KubeError) -> R {
        var metadata: [String: JSONValue] = ["finalizers": .array(finalizers.map(JSONValue.string))]
        metadata["resourceVersion"] = object.metadata.resourceVersion.map(JSONValue.string)
        return try await client.mergePatch(object.metadata.name ?? "", ["metadata": .object(metadata)])
    }
}
