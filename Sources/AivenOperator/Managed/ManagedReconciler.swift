import AivenClient
import AivenResources
import Foundation
import KubeAPI
import KubeClient
import KubeRuntime
import Logging

/// The one reconciler of every Aiven kind: a ``ManagedKind`` supplies its Aiven calls, desired
/// state, diff and status mapping; the control flow is here, once.
///
/// A pass: paused → deletion (finalizer, deletion policy, termination protection, wait for
/// Aiven's 404) → an object another resource holds (``Claims``) → token → dependencies → observe → ``Decision/decide(_:aiven:)`` → act →
/// status and events. Every lifecycle transition is one event and one info log line.
public struct ManagedReconciler<Kind: ManagedKind>: Reconciler {
    typealias Resource = Kind.Resource

    let kind: Kind
    let kube: KubeClient
    let store: Store<Kind.Resource>
    let claims: Claims<Kind.Resource>
    let dependencies: Dependencies
    let tokens: TokenResolver
    let tokenSecrets: TokenSecretProtection
    let owners: OwnerTagHolder
    let aiven: AivenClients
    let events: EventRecorder
    let configuration: OperatorConfiguration
    let history = ResourceHistory()
    let logger: Logger

    /// - Parameters:
    ///   - claimStores: the kind's stores of every watched scope (see ``Claims``); default: `store`.
    ///   - tokenSecretHolders: every kind's view of who holds a token Secret, asked before the API
    ///     server when a resource lets its Secret go; none: the API server only.
    init(
        kind: Kind,
        kube: KubeClient,
        store: Store<Kind.Resource>,
        dependencies: Dependencies,
        aiven: AivenClients,
        events: EventRecorder,
        configuration: OperatorConfiguration,
        claimStores: [Store<Kind.Resource>]? = nil,
        tokenSecretHolders: [TokenSecretUsers] = [],
        logger: Logger
    ) {
        self.kind = kind
        self.kube = kube
        self.store = store
        claims = Claims(kind, stores: claimStores ?? [store])
        self.dependencies = dependencies
        tokens = TokenResolver(dependencies: dependencies, defaultToken: configuration.defaultToken)
        tokenSecrets = TokenSecretProtection(kube: kube, dependencies: dependencies, holders: tokenSecretHolders)
        owners = OwnerTagHolder(kube: kube)
        self.aiven = aiven
        self.events = events
        self.configuration = configuration
        self.logger = logger
    }

    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let resource = await store.get(key) else {
            await history.forget(key)
            return .done
        }
        logger.debug("reconciling", metadata: ["resource": "\(Kind.controllerName) \(key)", "generation": "\(resource.metadata.generation ?? 0)"])
        var pass = Pass(reconciler: self, key: key, resource: resource, claimedBy: await claims.holder(against: resource))
        do {
            let result = try await pass.run()
            await history.succeeded(key)
            return result
        } catch let failure as ReconcileFailure {
            return try await pass.failed(failure)
        } catch let error as KubeError {
            return try await pass.failed(ReconcileFailure(error))
        }
    }

    /// Whether `resource` needs no pass before its next resync: Ready, its generation applied,
    /// not being deleted. An operator that starts finds most resources so, and spreads their
    /// first pass over the kind's ``ManagedKind/recheckInterval(_:)`` (``SettledStart``) instead of
    /// reading all at once.
    public static func isSettled(_ resource: Kind.Resource) -> Bool {
        let status = StatusUpdate(resource)
        return resource.metadata.deletionTimestamp == nil && status.isReady && status.generationApplied
    }

    /// The decision context of `resource` (shared with `plan`); `claimedBy` is the other resource
    /// holding the object it names (``Claims``), if any.
    ///
    /// The finalizer is the durable record that the resource may have an object on Aiven: a pass
    /// adds it just before its first Aiven write (see ``Action/managesObject``), so a resource
    /// deleted between a create and the next status write (even across a restart) still has its
    /// object looked up and deleted — by its owner tag, so a foreign object is never touched.
    static func context(_ resource: Resource, status: StatusUpdate<Resource>, claimedBy: Claimant?) -> DecisionContext {
        DecisionContext(
            policy: ResourcePolicy(annotations: resource.metadata.annotations, terminationProtection: resource.isProtectedFromDeletion),
            deleting: resource.metadata.deletionTimestamp != nil,
            hasFinalizer: resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true,
            generationApplied: status.generationApplied,
            everManaged: status.everManaged,
            managedByReferenceOperator: !status.everManaged
                && resource.metadata.annotations?[OperatorAnnotations.generationWasProcessed] != nil,
            claimedBy: claimedBy,
            refusedSpec: status.standingRefusal(reason: Kind.specRefusalReason),
            uniqueOnAiven: Kind.isUniqueOnAiven(resource),
            deletableByIdentity: Kind.isDeletableByIdentity(resource)
        )
    }
}

