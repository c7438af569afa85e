import AivenClient
import AivenResources
import KubeAPI
import KubeRuntime

/// Steps 1–7 of a pass as one read-only function, called by the reconciler and by `plan` alike:
/// from the resource, its ``DecisionContext`` and what Aiven reports, the ``Action`` — the
/// ``Decision`` with the token, the dependencies (``Waiting``), a token Secret being deleted, a
/// change Aiven cannot make (``Action/refuseChange(_:)``) and a create's prerequisite
/// (``ManagedKind/createPrerequisite(_:client:)``) and a create Aiven would refuse
/// (``ManagedKind/refusedCreate(_:client:)``, thrown as ``InvalidSpec``) folded in, with the checks an update must pass
/// (``ManagedKind/updateChecks(desired:observed:)``). The reconciler executes the action;
/// `plan` prints it. Nothing is written anywhere.
struct Assessment<Kind: ManagedKind> {
    /// What to do.
    var action: Action
    /// The decision context, as completed by the assessment (waits, changed inputs, refusals).
    var context: DecisionContext
    /// The resolved token, once it was needed.
    var token: ResolvedToken?
    /// The desired object (not for a deleted resource).
    var desired: Kind.Desired?
    /// The object on Aiven; `nil` when there is none or it was not read.
    var observed: Kind.Observed?
    /// The live resource another owner tag names, when this one asked to adopt its object
    /// (``OwnerTagHolder``).
    var tagHolder: OwnerTagHolder.Holder?
    /// The action is a create or a deletion sent without reading Aiven first
    /// (``DecisionContext/createsBeforeReading``, ``DecisionContext/deletesBeforeReading``).
    var unread = false
    /// What Aiven must pass before the action's update is sent (``ManagedKind/updateChecks(desired:observed:)``).
    var checks: [UpdateCheck] = []

    /// Where an assessment reads from.
    struct Sources {
        let tokens: TokenResolver
        let dependencies: Dependencies
        let aiven: AivenClients
        /// Who another owner tag names, asked before adopting a tagged object; without it, the
        /// tag's resource counts as live and adoption is refused.
        var owners: OwnerTagHolder? = nil
        /// The namespace's rights on a shared cluster; none: every namespace may do anything.
        var tenancy: TenancyPolicy? = nil
    }

