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
        if clause.hasPrefix("!") { return .doesNotExist(try key(String(clause.dropFirst()), clause)) }
        for (token, build) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let range = clause.range(of: token) {
                let name = try key(String(clause[..<range.lowerBound]), clause)
                return build(name, String(clause[range.upperBound...]).trimmingSpaces)
            }
        }
        let words = clause.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2 {
            let rest = words[1].trimmingSpaces
            for (keyword, isIn) in [("notin", false), ("in", true)] where rest.hasPrefix(keyword) {
                let list = rest.dropFirst(keyword.count).trimmingSpaces
                guard list.hasPrefix("("), list.hasSuffix(")") else { throw parseError(clause) }
                let values = Set(list.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingSpaces })
                let name = try key(words[0], clause)
                return isIn ? .isIn(name, values) : .notIn(name, values)
            }
            throw parseError(clause)
        }
        return .exists(try key(clause, clause))
    }

    private static func key(_ text: String, _ clause: String) throws(APIError) -> String {
        let key = text.trimmingSpaces
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else { throw parseError(clause) }
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
