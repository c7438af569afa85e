import Foundation
import KubeAPI

/// The write verbs of one resource type with Kubernetes semantics: system metadata, generation,
/// the status subresource split, optimistic concurrency, finalizers and `deletionTimestamp`.
struct ResourceOperations: Sendable {
    /// How a PATCH body is interpreted.
    enum PatchType: Sendable {
        case merge
        case json
        case strategicMerge
        /// Server-side apply (`application/apply-patch+yaml`): see ``apply(_:namespace:name:status:options:)``.
        case apply
    }

    let store: ObjectStore
    let type: ServedResource
    /// The caller, whose writes ValidatingAdmissionPolicies check; `nil` for LocalKube's own writes.
    var requester: UserInfo?

    private var admission: ObjectAdmission { ObjectAdmission(type: type) }
    private static let systemFields = ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink"]
    /// Writes computed from a read (patches, unconditional updates) retry this often on conflict.
    private static let conflictRetries = 8

    // MARK: Create

    func create(_ body: JSONValue, namespace: String?, options: WriteOptions) async throws(APIError) -> WriteResult {
        var object = try checkedBody(body)
        var metadata = object["metadata"]?.objectValue ?? [:]
        try placeInNamespace(&metadata, namespace: namespace)
        if (metadata["name"]?.stringValue ?? "").isEmpty, let prefix = metadata["generateName"]?.stringValue, !prefix.isEmpty {
            metadata["name"] = .string(String(prefix.prefix(58)) + Self.randomSuffix())
        }
        if type.namespaced, let namespace {
            try await NamespaceLifecycle(store: store).admitContent(type, name: metadata["name"]?.stringValue ?? "", namespace: namespace)
        }
        for field in Self.systemFields { metadata[field] = nil }
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        metadata["creationTimestamp"] = .string(Timestamp.rfc3339(Date()))
        if type.tracksGeneration { metadata["generation"] = 1 }
        object["metadata"] = .object(metadata)
        if type.statusSubresource { object["status"] = nil }
        var admitted = try admission.admit(object, old: nil, validation: options.fieldValidation)
        if let manager = options.manager, !options.isApply {
            admitted.object = FieldOwnership(type: type, subresource: nil).recordUpdate(old: nil, new: admitted.object, manager: manager)
        }
        let warnings = try await admitByPolicies(.create, object: admitted.object, old: nil, subresource: nil, dryRun: options.dryRun)
        if options.dryRun { return WriteResult(object: admitted.object, warnings: admitted.warnings + warnings) }
        return WriteResult(object: try await store.create(type.groupResource, admitted.object), warnings: admitted.warnings + warnings)
    }

    // MARK: Update

