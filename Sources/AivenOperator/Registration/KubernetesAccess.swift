/// What a kind's controller does through the Kubernetes API, from which the RBAC of every install
/// artefact is generated (`aiven-operator generate`).
///
/// Every managed kind reads, lists and watches its resources and updates and patches them (the
/// operator's finalizer, the reference operator's annotations), writes their `/status` and
/// `/finalizers`, reads the Secrets its resources name (the token, and for some kinds more) and
/// patches its token Secret (the finalizer that keeps it while a resource needs it). A kind that
/// publishes connection Secrets (``ConnectionSecretPublishing``) also creates and updates Secrets.
/// It never creates or deletes its own resources.
public struct KubernetesAccess: Sendable, Hashable {
    /// `aiven.io`.
    public var group: String
    /// The kind's resource (`kafkatopics`).
    public var plural: String
    /// The kind creates and updates connection Secrets.
    public var writesConnectionSecrets: Bool
    /// The kind deletes Secrets its resources read once they have served (``SecretDisposingKind``).
    public var deletesSecrets: Bool

    public init(group: String, plural: String, writesConnectionSecrets: Bool, deletesSecrets: Bool = false) {
        self.group = group
        self.plural = plural
        self.writesConnectionSecrets = writesConnectionSecrets
        self.deletesSecrets = deletesSecrets
    }

    /// The verbs on the kind's own resources.
    public static let resourceVerbs = ["get", "list", "watch", "update", "patch"]
    /// The verbs on `/status`.
    public static let statusVerbs = ["update", "patch"]
    /// The verbs on `/finalizers`.
    public static let finalizerVerbs = ["update"]

    /// The verbs on Secrets: read (tokens, referenced Secrets), patch (the token Secret's
    /// finalizer), create and update for connection Secrets, delete for Secrets that have served.
    public static func secretVerbs(writingConnectionSecrets: Bool, deleting: Bool = false) -> [String] {
        ["get", "list", "watch"] + (writingConnectionSecrets ? ["create", "update"] : []) + ["patch"] + (deleting ? ["delete"] : [])
    }
}

/// One RBAC `PolicyRule`.
public struct AccessRule: Sendable, Hashable {
    public var apiGroups: [String]
    public var resources: [String]
    public var verbs: [String]
    /// Why the operator needs it, written as a comment in the generated manifests.
    public var reason: String

    public init(apiGroups: [String], resources: [String], verbs: [String], reason: String) {
        self.apiGroups = apiGroups
        self.resources = resources
        self.verbs = verbs
        self.reason = reason
    }

    /// The rules the operator needs in every scope it watches (the whole cluster, or each watched
    /// namespace) for `kinds`: Secrets, Events, and each kind's resources, `/status` and
    /// `/finalizers`. The leader-election Lease is granted separately, in the operator's namespace.
    public static func watched(_ kinds: [KindRegistration]) -> [AccessRule] {
        let access = kinds.map(\.access)
        let writes = access.contains { $0.writesConnectionSecrets }
        let deletes = access.contains { $0.deletesSecrets }
        var rules = [
            AccessRule(
                apiGroups: [""], resources: ["secrets"], verbs: KubernetesAccess.secretVerbs(writingConnectionSecrets: writes, deleting: deletes),
                reason: "read: tokens (spec.authSecretRef) and the Secrets resources name; patch: the finalizer that keeps a token Secret while a resource needs it"
                    + (writes ? "; create and update: connection Secrets (\(access.filter(\.writesConnectionSecrets).map(\.plural).joined(separator: ", ")))" : "")
                    + (deletes ? "; delete: Secrets a resource asked to have deleted once used (\(access.filter(\.deletesSecrets).map(\.plural).joined(separator: ", ")))" : "")
            ),
            AccessRule(apiGroups: [""], resources: ["events"], verbs: ["create", "patch"], reason: "the events of every resource"),
        ]
        for group in Set(access.map(\.group)).sorted() {
            let plurals = access.filter { $0.group == group }.map(\.plural)
            rules += [
                AccessRule(apiGroups: [group], resources: plurals, verbs: KubernetesAccess.resourceVerbs, reason: "the managed kinds: read, finalizer and annotations; never created or deleted"),
                AccessRule(apiGroups: [group], resources: plurals.map { "\($0)/status" }, verbs: KubernetesAccess.statusVerbs, reason: "their status"),
                AccessRule(apiGroups: [group], resources: plurals.map { "\($0)/finalizers" }, verbs: KubernetesAccess.finalizerVerbs, reason: "their finalizers (OwnerReferencesPermissionEnforcement)"),
            ]
        }
        return rules
    }
}