/// One reconcile of one resource.
private struct Pass<Kind: ManagedKind> {
    typealias Resource = Kind.Resource

    let reconciler: ManagedReconciler<Kind>
    let key: ObjectKey
    var resource: Resource
    var status: StatusUpdate<Resource>
    let client: ResourceClient<Resource>
    let claimedBy: Claimant?
    var tokenSource = ""
    /// The live resource another owner tag names, when this one asked to adopt its object.
    var tagHolder: OwnerTagHolder.Holder?

    init(reconciler: ManagedReconciler<Kind>, key: ObjectKey, resource: Resource, claimedBy: Claimant?) {
        self.reconciler = reconciler
        self.key = key
        self.resource = resource
        self.claimedBy = claimedBy
        status = StatusUpdate(resource)
        client = reconciler.kube.resources(Resource.self, namespace: key.namespace)
    }

    var kind: Kind { reconciler.kind }
    var configuration: OperatorConfiguration { reconciler.configuration }
    var name: String { "\(Kind.noun) \(kind.describe(resource))" }

    mutating func run() async throws -> ReconcileResult {
        let context = ManagedReconciler<Kind>.context(resource, status: status, claimedBy: claimedBy)
        let assessment = try await assess(context)
        tokenSource = assessment.token?.source ?? ""
        tagHolder = assessment.tagHolder
        if let observed = assessment.observed { kind.record(observed, in: &status.status) }
        let action = assessment.action
        if !context.deleting, action.managesObject {
            resource = try await Finalizers.add(OperatorAnnotations.finalizer, to: resource, using: client)
            status.resource = resource
            if let reference = resource.authSecretRef {
                try await reconciler.tokenSecrets.protect(reference.name, namespace: key.namespace)
            }
        }
        return try await act(action, assessment)
    }

    /// The pass's ``Assessment`` (`readingFirst`: after Aiven refused a create sent without a
    /// read), its failures as ``ReconcileFailure``s.
    private func assess(_ context: DecisionContext, readingFirst: Bool = false) async throws -> Assessment<Kind> {
        do {
            return try await Assessment.assess(
                kind, resource: resource, context: context, appliedInputs: Kind.appliedInputs(in: status.status),
                sources: Assessment.Sources(
                    tokens: reconciler.tokens, dependencies: reconciler.dependencies, aiven: reconciler.aiven, owners: reconciler.owners,
                    tenancy: configuration.tenancy
                ),
                readingFirst: readingFirst
            )
        } catch let refusal as NotPermitted {
            throw ReconcileFailure(.terminal, reason: "NotPermitted", message: refusal.message)
        } catch let error as TokenError {
            throw ReconcileFailure(error)
        } catch let failure as AivenReadFailure {
            throw ReconcileFailure(failure.error, tokenSource: failure.tokenSource)
        } catch let invalid as InvalidSpec {
            throw ReconcileFailure(.terminal, reason: "InvalidSpec", message: invalid.message)
        }
    }