    /// PUT on the object (`subresource == nil`) or on `/status`.
    func update(_ body: JSONValue, namespace: String?, name: String, status: Bool, options: WriteOptions) async throws(APIError) -> WriteResult {
        let object = try checkedBody(body)
        let objectName = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if objectName != name {
            throw APIError.badRequest("the name of the object (\(objectName)) does not match the name on the URL (\(name))")
        }
        let precondition = object[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if precondition == nil, !type.allowsUnconditionalUpdate, !status {
            throw APIError.invalid(type, name: name, errors: [
                FieldError(.invalid, FieldPath("metadata", "resourceVersion"), renderedValue: "0x0", detail: "must be specified for an update"),
            ])
        }
        return try await write(namespace: namespace, name: name, status: status, precondition: precondition, options: options) { _ throws(APIError) in object } merge: { old, new throws(APIError) in
            status ? try statusUpdate(old: old, new: new) : try mainUpdate(old: old, new: new)
        }
    }

    // MARK: Patch

    func patch(_ patch: JSONValue, as patchType: PatchType, namespace: String?, name: String, status: Bool, options: WriteOptions) async throws(APIError) -> WriteResult {
        let jsonPatch = patchType == .json ? try JSONPatch(patch) : nil
        if patchType != .json, patch.objectValue == nil {
            throw APIError.badRequest("json: cannot unmarshal \(patch.typeName) into Go value of type map[string]interface {}")
        }
        let precondition = patch[path: ["metadata", "resourceVersion"]]?.stringValue
        return try await write(namespace: namespace, name: name, status: status, precondition: precondition, options: options) { old throws(APIError) in
            var patched: JSONValue
            switch patchType {
            case .merge: patched = MergePatch.apply(patch, to: old)
            case .strategicMerge: patched = StrategicMergePatch.apply(patch, to: old)
            case .json: patched = try jsonPatch!.apply(to: old)
            case .apply: throw APIError.badRequest("apply patches are applied by apply(_:namespace:name:status:options:)")
            }
            guard patched.objectValue != nil else { throw APIError.badRequest("the patch produced something that is not an object") }
            let patchedVersion = patched[path: ["metadata", "resourceVersion"]]?.stringValue
            if let patchedVersion, patchedVersion != old[path: ["metadata", "resourceVersion"]]?.stringValue {
                throw APIError.conflict(type.groupResource, name: name)
            }
            return patched
        } merge: { old, new throws(APIError) in
            status ? try statusUpdate(old: old, new: new) : try mainUpdate(old: old, new: new)
        }
    }

    // MARK: Apply

    /// Server-side apply of `config` by `options.fieldManager`: creates the object when it is
    /// absent (`created`), else merges it in with Kubernetes' field ownership (see
    /// ``FieldOwnership``).
    func apply(_ config: JSONValue, namespace: String?, name: String, status: Bool, options: WriteOptions) async throws(APIError) -> (result: WriteResult, created: Bool) {
        guard let manager = options.fieldManager else {
            throw APIError(Status.invalid(kind: "PatchOptions", group: "meta.k8s.io", name: "", errors: [
                .required(FieldPath("fieldManager"), "is required for apply patch"),
            ]))
        }
        guard config.objectValue != nil else {
            throw APIError.badRequest("error decoding YAML: json: cannot unmarshal \(config.typeName) into Go value of type map[string]interface {}")
        }
        if config[path: ["metadata", "managedFields"]] != nil { throw APIError.badRequest("metadata.managedFields must be nil") }
        let version = config["apiVersion"]?.stringValue ?? ""
        guard version == type.apiVersion else {
            throw APIError.badRequest("Incorrect version specified in apply patch. Specified patch version: \(version), expected: \(type.apiVersion)")
        }
        if let kind = config["kind"]?.stringValue, kind != type.kind {
            throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind))")
        }
        let configName = config[path: ["metadata", "name"]]?.stringValue ?? ""
        guard configName == name else {
            throw APIError.badRequest("the name of the object (\(configName)) does not match the name on the URL (\(name))")
        }
        var options = options
        options.isApply = true
        let ownership = FieldOwnership(type: type, subresource: status ? "status" : nil)
        let force = options.force ?? false
        let precondition = config[path: ["metadata", "resourceVersion"]]?.stringValue
        for _ in 0..<Self.conflictRetries {
            if await store.object(type.groupResource, namespace: namespace, name: name) == nil {
                if status { throw APIError.notFound(type.groupResource, name: name) }
                let object = try ownership.apply(config, to: nil, manager: manager, force: force)
                do {
                    return (try await create(object, namespace: namespace, options: options), true)
                } catch where error.status.reason == "AlreadyExists" {
                    continue
                }
            }
            do {
                let result = try await write(namespace: namespace, name: name, status: status, precondition: precondition, options: options) { old throws(APIError) in
                    try ownership.apply(config, to: old, manager: manager, force: force)
                } merge: { old, new throws(APIError) in
                    status ? try statusUpdate(old: old, new: new) : try mainUpdate(old: old, new: new)
                }
                return (result, false)
            } catch where error.status.reason == "NotFound" && error.status.details?.name == name {
                continue
            }
        }
        throw APIError.conflict(type.groupResource, name: name)
    }

    // MARK: Delete

    /// DELETE: marks an object with finalizers as terminating (returning it), or removes it
    /// (returning a success `Status`).
    func delete(namespace: String?, name: String, options body: JSONValue?, dryRun: Bool) async throws(APIError) -> WriteResult {
        let dryRun = dryRun || (body?["dryRun"]?.arrayValue?.contains("All") ?? false)
        for _ in 0..<Self.conflictRetries {
            guard var current = await store.object(type.groupResource, namespace: namespace, name: name) else {
                throw APIError.notFound(type.groupResource, name: name)
            }
            let currentVersion = current[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            if let uid = body?[path: ["preconditions", "uid"]]?.stringValue, uid != current[path: ["metadata", "uid"]]?.stringValue {
                throw APIError.conflict(type.groupResource, name: name, problem: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(current[path: ["metadata", "uid"]]?.stringValue ?? "")")
            }
            if let version = body?[path: ["preconditions", "resourceVersion"]]?.stringValue, version != currentVersion {
                throw APIError.conflict(type.groupResource, name: name, problem: "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(currentVersion)")
            }
            let warnings = try await admitByPolicies(.delete, object: nil, old: current, subresource: nil, dryRun: dryRun)
            if case .namespace = type.behaviour {
                if dryRun || current[path: ["metadata", "deletionTimestamp"]] != nil { return WriteResult(object: current, warnings: warnings) }
                do {
                    return WriteResult(object: try await NamespaceLifecycle(store: store).beginTermination(current), warnings: warnings)
                } catch where error.status.reason == "Conflict" {
                    continue
                }
            }
            if !dryRun, body?["propagationPolicy"]?.stringValue == "Orphan", let uid = current[path: ["metadata", "uid"]]?.stringValue {
                await GarbageCollector(store: store).orphanDependents(of: uid)
            }
            let finalizers = current[path: ["metadata", "finalizers"]]?.arrayValue ?? []
            if !finalizers.isEmpty {
                if current[path: ["metadata", "deletionTimestamp"]] != nil || dryRun { return WriteResult(object: current, warnings: warnings) }
                current["metadata"]?["deletionTimestamp"] = .string(Timestamp.rfc3339(Date()))
                current["metadata"]?["deletionGracePeriodSeconds"] = 0
                // As kube-apiserver: starting a graceful deletion is a change of the object's
                // desired state, so controllers that compare generations see it.
                if let generation = current[path: ["metadata", "generation"]]?.integerValue {
                    current["metadata"]?["generation"] = .integer(generation + 1)
                }
                do {
                    return WriteResult(object: try await store.update(type.groupResource, current, expected: currentVersion), warnings: warnings)
                } catch where error.status.reason == "Conflict" {
                    continue
                }
            }
            let removed = dryRun ? current : try await store.delete(type.groupResource, namespace: namespace, name: name, expected: currentVersion)
            return WriteResult(object: [
                "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success",
                "details": [
                    "name": .string(name), "group": .string(type.group), "kind": .string(type.plural),
                    "uid": removed[path: ["metadata", "uid"]] ?? .null,
                ],
            ], warnings: warnings)
        }
        throw APIError.conflict(type.groupResource, name: name)
    }

    // MARK: Shared

    /// Read, compute, admit and compare-and-swap, retrying when a concurrent writer got in between
    /// and the client set no resourceVersion precondition.
    func write(
        namespace: String?, name: String, status: Bool, precondition: String?, options: WriteOptions,
        compute: (JSONValue) throws(APIError) -> JSONValue,
        merge: (JSONValue, JSONValue) throws(APIError) -> JSONValue
    ) async throws(APIError) -> WriteResult {
        for _ in 0..<Self.conflictRetries {
            guard let old = await store.object(type.groupResource, namespace: namespace, name: name) else {
                throw APIError.notFound(type.groupResource, name: name)
            }
            let oldVersion = old[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            if let precondition, precondition != oldVersion { throw APIError.conflict(type.groupResource, name: name) }
            let computed = try compute(old)
            var merged = try merge(old, computed)
            if options.isApply { merged["metadata"]?["managedFields"] = computed[path: ["metadata", "managedFields"]] }
            let admitted = try admission.admit(merged, old: old, validation: options.fieldValidation)
            var object = admitted.object
            let nextGeneration = generation(old: old, new: object)
            object["metadata"]?["generation"] = nextGeneration
            if let manager = options.manager, !options.isApply {
                object = FieldOwnership(type: type, subresource: status ? "status" : nil).recordUpdate(old: old, new: object, manager: manager)
            }
            let warnings = admitted.warnings
                + (try await admitByPolicies(.update, object: object, old: old, subresource: status ? "status" : nil, dryRun: options.dryRun))
            if options.dryRun { return WriteResult(object: object, warnings: warnings) }
            do {
                return WriteResult(object: try await store.update(type.groupResource, object, expected: oldVersion), warnings: warnings)
            } catch where error.status.reason == "Conflict" && precondition == nil {
                continue
            }
        }
        throw APIError.conflict(type.groupResource, name: name)
    }

    /// RBAC escalation prevention, then ValidatingAdmissionPolicies, on a caller's write;
    /// LocalKube's own writes skip them.
    private func admitByPolicies(
        _ operation: AdmissionRequest.Operation, object: JSONValue?, old: JSONValue?, subresource: String?, dryRun: Bool
    ) async throws(APIError) -> [String] {
        guard let requester else { return [] }
        if let object, type.group == BuiltInKind.rbacGroup, !requester.isMaster {
            try EscalationCheck(authorizer: await RBACAuthorizer.load(from: store), user: requester).admit(resource: type.plural, object: object, old: old)
        }
        let subject = object ?? old
        return try await PolicyAdmission(store: store).admit(AdmissionRequest(
            operation: operation, type: type, subresource: subresource, namespace: subject?[path: ["metadata", "namespace"]]?.stringValue,
            name: subject?[path: ["metadata", "name"]]?.stringValue ?? "", user: requester, object: object, oldObject: old, dryRun: dryRun
        ))
    }

    /// The main endpoint: system metadata and (with the subresource) status come from the stored
    /// object; new finalizers are refused while the object is terminating.
    func mainUpdate(old: JSONValue, new: JSONValue) throws(APIError) -> JSONValue {
        var object = new
        var metadata = object["metadata"]?.objectValue ?? [:]
        for field in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name"] {
            metadata[field] = old[path: ["metadata", field]]
        }
        metadata["resourceVersion"] = old[path: ["metadata", "resourceVersion"]]
        if old[path: ["metadata", "deletionTimestamp"]] != nil {
            let before = Set(old[path: ["metadata", "finalizers"]]?.arrayValue ?? [])
            if (metadata["finalizers"]?.arrayValue ?? []).contains(where: { !before.contains($0) }) {
                throw APIError.invalid(type, name: metadata["name"]?.stringValue ?? "", errors: [
                    .forbidden(FieldPath("metadata", "finalizers"), "no new finalizers can be added if the object is being deleted"),
                ])
            }
        }
        object["metadata"] = .object(metadata.filter { !$0.value.isNull })
        if type.statusSubresource { object["status"] = old["status"] }
        return object
    }

    /// `/status`: only `status` comes from the request.
    private func statusUpdate(old: JSONValue, new: JSONValue) throws(APIError) -> JSONValue {
        guard type.statusSubresource else { throw APIError.pageNotFound }
        var object = old
        object["status"] = new["status"]
        return object
    }

    /// `generation` goes up by one when anything but `metadata` and `status` changed (status counts
    /// too when there is no status subresource).
    private func generation(old: JSONValue, new: JSONValue) -> JSONValue? {
        guard let previous = old[path: ["metadata", "generation"]]?.integerValue else { return nil }
        var ignored: Set<String> = ["metadata"]
        if type.statusSubresource { ignored.insert("status") }
        let before = old.objectValue?.filter { !ignored.contains($0.key) }
        let after = new.objectValue?.filter { !ignored.contains($0.key) }
        return .integer(before == after ? previous : previous + 1)
    }

    /// The body must be an object of this kind; missing `apiVersion`/`kind` are filled in.
    private func checkedBody(_ body: JSONValue) throws(APIError) -> JSONValue {
        guard case .object = body else {
            throw APIError.badRequest("json: cannot unmarshal \(body.typeName) into Go value of type struct")
        }
        var object = body
        let typeMeta = TypeMeta(body)
        if let apiVersion = typeMeta.apiVersion, apiVersion != type.apiVersion {
            throw APIError.badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(type.apiVersion))")
        }
        if let kind = typeMeta.kind, kind != type.kind {
            throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind))")
        }
        object["apiVersion"] = .string(type.apiVersion)
        object["kind"] = .string(type.kind)
        if object["metadata"]?.objectValue == nil { object["metadata"] = [:] }
        return object
    }

    private func placeInNamespace(_ metadata: inout [String: JSONValue], namespace: String?) throws(APIError) {
        guard type.namespaced, let namespace else {
            metadata["namespace"] = nil
            return
        }
        if let given = metadata["namespace"]?.stringValue, !given.isEmpty, given != namespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        metadata["namespace"] = .string(namespace)
    }

    static let namespaces = GroupResource(group: "", resource: "namespaces")

    /// Five characters from the alphabet `generateName` uses (no vowels, no confusable digits).
    private static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}

extension ServedResource.Behaviour {
    var isDefinition: Bool {
        if case .customResourceDefinition = self { return true }
        return false
    }
}
