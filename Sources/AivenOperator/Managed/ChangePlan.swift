import AivenClient
import KubeAPI

/// What the operator would do on Aiven for one resource right now, changing nothing:
/// `aiven-operator plan`. It is the reconciler's own ``Assessment`` (the same token, dependency,
/// wait, refusal and diff code, and the ``Decision``), rendered as text instead of executed.
public struct ChangePlan: Sendable, Hashable {
    /// `kafkaconnect default/name`.
    public var resource: String
    /// `Aiven service project/name`.
    public var object: String
    public var action: Action
    /// The kind's termination-protection field (`spec.termination_protection`).
    public var terminationProtection: String
    /// What Aiven must pass before the update is sent (``UpdateCheck``).
    public var checks: [UpdateCheck] = []

    /// `true` when applying would change Aiven.
    public var hasChanges: Bool {
        switch action {
        case .create, .delete, .adopt, .update, .correctDrift: true
        default: false
        }
    }

    /// The plan for `manifest`. `live` is the object in the cluster, if known: it supplies the uid,
    /// annotations, status and deletion state. Without it (offline), an object carrying an owner
    /// tag counts as the manifest's own, since its uid cannot be known. `others` are the kind's
    /// resources in the cluster: one that named the same object first holds it (``Claims``), and
    /// the plan is to change nothing. `owners` tells whether another owner tag names a live
    /// resource (without it, one does, and adoption is refused).
    public static func plan<Kind: ManagedKind>(
        _ kind: Kind,
        manifest: Kind.Resource,
        live: Kind.Resource?,
        dependencies: Dependencies,
        defaultToken: AivenToken?,
        clients: AivenClients,
        others: [Kind.Resource] = [],
        owners: OwnerTagHolder? = nil
    ) async throws -> ChangePlan {
        var resource = manifest
        if let live {
            resource.metadata.uid = live.metadata.uid
            resource.metadata.creationTimestamp = live.metadata.creationTimestamp
            resource.metadata.generation = live.metadata.generation
            resource.metadata.deletionTimestamp = live.metadata.deletionTimestamp
            resource.metadata.finalizers = live.metadata.finalizers
            resource.metadata.annotations = (live.metadata.annotations ?? [:]).merging(manifest.metadata.annotations ?? [:]) { _, manifest in manifest }
            resource.status = live.status
        }
        let namespace = resource.metadata.namespace ?? "default"
        let status = StatusUpdate(resource)
        let holder = Claims<Kind.Resource>.holder(against: resource, among: others) { kind.claimKey(of: $0) }
        var context = ManagedReconciler<Kind>.context(resource, status: status, claimedBy: holder)
        // Applied (or refused) before only if the manifest is what the cluster holds.
        let sameSpec = live.map { Self.sameSpec($0, manifest) } == true
        context.generationApplied = context.generationApplied && sameSpec
        if !sameSpec { context.refusedSpec = nil }
        if live == nil { context.hasFinalizer = true }
        // The reconciler's own assessment, read-only.
        let assessment = try await Assessment.assess(
            kind, resource: resource, context: context, appliedInputs: Kind.appliedInputs(in: status.status),
            sources: Assessment.Sources(
                tokens: TokenResolver(dependencies: dependencies, defaultToken: defaultToken), dependencies: dependencies, aiven: clients, owners: owners
            ),
            ownedByTag: live == nil, readingFirst: true
        )
        return ChangePlan(
            resource: "\(Kind.controllerName) \(namespace)/\(resource.metadata.name ?? "")", object: "\(Kind.noun) \(kind.describe(resource))",
            action: assessment.action, terminationProtection: Kind.Resource.terminationProtection?.path ?? "spec.terminationProtection",
            checks: assessment.checks
        )
    }

    private static func sameSpec<R: ManagedResource>(_ a: R, _ b: R) -> Bool {
        var a = a
        var b = b
        a.metadata = ObjectMeta()
        b.metadata = ObjectMeta()
        a.status = nil
        b.status = nil
        return a == b
    }

    /// Terraform-style text: a headline, then one `~ path: old → new` line per change.
    public var description: String {
        let headline: String = switch action {
        case .create: "create \(object)"
        case .delete: "delete \(object)"
        case .adopt: "adopt \(object)"
        case .update: "update \(object)"
        case .correctDrift: "revert changes made outside Kubernetes on \(object)"
        case .reportDrift: "\(object) was changed outside Kubernetes; nothing would change (drift policy Report)"
        case .inSync, .none, .observe: "no changes (\(object))"
        case .refuse: Action.refusal(of: object)
        case .alreadyClaimed(let holder): "nothing would change: \(object) is already claimed by \(holder), which named it first"
        case .skip(let reason): "nothing would change (\(reason))"
        case .wait(_, let message): "nothing would change yet: waiting (\(message))"
        case .release(let reason): "the resource would be released without touching Aiven (\(reason))"
        case .orphan: "nothing would change (deletion policy Orphan keeps the \(object))"
        case .retain(let reason): "nothing would change (the \(object) stays on Aiven: \(reason))"
        case .blockDeletion: "nothing would change (\(terminationProtection) keeps the \(object))"
        case .refuseChange(let message): "nothing would change: the spec asks for a change Aiven cannot make (\(message))"
        case .keepRefusal(let message): "nothing would change: Aiven refused this spec, and it is sent again only once it changes (\(message))"
        }
        let changes: [FieldChange] = if case .reportDrift(let drifted) = action { drifted } else { action.changes }
        let checks = checks.map { "  ! first: \($0.summary) (nothing is sent unless it passes)" }
        return (["\(resource): \(headline)"] + checks + changes.map { "  ~ \($0)" }).joined(separator: "\n")
    }
}
