import Foundation
import KubeAPI

/// The `resourceVersion`, `resourceVersionMatch` and `continue` of a list, checked as
/// kube-apiserver checks them: `ValidateListOptions` (422 `ListOptions.meta.k8s.io "" is
/// invalid`), then the storage layer (400 for a malformed version or continue token, 410 once a
/// token's resourceVersion has left the retained history, 504 for a version from the future).
/// Continue tokens are kube's: base64url of `{"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}`.
struct ListParameters: Sendable {
    /// Items whose key sorts before this were served by earlier pages.
    let start: String?
    /// The resourceVersion of the list a continue token comes from.
    let continuedFrom: Int64?
    /// A resourceVersion the list must be at least as new as (exactly, with `Exact`).
    let resourceVersion: Int64?
    let exact: Bool

    static let tokenVersion = "meta.k8s.io/v1"

    init(query: [String: String]) throws(APIError) {
        let version = query["resourceVersion"] ?? ""
        let match = query["resourceVersionMatch"] ?? ""
        let token = query["continue"] ?? ""
        var errors: [FieldError] = []
        if !match.isEmpty {
            let path = FieldPath("resourceVersionMatch")
            if version.isEmpty { errors.append(.forbidden(path, "resourceVersionMatch is forbidden unless resourceVersion is provided")) }
            if !token.isEmpty { errors.append(.forbidden(path, "resourceVersionMatch is forbidden when continue is provided")) }
            if match != "Exact", match != "NotOlderThan" { errors.append(.notSupported(path, .string(match), supported: ["Exact", "NotOlderThan", ""])) }
            if match == "Exact", version == "0" { errors.append(.forbidden(path, #"resourceVersionMatch "exact" is forbidden for resourceVersion "0""#)) }
        }
        if !errors.isEmpty { throw APIError(Status.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", errors: errors)) }
        exact = match == "Exact"
        guard token.isEmpty else {
            let (start, from) = try Self.decode(token)
            if !version.isEmpty, version != "0" { throw APIError.badRequest("specifying resource version is not allowed when using continue") }
            self.start = start
            continuedFrom = from
            resourceVersion = nil
            return
        }
        start = nil
        continuedFrom = nil
        guard !version.isEmpty, version != "0" else {
            resourceVersion = nil
            return
        }
        guard let number = UInt64(version) else {
            let problem = version.first == "-" || version.first == "+" || !version.allSatisfy(\.isASCII) || !version.allSatisfy(\.isNumber) ? "invalid syntax" : "value out of range"
            throw APIError.badRequest("invalid resource version: resourceVersion: Invalid value: \(GoFormat.quote(version)): strconv.ParseUint: parsing \(GoFormat.quote(version)): \(problem)")
        }
        resourceVersion = Int64(clamping: number)
    }

    /// Refuses a list the store at `current` cannot serve: a version from the future (kube's 504
    /// after waiting for it), an `Exact` version other than the current one (LocalKube keeps no
    /// snapshots; kube answers 410 once etcd compacted it), or a continue token from before the
    /// retained history (410, with a token that continues at the latest version).
    func check(current: Int64, retained: (Int64) async -> Bool) async throws(APIError) {
        if let resourceVersion {
            if resourceVersion > current {
                throw APIError(
                    code: 504, reason: "Timeout", message: "Too large resource version: \(resourceVersion), current: \(current)",
                    details: StatusDetails(retryAfterSeconds: 1)
                )
            }
            if exact, resourceVersion != current { throw APIError.expired("The resourceVersion for the provided list is too old.") }
        }
        if let continuedFrom, continuedFrom > 0, let start, !(await retained(continuedFrom)) {
            var status = APIError.expired(Self.inconsistentContinue).status
            status.metadata = ListMeta(continue: Self.encode(start: start, resourceVersion: -1))
            throw APIError(status)
        }
    }

    static let inconsistentContinue =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, "
        + "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an "
        + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."

    /// Whether `object` comes after the items already served, in the store's order (namespace,
    /// then name).
    func includes(_ object: JSONValue) -> Bool {
        guard let start else { return true }
        let parts = start.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let (namespace, name) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("", start)
        let objectNamespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        return (objectNamespace, object[path: ["metadata", "name"]]?.stringValue ?? "") >= (namespace, name)
    }

    /// The token of the page after `last`, for a list at `resourceVersion`.
    static func token(after last: JSONValue, resourceVersion: Int64) -> String {
        encode(start: key(last) + "\u{0}", resourceVersion: resourceVersion)
    }

    /// `NAMESPACE/NAME`, or `NAME` for a cluster-scoped object: the order lists are served in.
    static func key(_ object: JSONValue) -> String {
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        guard let namespace = object[path: ["metadata", "namespace"]]?.stringValue, !namespace.isEmpty else { return name }
        return namespace + "/" + name
    }

    private static func encode(start: String, resourceVersion: Int64) -> String {
        let document: JSONValue = ["v": .string(tokenVersion), "rv": .integer(resourceVersion), "start": .string(start)]
        return Data(document.jsonString.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// kube's `DecodeContinue`, with its messages.
    private static func decode(_ token: String) throws(APIError) -> (start: String, resourceVersion: Int64) {
        func invalid(_ detail: String) -> APIError { APIError.badRequest("invalid continue token: continue key is not valid" + detail) }
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        if let bad = token.utf8.firstIndex(where: { !alphabet.contains($0) }) {
            throw invalid(": illegal base64 data at input byte \(token.utf8.distance(from: token.utf8.startIndex, to: bad))")
        }
        if token.utf8.count % 4 == 1 { throw invalid(": illegal base64 data at input byte \(token.utf8.count - 1)") }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { throw invalid(": illegal base64 data at input byte 0") }
        let document: JSONValue
        do {
            document = try JSONParser(maxDepth: 4).parse(Array(data))
        } catch {
            throw invalid(": \(error)")
        }
        guard document.objectValue != nil else { throw invalid(": json: cannot unmarshal \(GoFormat.unmarshalValue(document)) into Go value of type storage.continueToken") }
        let apiVersion = document["v"]?.stringValue ?? ""
        guard apiVersion == tokenVersion else {
            throw APIError.badRequest("invalid continue token: continue key is not valid: server does not recognize this encoded version \(apiVersion)")
        }
        let resourceVersion = document["rv"]?.integerValue ?? 0
        guard resourceVersion != 0 else {
            throw APIError.badRequest("invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
        }
        let start = document["start"]?.stringValue ?? ""
        guard !start.isEmpty else {
            throw APIError.badRequest("invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)")
        }
        // As kube's path.Clean check: a key that climbs or skips levels is refused.
        let segments = start.drop { $0 == "/" }.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { throw invalid(": \(start)") }
        return (start, resourceVersion)
    }
}
