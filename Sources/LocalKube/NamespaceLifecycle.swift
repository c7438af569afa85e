import Foundation
import KubeAPI

/// Namespace deletion as Kubernetes does it: DELETE puts the namespace in phase `Terminating`
/// (with the `kubernetes` finalizer in `spec.finalizers`), new content is refused, and the
/// namespace controller (``run()``) deletes everything in it, so finalizers run, reports progress
/// in the namespace's conditions and removes the namespace once it is empty.
struct NamespaceLifecycle: Sendable {
    let store: ObjectStore

    static let namespaces = ResourceOperations.namespaces
    static let finalizer: JSONValue = "kubernetes"
    /// How often the controller looks at terminating namespaces.
    static let interval: Duration = .milliseconds(200)

    /// A namespace's `spec.finalizers` start as `["kubernetes"]`, and its finalizers and status
    /// belong to the lifecycle: writes through the API keep the stored ones (kube's namespace strategy).
    static func prepare(_ object: inout JSONValue, old: JSONValue?) {
        guard let old else {
            object["spec"] = ["finalizers": [finalizer]]
            return
        }
        object["spec"] = ["finalizers": old[path: ["spec", "finalizers"]] ?? []]
        object["status"] = old["status"] ?? object["status"]
    }

    /// Who deletes a terminating namespace's content: admission policies see (and may refuse) it.
    static let controller = UserInfo(
        name: "system:serviceaccount:kube-system:namespace-controller",
        groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]
    )
    /// Namespaces kube-apiserver never lets anyone delete.
    static let immortal: Set<String> = ["default", "kube-system", "kube-public"]

    /// Refuses content in a namespace that does not exist or is being terminated.
    func admitContent(_ type: ServedResource, name: String, namespace: String) async throws(APIError) {
        guard let object = await store.object(Self.namespaces, namespace: nil, name: namespace) else {
            throw APIError.notFound(Self.namespaces, name: namespace)
        }
        guard object[path: ["metadata", "deletionTimestamp"]] == nil else {
            let subject = name.isEmpty ? type.groupResource.description : "\(type.groupResource) \(GoFormat.quote(name))"
            throw APIError(
                code: 403, reason: "Forbidden",
                message: "\(subject) is forbidden: unable to create new content in namespace \(namespace) because it is being terminated",
                details: StatusDetails(
                    name: name, group: type.group, kind: type.plural,
                    causes: [StatusCause(reason: "NamespaceTerminating", message: "namespace \(namespace) is being terminated", field: "metadata.namespace")]
                )
            )
        }
    }

    /// Marks a namespace as terminating and returns it; ``run()`` does the rest.
    func beginTermination(_ namespace: JSONValue) async throws(APIError) -> JSONValue {
        let name = namespace[path: ["metadata", "name"]]?.stringValue ?? ""
        guard !Self.immortal.contains(name) else {
            throw APIError(
                code: 403, reason: "Forbidden", message: "namespaces \(GoFormat.quote(name)) is forbidden: this namespace may not be deleted",
                details: StatusDetails(name: name, group: "", kind: "namespaces")
            )
        }
        var object = namespace
        object["metadata"]?["deletionTimestamp"] = .string(Timestamp.rfc3339(Date()))
        object["metadata"]?["deletionGracePeriodSeconds"] = 0
        object["spec"] = ["finalizers": [Self.finalizer]]
        var status = object["status"]?.objectValue ?? [:]
        status["phase"] = "Terminating"
        object["status"] = .object(status)
        return try await store.update(Self.namespaces, object, expected: namespace[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")
    }

    /// The namespace controller: until cancelled, empties terminating namespaces and removes them.
    func run() async {
        while !Task.isCancelled {
            for namespace in await store.list(Self.namespaces, namespace: nil).items where namespace[path: ["metadata", "deletionTimestamp"]] != nil {
                await finalizeStep(namespace)
            }
            try? await Task.sleep(for: Self.interval)
        }
    }

    /// Deletes what is left in a terminating namespace; removes the namespace when nothing is.
    private func finalizeStep(_ namespace: JSONValue) async {
        guard let name = namespace[path: ["metadata", "name"]]?.stringValue else { return }
        var remaining: [String: Int] = [:]
        var finalizers: [String: Int] = [:]
        var failures: [String] = []
        for type in await store.servedResources where type.namespaced {
            var operations = ResourceOperations(store: store, type: type)
            operations.requester = Self.controller
            for object in await store.list(type.groupResource, namespace: name).items {
                guard let objectName = object[path: ["metadata", "name"]]?.stringValue else { continue }
                var left = object
                if object[path: ["metadata", "deletionTimestamp"]] == nil {
                    do {
                        let result = try await operations.delete(namespace: name, name: objectName, options: nil, dryRun: false)
                        guard result.object["kind"] != "Status" else { continue }
                        left = result.object
                    } catch {
                        failures.append(error.status.message ?? "")
                    }
                }
                remaining[type.groupResource.description, default: 0] += 1
                for finalizer in (left[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue) {
                    finalizers[finalizer, default: 0] += 1
                }
            }
        }
        var updated = namespace
        if remaining.isEmpty {
            updated["spec"] = ["finalizers": []]
        } else {
            updated["status"] = [
                "phase": "Terminating",
                "conditions": .array(Self.conditions(remaining: remaining, finalizers: finalizers, failures: failures, previous: namespace)),
            ]
        }
        guard updated != namespace else { return }
        _ = try? await store.update(Self.namespaces, updated, expected: namespace[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")
    }

    /// The conditions kube-controller-manager's namespace controller reports while content remains.
    private static func conditions(remaining: [String: Int], finalizers: [String: Int], failures: [String], previous: JSONValue) -> [JSONValue] {
        let resources = remaining.keys.sorted().map { "\($0) has \(remaining[$0]!) resource instances" }.joined(separator: ", ")
        let pending = finalizers.keys.sorted().map { "\($0) in \(finalizers[$0]!) resource instances" }.joined(separator: ", ")
        let specs: [(String, String, String, String)] = [
            ("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered"),
            ("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            failures.isEmpty
                ? ("NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization")
                : ("NamespaceDeletionContentFailure", "True", "ContentDeletionFailed", "Failed to delete all resource types, \(failures.count) remaining: \(failures.joined(separator: ", "))"),
            ("NamespaceContentRemaining", "True", "SomeResourcesRemain", "Some resources are remaining: \(resources)"),
            finalizers.isEmpty
                ? ("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers", "All content-preserving finalizers finished")
                : ("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain", "Some content in the namespace has finalizers remaining: \(pending)"),
        ]
        let old = Dictionary(
            (previous[path: ["status", "conditions"]]?.arrayValue ?? []).compactMap { condition in condition["type"]?.stringValue.map { ($0, condition) } },
            uniquingKeysWith: { first, _ in first }
        )
        return specs.map { type, status, reason, message in
            var condition: JSONValue = ["type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message)]
            let previous = old[type]
            let unchanged = previous?["status"] == condition["status"] && previous?["reason"] == condition["reason"] && previous?["message"] == condition["message"]
            condition["lastTransitionTime"] = unchanged ? previous?["lastTransitionTime"] ?? .string(Timestamp.rfc3339(Date())) : .string(Timestamp.rfc3339(Date()))
            return condition
        }
    }
}