    /// Executes the assessed action.
    private mutating func act(_ action: Action, _ assessment: Assessment<Kind>) async throws -> ReconcileResult {
        let desired = assessment.desired
        let observed = assessment.observed
        let aiven = assessment.token.map { reconciler.aiven.client(for: $0.token) }
        switch action {
        case .skip, .observe, .none:
            return .done
        case .orphan:
            try await releaseFinalizer()
            await announce(.normal, "Orphaned", "Kept \(name) (deletion policy Orphan)")
            return .done
        case .retain(let reason):
            try await releaseFinalizer()
            await announce(.normal, "Retained", "Kept \(name) on Aiven: \(reason)")
            return .done
        case .blockDeletion:
            let message = "\(Resource.terminationProtection?.path ?? "spec.terminationProtection") is true: the \(Kind.noun) is kept and the resource waits. Set it to false to finish the deletion."
            status.notReady(reason: "DeletionBlocked", message: message)
            try await status.write(using: client)
            await announce(.warning, "DeletionBlocked", message)
            return .done
        case .alreadyClaimed(let holder):
            return try await standAside(for: holder)
        case .release(let reason):
            try await releaseFinalizer()
            reconciler.logger.info("released", metadata: ["resource": "\(key)", "why": "\(reason)"])
            return .done
        case .refuseChange(let message):
            throw ReconcileFailure(.terminal, reason: "InvalidSpec", message: message)
        case .keepRefusal:
            // Shown when it was refused; nothing to send or say until the spec changes.
            return .requeue(after: configuration.resync.next())
        case .delete:
            guard let aiven else { return .done }
            let (deleted, kind) = (resource, kind)
            if let observed {
                return try await delete(aiven: aiven, confirming: !kind.goneOnceDeleted) { () throws(AivenError) in
                    try await kind.delete(observed, resource: deleted, client: aiven)
                }
            }
            // Sent without a read (``DecisionContext/deletesBeforeReading``); a refusal is read.
            guard assessment.unread, let deletion = kind.deletionByIdentity else { return .done }
            return try await delete(aiven: aiven, confirming: true, readingOnRefusal: true) { () throws(AivenError) in try await deletion(deleted, aiven) }
        case .create:
            guard let desired, let aiven else { return .done }
            return try await create(desired, aiven: aiven, unread: assessment.unread)
        case .refuse:
            let message = tagHolder?.adoptionRefusal(of: name) ?? Action.refusal(of: name)
            let announced = status.conditions["Ready"]?.message == message
            status.notOwned(message: message)
            try await status.write(using: client)
            // Asked to adopt and refused: said once, as a Warning, with why.
            if tagHolder != nil, !announced { await announce(.warning, "AdoptionRefused", message) }
            return .requeue(after: configuration.resync.next())
        case .reportDrift(let changes):
            guard let desired, var current = observed, let aiven else { return .done }
            let notices = try await upkeep(desired, &current, aiven: aiven)
            status.managed(reason: initializedReason(adopting: false), message: managedMessage(leftOnAiven: [], warnings: kind.specWarnings(for: resource)).message)
            status.health(kind.health(of: current, desired: desired))
            status.drifted(changes.map(\.path))
            try await status.write(using: client)
            for notice in notices { await announce(notice.type, notice.reason, notice.message) }
            return .requeue(after: kind.recheckInterval(configuration).next())
        case .inSync, .update, .adopt, .correctDrift:
            guard let desired, var current = observed, let aiven else { return .done }
            let changes = action.changes
            if !changes.isEmpty {
                try await runChecks(assessment.checks, for: desired, aiven: aiven)
                do {
                    current = try await kind.update(desired, observed: current, client: aiven)
                } catch {
                    if let refusal = kind.specRefusal(in: error, desired: desired, observed: current) { return try await refused(refusal, desired) }
                    throw ReconcileFailure(error, tokenSource: tokenSource)
                }
                kind.record(current, in: &status.status)
            }
            let adopting: Bool
            if case .adopt = action { adopting = true } else { adopting = false }
            let warnings = kind.specWarnings(for: resource)
            let newGeneration = !status.generationApplied
            let managed = managedMessage(leftOnAiven: kind.fieldsLeftOnAiven(desired), warnings: warnings)
            status.applied()
            Kind.record(appliedInputs: kind.inputs(of: desired), in: &status.status)
            kind.recordApplied(desired, in: &status.status)
            let notices = try await upkeep(desired, &current, aiven: aiven)
            status.managed(reason: initializedReason(adopting: adopting), message: managed.message)
            let health = kind.health(of: current, desired: desired)
            status.health(health)
            // Before the status: a Secret it may not write makes the pass's one status write
            // Ready=False (SecretConflict), with what it applied.
            if health.ready {
                try await publishConnectionSecret(current, aiven: aiven)
            }
            try await status.write(using: client)
            try await markReady(health)
            // After the status that records why (a migration done), so a crash between the two
            // deletes it on the next pass.
            if let disposal = kind.disposableSecret(of: resource, desired: desired, observed: current) {
                try await dispose(disposal)
            }
            if health.ready, resource.status?.conditions?.first(where: { $0.type == "Ready" })?.status != .true {
                reconciler.logger.info("ready: \(health.message)", metadata: ["resource": "\(Kind.controllerName) \(key)", "state": "\(status.status.state ?? "")"])
            }
            let fields = changes.map(\.path).joined(separator: ", ")
            switch action {
            case .adopt: await announce(.normal, "Adopted", "Adopted existing \(name)" + (fields.isEmpty ? "" : ": \(fields)"))
            case .update: await announce(.normal, "Updated", "Updated \(name): \(fields)")
            case .correctDrift: await announce(.normal, "DriftCorrected", "Reverted changes made outside Kubernetes: \(fields)")
            default: break
            }
            for notice in notices { await announce(notice.type, notice.reason, notice.message) }
            if let left = managed.leftOnAiven { await announce(.warning, "FieldNotReset", left) }
            if newGeneration {
                for warning in warnings { await announce(warning.type, warning.reason, warning.message) }
            }
            return .requeue(after: status.isReady ? kind.recheckInterval(configuration).next() : configuration.pollInterval)
        case .wait(let reason, let message):
            status.notReady(reason: reason, message: message)
            try await status.write(using: client)
            return .requeue(after: configuration.pollInterval)
        }
    }

