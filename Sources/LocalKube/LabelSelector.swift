import Foundation
import KubeAPI

/// A parsed `labelSelector`: requirements joined by commas, all of which must hold
/// (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`).
struct LabelSelector: Sendable {
    private enum Requirement {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
    }

    private let requirements: [Requirement]

    init(_ text: String) throws(APIError) {
        var requirements: [Requirement] = []
        for clause in Self.clauses(text) {
            let trimmed = clause.trimmingSpaces
            if trimmed.isEmpty { continue }
            requirements.append(try Self.requirement(trimmed))
        }
        self.requirements = requirements
    }

    func matches(_ labels: [String: JSONValue]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key]?.stringValue == value
            case .notEquals(let key, let value): labels[key]?.stringValue != value
            case .isIn(let key, let values): labels[key]?.stringValue.map(values.contains) ?? false
            case .notIn(let key, let values): !(labels[key]?.stringValue.map(values.contains) ?? false)
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    /// Splits on commas outside parentheses.
    private static func clauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                clauses.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        clauses.append(current)
        return clauses
    }

    private static func requirement(_ clause: String) throws(APIError) -> Requirement {
        if clause.hasPrefix("!") { return .doesNotExist(try validated(try key(String(clause.dropFirst()), clause), values: [])) }
        for (token, build) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = clause.range(of: token) {
                let name = try key(String(clause[..<range.lowerBound]), clause)
                let value = String(clause[range.upperBound...]).trimmingSpaces
                return build(try validated(name, values: [value]), value)
            }
        }
        let words = clause.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmingSpaces
            for (keyword, isIn) in [("notin", false), ("in", true)] where rest.hasPrefix(keyword) {
                let list = rest.dropFirst(keyword.count).trimmingSpaces
                guard list.hasPrefix("("), list.hasSuffix(")") else { throw parseError(clause) }
                let values = list.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                let name = try validated(try key(words[0], clause), values: values, isSet: true)
                return isIn ? .isIn(name, Set(values)) : .notIn(name, Set(values))
            }
            throw parseError(clause)
        }
        return .exists(try validated(try key(clause, clause), values: []))
    }

    private static func key(_ text: String, _ clause: String) throws(APIError) -> String {
        let key = text.trimmingSpaces
        guard !key.isEmpty, !key.contains(where: { $0.isWhitespace || "!=(),<>".contains($0) }) else { throw parseError(clause) }
        return key
    }

    /// kube's `NewRequirement`: the key a qualified name, each value a label value, a set not
    /// empty; its field errors follow `unable to parse requirement: `.
    private static func validated(_ key: String, values: [String], isSet: Bool = false) throws(APIError) -> String {
        var errors: [FieldError] = []
        let keyErrors = ObjectMetaValidation.qualifiedNameErrors(key)
        if !keyErrors.isEmpty { errors.append(.invalid(FieldPath("key"), .string(key), keyErrors.joined(separator: "; "))) }
        if isSet, values.isEmpty {
            errors.append(FieldError(.invalid, FieldPath("values"), renderedValue: "[]string{}", detail: "for 'in', 'notin' operators, values set can't be empty"))
        }
        for (index, value) in values.enumerated() {
            let valueErrors = ObjectMetaValidation.labelValueErrors(value)
            if !valueErrors.isEmpty { errors.append(.invalid(FieldPath("values").index(index).key(key), .string(value), valueErrors.joined(separator: "; "))) }
        }
        guard errors.isEmpty else { throw APIError.badRequest("unable to parse requirement: " + FieldError.aggregate(errors)) }
        return key
    }

    private static func parseError(_ clause: String) -> APIError {
        APIError.badRequest("unable to parse requirement: found '\(clause)', expected: identifier")
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
