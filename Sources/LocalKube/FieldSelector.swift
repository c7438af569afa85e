import Foundation
import KubeAPI

/// A parsed `fieldSelector`: `path=value`, `path==value` or `path!=value` terms joined by commas.
/// Which paths are allowed depends on the type (`metadata.name` and `metadata.namespace`
/// everywhere, `involvedObject.*` and friends on Events, `type` on Secrets).
struct FieldSelector: Sendable {
    private struct Term {
        var path: String
        var value: String
        var negated: Bool
    }

    private let terms: [Term]

    init(_ text: String, for type: ServedResource) throws(APIError) {
        var terms: [Term] = []
        for clause in text.split(separator: ",") {
            let clause = String(clause)
            let negated = clause.contains("!=")
            let separator = negated ? "!=" : (clause.contains("==") ? "==" : "=")
            guard let range = clause.range(of: separator) else {
                throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(clause)'")
            }
            let path = String(clause[..<range.lowerBound]).trimmingSpaces
            guard Self.supported(path, for: type) else { throw APIError.badRequest("field label not supported: \(path)") }
            terms.append(Term(path: path, value: String(clause[range.upperBound...]), negated: negated))
        }
        self.terms = terms
    }

    func matches(_ object: JSONValue) -> Bool {
        terms.allSatisfy { term in
            let actual = Self.value(object, at: term.path)
            return (actual == term.value) != term.negated
        }
    }

    private static func supported(_ path: String, for type: ServedResource) -> Bool {
        if path == "metadata.name" || path == "metadata.namespace" { return true }
        switch type.behaviour {
        case .event:
            return path.hasPrefix("involvedObject.") || ["reason", "type", "source", "reportingComponent"].contains(path)
        case .secret:
            return path == "type"
        case .namespace:
            return path == "status.phase"
        default:
            return false
        }
    }

    private static func value(_ object: JSONValue, at path: String) -> String {
        if path == "source" { return object[path: ["source", "component"]]?.stringValue ?? "" }
        let value = object[path: path.split(separator: ".").map(String.init)]
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return ""
        }
    }
}