    /// The `Initialized` message: the object is managed, how an ambiguous spec is read
    /// (``ManagedKind/specWarnings(for:)``), and — in the pass that applies a spec dropping fields
    /// Aiven cannot reset, and until the next generation — which fields keep their value on Aiven
    /// (`leftOnAiven` is that sentence, for the Warning event, when new).
    private func managedMessage(leftOnAiven fields: [String], warnings: [Notice]) -> (message: String, leftOnAiven: String?) {
        let managed = (["\(name) is managed by this resource"] + warnings.map(\.message)).joined(separator: "; ")
        guard fields.isEmpty else {
            let left = "\(fields.joined(separator: ", ")) removed from the spec but Aiven cannot reset \(fields.count == 1 ? "it" : "them") (no documented default): \(fields.count == 1 ? "it keeps its" : "they keep their") current value on Aiven and \(fields.count == 1 ? "is" : "are") no longer managed; set \(fields.count == 1 ? "it" : "them") in the spec to manage \(fields.count == 1 ? "it" : "them") again"
            return ("\(managed); \(left)", left)
        }
        // Said until the next generation, not only in the one pass that applied it.
        if status.generationApplied, let earlier = status.conditions["Initialized"]?.message, earlier.hasPrefix("\(managed); ") {
            return (earlier, nil)
        }
        return (managed, nil)
    }

    /// Shows that `holder` named the object first and this resource changes nothing. No wait is
    /// needed: the holder's change or deletion wakes this resource (``Wake/claims(_:)``); the
    /// resync is a backstop.
    private mutating func standAside(for holder: Claimant) async throws -> ReconcileResult {
        let other = "\(Resource.kind) \(holder)"
        let next = holder.deleting
            ? "\(other) is being deleted; this resource takes the \(Kind.noun) over (creating or adopting it) once that finishes."
            : "Delete this resource or have it name another \(Kind.noun); it takes over if \(other) is deleted."
        let message = "\(name) is already claimed by \(other), which named it first: this resource changes nothing on Aiven, and deleting it leaves the \(Kind.noun) in place. \(next)"
        let announced = status.conditions["Ready"]?.reason == StatusUpdate<Resource>.alreadyClaimed
        status.claimed(message: message)
        try await status.write(using: client)
        if !announced { await announce(.warning, StatusUpdate<Resource>.alreadyClaimed, message) }
        return .requeue(after: configuration.resync.next())
    }

