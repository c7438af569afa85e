import AivenClient
import AivenResources
import KubeAPI

/// What the operator would do on Aiven for one resource right now, computed with the reconciler's
/// own ``ServiceSpec`` and ``ServiceDiff`` and changing nothing: `aiven-operator plan`.
public struct ChangePlan: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case create
        case update([FieldChange])
        case delete
        case none
        /// A service of that name exists and is not this resource's: nothing would be changed.
        case notManaged
        /// The operator would not touch Aiven (paused, orphaned deletion, protected deletion).
        case skipped(reason: String)
    }

    public var resource: String
    public var service: String
    public var action: Action

    /// `true` when applying would change Aiven.
    public var hasChanges: Bool {
        switch action {
        case .create, .update, .delete: true
        case .none, .notManaged, .skipped: false
        }
    }

    /// The plan for `resource` given the service Aiven reports (`nil`: none). `live` is the object
    /// in the cluster, if known: it supplies the uid, annotations and deletion state.
    public static func plan(
        for resource: KafkaConnect,
        live: KafkaConnect?,
        observed: AivenService?,
        projectVPCId: String??
    ) throws(ServiceSpecError) -> ChangePlan {
        var desired = resource
        let name = "kafkaconnect \(resource.metadata.namespace ?? "default")/\(resource.metadata.name ?? "")"
        let service = "\(resource.spec.project)/\(resource.metadata.name ?? "")"
        let annotations = (live?.metadata.annotations ?? [:]).merging(resource.metadata.annotations ?? [:]) { _, manifest in manifest }
        if annotations[OperatorAnnotations.paused] == "true" {
            return ChangePlan(resource: name, service: service, action: .skipped(reason: "paused"))
        }
        // A manifest not yet applied has no uid: a service carrying an owner tag counts as its own.
        desired.metadata.uid = live?.metadata.uid ?? observed?.tags?[ServiceSpec.ownerTag] ?? "not-yet-created"
        if live?.metadata.deletionTimestamp != nil {
            guard let observed else { return ChangePlan(resource: name, service: service, action: .none) }
            if annotations[OperatorAnnotations.deletionPolicy]?.lowercased() == "orphan" {
                return ChangePlan(resource: name, service: service, action: .skipped(reason: "deletion policy Orphan keeps the service"))
            }
            if resource.spec.terminationProtection == true {
                return ChangePlan(resource: name, service: service, action: .skipped(reason: "terminationProtection keeps the service"))
            }
            let owned = observed.tags?[ServiceSpec.ownerTag] == desired.metadata.uid || annotations[OperatorAnnotations.adopt] == "true"
            return ChangePlan(resource: name, service: service, action: owned ? .delete : .notManaged)
        }
        guard let observed else { return ChangePlan(resource: name, service: service, action: .create) }
        let owner = observed.tags?[ServiceSpec.ownerTag]
        if owner != desired.metadata.uid, annotations[OperatorAnnotations.adopt] != "true" {
            return ChangePlan(resource: name, service: service, action: .notManaged)
        }
        // An unresolvable projectVPCRef (offline) is compared as "unchanged".
        let vpc: String? = projectVPCId ?? observed.projectVPCId
        let diff = ServiceDiff(desired: try ServiceSpec(desired, projectVPCId: vpc), observed: observed)
        return ChangePlan(resource: name, service: service, action: diff.isEmpty ? .none : .update(diff.changes))
    }

    /// Terraform-style text: a headline, then one `~ path: old → new` line per change.
    public var description: String {
        switch action {
        case .create: "\(resource): create Aiven service \(service)"
        case .delete: "\(resource): delete Aiven service \(service)"
        case .none: "\(resource): no changes (\(service))"
        case .notManaged: "\(resource): Aiven service \(service) exists and is not managed by this resource; nothing would change (annotate controllers.aiven.io/adopt=true to manage it)"
        case .skipped(let reason): "\(resource): nothing would change (\(reason))"
        case .update(let changes):
            ([ "\(resource): update Aiven service \(service)"] + changes.map { "  ~ \($0)" }).joined(separator: "\n")
        }
    }
}
