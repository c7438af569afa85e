import KubeAPI

/// Validates manifests offline exactly as the API server would validate a create (or, with an
/// old object, an update) of an `aiven.io` kind, with unknown fields treated as errors like
/// kubectl's default `--validate=strict`.
public struct ManifestValidator: Sendable {
    public let kinds: [ResourceKind]

    public init(kinds: [ResourceKind]) {
        self.kinds = kinds
    }

    /// The verdict on one document.
    public enum Verdict: Sendable, Hashable {
        /// The document is a valid object of `kind`.
        case valid(kind: String, name: String)
        /// The document is an object of `kind` that the API server would reject; `message` is
        /// kubectl's text (`The KafkaConnect "x" is invalid: …`).
        case invalid(kind: String, name: String, message: String)
        /// Not an `aiven.io` object (a Secret next to the resource, say); nothing to check.
        case skipped(apiVersion: String, kind: String, name: String)
        /// Not a usable object: no `apiVersion`/`kind`, or an `aiven.io` kind or version that does
        /// not exist.
        case unrecognized(message: String)
    }

    /// Validates `document`; `old` makes it an update (immutability and other transition rules).
    public func validate(_ document: JSONValue, old: JSONValue? = nil) -> Verdict {
        guard case .object = document else {
            return .unrecognized(message: "document is \(document.typeName == "array" || document.typeName == "integer" ? "an" : "a") \(document.typeName), not an object")
        }
        let type = TypeMeta(document)
        let name = document["metadata"]?["name"]?.stringValue ?? ""
        var missing: [String] = []
        if (type.apiVersion ?? "").isEmpty { missing.append("apiVersion not set") }
        if (type.kind ?? "").isEmpty { missing.append("kind not set") }
        guard missing.isEmpty, let apiVersion = type.apiVersion, let kindName = type.kind else {
            return .unrecognized(message: "error validating data: [\(missing.joined(separator: ", "))]")
        }
        guard kinds.contains(where: { $0.definition.group == type.group }) else {
            return .skipped(apiVersion: apiVersion, kind: kindName, name: name)
        }
        guard let kind = kinds.first(where: { $0.kind == kindName && $0.apiVersion == apiVersion }) else {
            let known = kinds.map { "\($0.apiVersion) \($0.kind)" }.joined(separator: ", ")
            return .unrecognized(message: "no matches for kind \(GoFormat.quote(kindName)) in version \(GoFormat.quote(apiVersion)) (known: \(known))")
        }
        if let problem = ObjectMetaValidation.decodingError(document["metadata"], kind: kind.kind, version: type.version) {
            return .invalid(kind: kind.kind, name: name, message: problem)
        }
        let oldObject = old.map { previous in
            var previous = previous
            _ = kind.schema.pruneUnknownFields(&previous)
            kind.schema.applyDefaults(&previous)
            return previous
        }
        let admission = kind.schema.admit(document, old: oldObject)
        let causes = admission.unknownFields.map { "unknown field \(GoFormat.quote($0))" } + admission.errors.map(\.description)
        guard !causes.isEmpty else { return .valid(kind: kind.kind, name: name) }
        return .invalid(kind: kind.kind, name: name, message: Self.kubectlMessage(kind: kind.kind, name: name, causes: causes))
    }

    /// How kubectl prints a 422: one cause inline, several as a bulleted list.
    public static func kubectlMessage(kind: String, name: String, causes: [String]) -> String {
        let head = "The \(kind) \(GoFormat.quote(name)) is invalid"
        if causes.count == 1 { return "\(head): \(causes[0])" }
        return "\(head): \n" + causes.map { "* \($0)" }.joined(separator: "\n")
    }
}