    /// Creates the object; `unread`: sent without reading Aiven first.
    private mutating func create(_ desired: Kind.Desired, aiven: AivenClient, unread: Bool) async throws -> ReconcileResult {
        let created: Kind.Observed
        do {
            // Sent before any read, the create holds the finalizer it needed on only while it
            // runs: a request that cannot reach Aiven is not retried within the call.
            created = try await kind.create(desired, client: unread ? aiven.failingFastWhenUnreachable() : aiven)
        } catch .alreadyExists where unread {
            // Sent without a read (``DecisionContext/createsBeforeReading``) and refused: the
            // object exists. Read it and act as a read-first pass would (refuse, adopt, manage).
            return try await actReadingFirst(creating: true)
        } catch .alreadyExists {
            // A create sent before may have landed (a timeout or crash after sending): the next
            // pass reads the object and checks its owner.
            throw ReconcileFailure(.transient, reason: "Creating", message: "\(name) appeared while creating it; checking its owner", retryAfter: .seconds(1))
        } catch {
            if unread, !error.mayHaveTakenEffect {
                // Aiven answered no, or never got the request: nothing can exist, so the finalizer
                // added for this create comes off, as a pass that failed to read would have left
                // none (a resource deleted while Aiven is unreachable goes at once). A create that
                // may have landed (no answer after sending, a 5xx) keeps it: the deletion reads
                // Aiven first.
                try await releaseFinalizerAddedForTheCreate()
            }
            if let refusal = kind.specRefusal(in: error, desired: desired, observed: nil) { return try await refused(refusal, desired) }
            throw ReconcileFailure(error, tokenSource: tokenSource)
        }
        await announce(.normal, "Created", kind.createdMessage(desired, created: created, resource: resource))
        // No status write here: the finalizer already records that the object may exist, and the
        // next pass, at once, reads the object and writes the status it finds (REBUILDING, or
        // RUNNING when it was quick). One status write per state instead of two (issue 12).
        return .requeue(after: .zero)
    }

    /// Aiven refused this generation's spec for good (``RefusableKind``): recorded as the
    /// generation's outcome, with the inputs it was built from, and said once as a Warning (no
    /// `Created` or `Updated`); the next passes keep it (``Action/keepRefusal(_:)``) until the spec
    /// or its inputs change.
    private mutating func refused(_ message: String, _ desired: Kind.Desired) async throws -> ReconcileResult {
        let reason = Kind.specRefusalReason ?? "Refused"
        status.refused(reason: reason, message: message)
        Kind.record(appliedInputs: kind.inputs(of: desired), in: &status.status)
        try await status.write(using: client)
        await announce(.warning, reason, message)
        return .requeue(after: configuration.resync.next())
    }

    /// Aiven refused what this pass sent without a read — a create into a name that is taken
    /// (`409`), a deletion it will not do now —: the pass reads the object and executes what the
    /// read gives (``Assessment`` with `readingFirst`, as `plan` shows it). `creating`: the
    /// finalizer this pass added for the create comes off again unless that action manages the
    /// object, so a refused resource carries none, as when it read first.
    private mutating func actReadingFirst(creating: Bool) async throws -> ReconcileResult {
        var context = ManagedReconciler<Kind>.context(resource, status: status, claimedBy: claimedBy)
        if creating { context.hasFinalizer = false }
        let assessment = try await assess(context, readingFirst: true)
        tagHolder = assessment.tagHolder
        if let observed = assessment.observed { kind.record(observed, in: &status.status) }
        if creating {
            guard assessment.action != .create else {
                // Refused as existing, then not found: it is coming or going; the next pass reads again.
                throw ReconcileFailure(.transient, reason: "Creating", message: "\(name) appeared while creating it; checking its owner", retryAfter: .seconds(1))
            }
            if !assessment.action.managesObject {
                try await releaseFinalizerAddedForTheCreate()
            }
        }
        return try await act(assessment.action, assessment)
    }

    /// Sends the deletion, then releases the finalizer: at once when Aiven's answer ends the
    /// object (``GoneOnceDeleted``), else once a read (`confirming`) finds it gone.
    /// `readingOnRefusal`: sent without a read; if Aiven refuses it, the pass reads and acts on
    /// what it finds (a connector whose service lost Kafka Connect is gone, not kept).
    private mutating func delete(
        aiven: AivenClient, confirming: Bool, readingOnRefusal: Bool = false, _ deletion: () async throws(AivenError) -> Void
    ) async throws -> ReconcileResult {
        do {
            try await deletion()
        } catch .notFound {
            // Already gone.
        } catch .conflict(let message), .invalid(let message), .forbidden(let message) {
            // (Decided here, not by a `where`: it would guard only the last pattern of the clause.)
            if readingOnRefusal { return try await actReadingFirst(creating: false) }
            status.notReady(reason: "DeletionWaiting", message: "Aiven keeps the \(Kind.noun) for now: \(message)")
            try await status.write(using: client)
            return .requeue(after: configuration.pollInterval)
        } catch {
            throw ReconcileFailure(error, tokenSource: tokenSource)
        }
        if confirming {
            // Released only once Aiven answers 404.
            let remaining = try await aivenCall { () throws(AivenError) in try await kind.observe(resource, client: aiven) }
            guard remaining == nil else { return .requeue(after: configuration.pollInterval) }
        }
        try await releaseFinalizer()
        await announce(.normal, "Deleted", "Deleted \(name)")
        return .done
    }