    /// Assesses `resource`. `ownedByTag`: the resource's uid is not known (`plan` without a
    /// cluster), so an object carrying an owner tag counts as its own. `readingFirst`: read Aiven
    /// even where a create may go first (``DecisionContext/createsBeforeReading``) — `plan`, to
    /// show what that create would meet, and the reconciler after Aiven refused it (`409`): the
    /// action is then the one the read gives, the same in both.
    ///
    /// Throws ``NotPermitted`` when the tenancy options forbid the namespace what the resource asks,
    /// ``InvalidSpec`` when the spec cannot be turned into a request, `TokenError` when no
    /// token is found, ``AivenReadFailure`` when Aiven cannot be read, and what ``Dependencies``
    /// throws when the cluster cannot be read.
    static func assess(
        _ kind: Kind, resource: Kind.Resource, context: DecisionContext, appliedInputs: String?, sources: Sources, ownedByTag: Bool = false,
        readingFirst: Bool = false
    ) async throws -> Assessment {
        var assessment = Assessment(action: Decision.decide(context, aiven: .unknown), context: context)
        guard assessment.action == .observe else { return assessment }
        var resource = resource
        let namespace = resource.metadata.namespace ?? "default"
        // The namespace's rights on a shared cluster (off by default), before its token is read.
        if !context.deleting,
            let refusal = sources.tenancy?.violation(namespace: namespace, project: resource.project, usesDefaultToken: resource.authSecretRef == nil)
        {
            throw NotPermitted(message: refusal)
        }
        let token = try await sources.tokens.token(namespace: namespace, reference: resource.authSecretRef)
        assessment.token = token
        let client = sources.aiven.client(for: token.token)
        let observe = { () async throws(AivenReadFailure) -> Kind.Observed? in
            try await AivenReadFailure.reading(with: token) { () throws(AivenError) in try await kind.observe(resource, client: client) }
        }
        var observedFirst: Kind.Observed??
        if ownedByTag {
            // The uid the desired object is tagged with is the one on Aiven, if any.
            let object = try await observe()
            observedFirst = .some(object)
            resource.metadata.uid = object.flatMap { kind.ownerTag(of: $0) } ?? "not-yet-created"
        }
        if !context.deleting {
            do {
                // Not holding its token Secret yet: no new Aiven object with a token the user is deleting.
                if !context.hasFinalizer, let reference = resource.authSecretRef,
                    try await sources.dependencies.secret(ObjectKey(namespace: namespace, name: reference.name))?.metadata.deletionTimestamp != nil
                {
                    throw Waiting(
                        reason: "TokenSecretDeleting",
                        message: "Secret \(reference.name) (spec.authSecretRef) is being deleted; nothing is done on Aiven with it. Point spec.authSecretRef at another Secret."
                    )
                }
                let desired = try await kind.desired(for: resource, dependencies: sources.dependencies)
                assessment.desired = desired
                // Changed inputs (a rotated Secret) are a new desired state, not drift.
                let sameInputs = kind.inputs(of: desired) == appliedInputs
                assessment.context.generationApplied = context.generationApplied && sameInputs
                // A refusal stands for the inputs it was built from.
                if !sameInputs { assessment.context.refusedSpec = nil }
            } catch let waiting as Waiting {
                assessment.context.waitingFor = waiting
                assessment.action = Decision.decide(assessment.context, aiven: .unknown)
                return assessment
            }
        }
        let unread = observedFirst == nil && !readingFirst ? Decision.decide(assessment.context, aiven: .unread) : .observe
        if unread == .create || unread == .delete {
            // Nothing of this resource can be on Aiven: the create goes first (a refusal is read).
            // Or the object its identity names is its own: the DELETE goes first (then a read for the 404).
            assessment.action = unread
            assessment.unread = true
        } else {
            let observed: Kind.Observed?
            if let observedFirst { observed = observedFirst } else { observed = try await observe() }
            assessment.observed = observed
            if let desired = assessment.desired, let observed {
                assessment.context.refusedChange = kind.refusedChange(desired: desired, observed: observed)
            }
            if context.deleting, let observed {
                assessment.context.retainedOnDeletion = kind.retainedOnDeletion(observed)
            }
            var view = AivenView.absent
            if let observed {
                var ownership = kind.ownership(of: observed, resource: resource, everManaged: context.everManaged)
                // Adoption never takes an object another live resource (in any namespace) holds.
                if let owners = sources.owners {
                    (ownership, assessment.tagHolder) = await owners.resolve(ownership, ownerUID: kind.ownerTag(of: observed), adopting: context.policy.adopt)
                }
                view = .present(ownership, changes: assessment.desired.map { kind.changes(desired: $0, observed: observed) } ?? [])
            }
            assessment.action = Decision.decide(assessment.context, aiven: view)
            if !assessment.action.changes.isEmpty, let desired = assessment.desired, let observed {
                assessment.checks = kind.updateChecks(desired: desired, observed: observed)
            }
        }
        if assessment.action == .create, let desired = assessment.desired,
            let waiting = try await AivenReadFailure.reading(with: token, { () throws(AivenError) in try await kind.createPrerequisite(desired, client: client) })
        {
            assessment.context.waitingFor = waiting
            assessment.action = .wait(reason: waiting.reason, message: waiting.message)
        }
        if assessment.action == .create, let desired = assessment.desired,
            let refusal = try await AivenReadFailure.reading(with: token, { () throws(AivenError) in try await kind.refusedCreate(desired, client: client) })
        {
            // Nothing is sent: `plan` and the reconciler refuse the create alike.
            throw InvalidSpec(refusal)
        }
        if let service = kind.owningService(of: resource), let owners = sources.owners {
            try await ServicePartGuard(owners: owners).check(
                assessment.action, service: service, object: "\(Kind.noun) \(kind.describe(resource))", namespace: namespace, client: client, token: token)
        }
        return assessment
    }
}

/// The tenancy options (``TenancyPolicy``) forbid the resource's namespace what it asks.
struct NotPermitted: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}

/// Aiven could not be read with the token from `tokenSource` (named in the failure's message,
/// never the token).
struct AivenReadFailure: Error, CustomStringConvertible {
    let error: AivenError
    let tokenSource: String

    var description: String { error.description }

    static func reading<T>(with token: ResolvedToken, _ read: () async throws(AivenError) -> T) async throws(AivenReadFailure) -> T {
        do {
            return try await read()
        } catch {
            throw AivenReadFailure(error: error, tokenSource: token.source)
        }
    }
}