    /// Runs the checks Aiven must pass before the update (``UpdateCheck``): one that fails is
    /// terminal (`Ready=False` with Aiven's reason, one Warning event, nothing sent until the spec
    /// changes); one Aiven has not finished is retried with the resource's backoff.
    private func runChecks(_ checks: [UpdateCheck], for desired: Kind.Desired, aiven: AivenClient) async throws(ReconcileFailure) {
        for check in checks {
            switch try await aivenCall({ () throws(AivenError) in try await kind.run(check, for: desired, client: aiven) }) {
            case .passed:
                continue
            case .failed(let reason):
                throw ReconcileFailure(.terminal, reason: check.failureReason, message: "\(check.summary) failed, so nothing was changed: \(reason)")
            case .pending:
                throw ReconcileFailure(.transient, reason: "\(check.failureReason.replacingOccurrences(of: "Failed", with: ""))Pending", message: "\(check.summary) has not finished yet")
            }
        }
    }

    /// Deletes a Secret the resource has done with (``SecretDisposingKind``), once: a Secret
    /// already gone (in the cache or on the server) is not deleted again.
    private func dispose(_ disposal: SecretDisposal) async throws {
        guard let secret = try await reconciler.dependencies.secret(ObjectKey(namespace: key.namespace, name: disposal.name)),
            secret.metadata.deletionTimestamp == nil
        else { return }
        do {
            _ = try await reconciler.kube.resources(Secret.self, namespace: key.namespace).delete(disposal.name)
        } catch .notFound {
            return
        }
        await announce(.normal, "SecretDeleted", "Deleted Secret \(disposal.name): \(disposal.reason)")
    }

    /// The kind's ``ManagedKind/upkeep(_:observed:status:configuration:client:)``.
    private mutating func upkeep(_ desired: Kind.Desired, _ observed: inout Kind.Observed, aiven: AivenClient) async throws(ReconcileFailure) -> [Notice] {
        do {
            return try await kind.upkeep(desired, observed: &observed, status: &status.status, configuration: configuration, client: aiven)
        } catch {
            throw ReconcileFailure(error, tokenSource: tokenSource)
        }
    }

    /// Writes the resource's connection Secret, if it publishes one and its content changed.
    /// Values never reach a log, an event or a status: only the Secret's name does.
    private func publishConnectionSecret(_ observed: Kind.Observed, aiven: AivenClient) async throws {
        guard let source = kind.connectionSecretSource,
            let published = try await aivenCall({ () throws(AivenError) in try await source(resource, observed, aiven) }),
            let uid = resource.metadata.uid
        else { return }
        Redactor.shared.register(published.secretValues)
        var owner = OwnerReference(apiVersion: Resource.apiVersion, kind: Resource.kind, name: resource.metadata.name ?? "", uid: uid, controller: true)
        owner.blockOwnerDeletion = true
        let secretKey = ObjectKey(namespace: key.namespace, name: published.name)
        let existing = try await reconciler.dependencies.secret(secretKey)
        if let conflict = published.conflict(with: existing, uid: uid) {
            throw ReconcileFailure(.terminal, reason: "SecretConflict", message: conflict)
        }
        guard let secret = published.secret(updating: existing, namespace: key.namespace, owner: owner) else { return }
        let secrets = reconciler.kube.resources(Secret.self, namespace: key.namespace)
        // A write that loses a race (the cache was behind) fails like any Kubernetes conflict:
        // transient, retried with the resource's backoff, and the next pass sees the Secret as it is.
        if existing == nil {
            _ = try await secrets.create(secret)
        } else {
            _ = try await secrets.replace(secret)
        }
        reconciler.logger.info("connection Secret written", metadata: ["resource": "\(Kind.controllerName) \(key)", "secret": "\(published.name)"])
    }

    /// Once the object is ready, the annotations the reference aiven-operator sets
    /// (`generation-was-processed`, `instance-is-running`), so tools that read them keep working;
    /// one metadata patch when they change, none on an idle resync (and none at all with
    /// ``OperatorConfiguration/referenceAnnotations`` off). The patch does not wake the resource
    /// again (``OperatorAnnotations/written``).
    private mutating func markReady(_ health: Health) async throws {
        guard configuration.referenceAnnotations, health.ready, let generation = status.status.observedGeneration else { return }
        let wanted = [
            OperatorAnnotations.generationWasProcessed: String(generation),
            OperatorAnnotations.instanceIsRunning: health.reason == "PoweredOff" ? "false" : "true",
        ]
        let current = resource.metadata.annotations ?? [:]
        let changed = wanted.filter { current[$0.key] != $0.value }
        guard !changed.isEmpty else { return }
        // Only these keys change, so no resourceVersion guard is needed (the status write just
        // moved it on).
        resource = try await client.mergePatch(resource.metadata.name ?? "", ["metadata": ["annotations": .object(changed.mapValues(JSONValue.string))]])
        status.resource = resource
    }

    /// Runs an Aiven call, turning its error into a ``ReconcileFailure``.
    private func aivenCall<T>(_ call: () async throws(AivenError) -> T) async throws(ReconcileFailure) -> T {
        do {
            return try await call()
        } catch {
            throw ReconcileFailure(error, tokenSource: tokenSource)
        }
    }

    private func initializedReason(adopting: Bool) -> String {
        adopting || status.initializedReason == "Adopted" ? "Adopted" : "Created"
    }

    /// Takes off the finalizer this pass added for a create sent before any read, once that
    /// create cannot have made anything: whatever changed on the resource meanwhile (above all a
    /// deletion, which would otherwise wait on Aiven for an object that does not exist), nothing
    /// on Aiven needs it, so a write that lost a race is repeated on the current version.
    private mutating func releaseFinalizerAddedForTheCreate() async throws {
        for attempt in 1... {
            do {
                return try await releaseFinalizer()
            } catch KubeError.conflict where attempt < 3 {
                resource = try await client.get(resource.metadata.name ?? "")
                status.resource = resource
            }
        }
    }

    private mutating func releaseFinalizer() async throws {
        resource = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
        status.resource = resource
        if let reference = resource.authSecretRef {
            try await reconciler.tokenSecrets.release(reference.name, namespace: key.namespace, releasing: resource.metadata.uid)
        }
        await reconciler.history.forget(key)
    }

    /// One event and one info log line per lifecycle transition.
    private func announce(_ type: EventRecorder.EventType, _ reason: String, _ message: String) async {
        reconciler.logger.log(level: type == .warning ? .warning : .info, "\(reason): \(message)", metadata: ["resource": "\(Kind.controllerName) \(key)"])
        await reconciler.events.record(type, reason: reason, message: message, about: resource)
    }

    /// A failed pass. Terminal failures show at once and wait for a change (or a long interval);
    /// transient ones retry with backoff and show once they outlast the grace period, with the
    /// time of the next attempt. Aiven's latest state, read before the failure, is kept.
    mutating func failed(_ failure: ReconcileFailure) async throws -> ReconcileResult {
        let history = reconciler.history
        switch failure.severity {
        case .terminal:
            await history.succeeded(key)
            status.notReady(reason: failure.reason, message: failure.message)
            try await status.write(using: client)
            await announce(.warning, failure.reason, failure.message)
            return .requeue(after: configuration.terminalRetryInterval)
        case .transient:
            let streak = await history.failed(key)
            let delay = failure.retryAfter ?? configuration.transientBackoff.delay(attempt: streak.attempts)
            reconciler.logger.info("reconcile failed; retrying", metadata: [
                "resource": "\(Kind.controllerName) \(key)", "error": "\(failure)", "retryIn": "\(delay)",
            ])
            if ContinuousClock.now - streak.since >= configuration.failureGracePeriod {
                let next = Date().addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
                status.notReady(reason: failure.reason, message: "\(failure.message); next attempt at \(MetaTime.string(next))")
                try await status.write(using: client)
                if !streak.reported {
                    await history.reported(key)
                    await announce(.warning, failure.reason, failure.message)
                }
            } else if status.stored.state != resource.status?.state {
                // Show Aiven's latest state even while failing.
                try await status.write(using: client)
            }
            throw ReconcileFailure(failure.severity, reason: failure.reason, message: failure.message, retryAfter: delay)
        }
    }
}

