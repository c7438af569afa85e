import Foundation

/// A parsed expression in the subset of CEL that CRD `x-kubernetes-validations` and
/// ValidatingAdmissionPolicies here use: variables (`self` and `oldSelf` in CRD rules; `object`,
/// `oldObject` and `request` in admission policies), field selection, `has(…)`,
/// `size(…)`/`.size()`, `.matches(…)`, `.contains(…)` on strings, the macros `.all(x, …)` and
/// `.exists(x, …)` on lists and maps, `!`, `&&`, `||`, comparisons, `+` (numbers, strings,
/// lists), `in`, `cond ? a : b`, list literals, and string, integer, boolean and null literals.
///
/// Anything outside the subset fails to parse with ``CELError``, so a CRD carrying a rule this
/// evaluator cannot honour is refused when it is loaded instead of being silently skipped.
public indirect enum CELExpression: Sendable, Hashable {
    case variable(CELVariable)
    case literal(JSONValue)
    case select(CELExpression, String)
    case has(CELExpression, String)
    case size(CELExpression)
    case matches(CELExpression, String)
    /// `s.contains('x')`: whether the string holds the literal substring.
    case containsSubstring(CELExpression, String)
    case not(CELExpression)
    case and(CELExpression, CELExpression)
    case or(CELExpression, CELExpression)
    case compare(CELComparison, CELExpression, CELExpression)
    case add(CELExpression, CELExpression)
    case contains(element: CELExpression, collection: CELExpression)
    case conditional(CELExpression, CELExpression, CELExpression)
    case list([CELExpression])
    /// The variable of an enclosing `all`/`exists` macro.
    case local(String)
    /// `range.all(name, predicate)` (`every: true`) or `range.exists(name, predicate)`: over a
    /// list's elements or a map's keys.
    case quantifier(every: Bool, range: CELExpression, variable: String, predicate: CELExpression)

    /// Parses `source`, which may read the given variables (a CRD rule's `self` and `oldSelf` by default).
    public init(parsing source: String, variables: Set<CELVariable> = [.self, .oldSelf]) throws(CELError) {
        var parser = CELParser(source: source, variables: variables)
        self = try parser.parseRule()
    }

    /// `true` when the expression reads `oldSelf`, which makes it a transition rule: evaluated only
    /// on update and only where an old value exists.
    public var usesOldSelf: Bool {
        switch self {
        case .variable(let variable): variable == .oldSelf
        case .literal, .local: false
        case .select(let base, _), .has(let base, _), .size(let base), .matches(let base, _), .containsSubstring(let base, _),
            .not(let base):
            base.usesOldSelf
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(_, let lhs, let rhs), .add(let lhs, let rhs),
            .contains(let lhs, let rhs):
            lhs.usesOldSelf || rhs.usesOldSelf
        case .conditional(let condition, let lhs, let rhs): condition.usesOldSelf || lhs.usesOldSelf || rhs.usesOldSelf
        case .quantifier(_, let range, _, let predicate): range.usesOldSelf || predicate.usesOldSelf
        case .list(let elements): elements.contains(where: \.usesOldSelf)
        }
    }
}

/// The two variables a validation rule can read.
public enum CELVariable: String, Sendable, Hashable, CaseIterable {
    case `self`
    case oldSelf
    /// Admission policies: the object being written (null on DELETE).
    case object
    /// Admission policies: the stored object (null on CREATE).
    case oldObject
    /// Admission policies: operation, userInfo, namespace, name, resource, …
    case request
}

/// The comparison operators of the subset.
public enum CELComparison: String, Sendable, Hashable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A rule that cannot be parsed or evaluated.
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

private struct CELParser {
    enum Token: Hashable {
        case identifier(String)
        case string(String)
        case integer(Int64)
        case symbol(String)
        case end
    }

    let source: String
    let variables: Set<CELVariable>
    /// The variables of the enclosing macros.
    var locals: [String] = []
    var tokens: [Token] = []
    var position = 0

    init(source: String, variables: Set<CELVariable>) {
        self.source = source
        self.variables = variables
    }

    mutating func parseRule() throws(CELError) -> CELExpression {
        tokens = try Self.tokenize(source)
        let expression = try parseConditional()
        guard tokens[position] == .end else { throw CELError("unsupported syntax in rule \(GoFormat.quote(source))") }
        return expression
    }

    var current: Token { tokens[position] }

    mutating func consume(_ symbol: String) -> Bool {
        guard current == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    mutating func expect(_ symbol: String) throws(CELError) {
        guard consume(symbol) else { throw CELError("expected '\(symbol)' in rule \(GoFormat.quote(source))") }
    }

    mutating func parseConditional() throws(CELError) -> CELExpression {
        let condition = try parseOr()
        guard consume("?") else { return condition }
        let whenTrue = try parseConditional()
        try expect(":")
        return .conditional(condition, whenTrue, try parseConditional())
    }

    mutating func parseOr() throws(CELError) -> CELExpression {
        var expression = try parseAnd()
        while consume("||") { expression = .or(expression, try parseAnd()) }
        return expression
    }

    mutating func parseAnd() throws(CELError) -> CELExpression {
        var expression = try parseComparison()
        while consume("&&") { expression = .and(expression, try parseComparison()) }
        return expression
    }

    mutating func parseComparison() throws(CELError) -> CELExpression {
        let lhs = try parseSum()
        for comparison in [CELComparison.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        where consume(comparison.rawValue) {
            return .compare(comparison, lhs, try parseSum())
        }
        if current == .identifier("in") {
            position += 1
            return .contains(element: lhs, collection: try parseSum())
        }
        return lhs
    }

    mutating func parseSum() throws(CELError) -> CELExpression {
        var expression = try parseUnary()
        while consume("+") { expression = .add(expression, try parseUnary()) }
        return expression
    }

    mutating func parseUnary() throws(CELError) -> CELExpression {
        if consume("!") { return .not(try parseUnary()) }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(CELError) -> CELExpression {
        var expression = try parsePrimary()
        while consume(".") {
            guard case .identifier(let name) = current else { throw CELError("expected a field name in rule \(GoFormat.quote(source))") }
            position += 1
            if consume("(") {
                switch name {
                case "size":
                    try expect(")")
                    expression = .size(expression)
                case "matches":
                    guard case .string(let pattern) = current else {
                        throw CELError("matches() takes a string literal in rule \(GoFormat.quote(source))")
                    }
                    guard (try? NSRegularExpression(pattern: pattern)) != nil else {
                        throw CELError("invalid regular expression \(GoFormat.quote(pattern)) in rule \(GoFormat.quote(source))")
                    }
                    position += 1
                    try expect(")")
                    expression = .matches(expression, pattern)
                case "contains":
                    guard case .string(let substring) = current else {
                        throw CELError("contains() takes a string literal in rule \(GoFormat.quote(source))")
                    }
                    position += 1
                    try expect(")")
                    expression = .containsSubstring(expression, substring)
                case "all", "exists":
                    guard case .identifier(let variable) = current, CELVariable(rawValue: variable) == nil else {
                        throw CELError("\(name)() takes a variable name first in rule \(GoFormat.quote(source))")
                    }
                    position += 1
                    try expect(",")
                    locals.append(variable)
                    let predicate = try parseConditional()
                    locals.removeLast()
                    try expect(")")
                    expression = .quantifier(every: name == "all", range: expression, variable: variable, predicate: predicate)
                default:
                    throw CELError("unsupported function \(name)() in rule \(GoFormat.quote(source))")
                }
            } else {
                expression = .select(expression, name)
            }
        }
        return expression
    }

    mutating func parsePrimary() throws(CELError) -> CELExpression {
        let token = current
        position += 1
        switch token {
        case .identifier(let name) where locals.contains(name):
            return .local(name)
        case .identifier(let name) where CELVariable(rawValue: name).map(variables.contains) ?? false:
            return .variable(CELVariable(rawValue: name)!)
        case .identifier("true"): return .literal(.bool(true))
        case .identifier("false"): return .literal(.bool(false))
        case .identifier("null"): return .literal(.null)
        case .identifier("has"):
            try expect("(")
            guard case .select(let base, let field) = try parsePostfix() else {
                throw CELError("has() requires a field selection in rule \(GoFormat.quote(source))")
            }
            try expect(")")
            return .has(base, field)
        case .identifier("size"):
            try expect("(")
            let argument = try parseConditional()
            try expect(")")
            return .size(argument)
        case .identifier(let name):
            throw CELError("undeclared reference to \(GoFormat.quote(name)) in rule \(GoFormat.quote(source))")
        case .string(let value): return .literal(.string(value))
        case .integer(let value): return .literal(.integer(value))
        case .symbol("("):
            let inner = try parseConditional()
            try expect(")")
            return inner
        case .symbol("["):
            var elements: [CELExpression] = []
            while !consume("]") {
                if !elements.isEmpty { try expect(",") }
                elements.append(try parseConditional())
            }
            return .list(elements)
        case .symbol(let symbol): throw CELError("unsupported syntax '\(symbol)' in rule \(GoFormat.quote(source))")
        case .end: throw CELError("unexpected end of rule \(GoFormat.quote(source))")
        }
    }

    static func tokenize(_ source: String) throws(CELError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character.isLetter || character == "_" {
                var name = ""
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    name.append(characters[index])
                    index += 1
                }
                tokens.append(.identifier(name))
            } else if character.isNumber {
                var digits = ""
                while index < characters.count, characters[index].isNumber {
                    digits.append(characters[index])
                    index += 1
                }
                guard let value = Int64(digits) else { throw CELError("integer literal \(digits) out of range") }
                tokens.append(.integer(value))
            } else if character == "'" || character == "\"" {
                index += 1
                var value = ""
                while index < characters.count, characters[index] != character {
                    if characters[index] == "\\", index + 1 < characters.count {
                        index += 1
                        switch characters[index] {
                        case "n": value.append("\n")
                        case "r": value.append("\r")
                        case "t": value.append("\t")
                        default: value.append(characters[index])
                        }
                    } else {
                        value.append(characters[index])
                    }
                    index += 1
                }
                guard index < characters.count else { throw CELError("unterminated string literal in rule \(GoFormat.quote(source))") }
                index += 1
                tokens.append(.string(value))
            } else {
                let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                if ["&&", "||", "==", "!=", "<=", ">="].contains(two) {
                    tokens.append(.symbol(two))
                    index += 2
                } else if "!().<>+?:[],".contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    throw CELError("unsupported character '\(character)' in rule \(GoFormat.quote(source))")
                }
            }
        }
        tokens.append(.end)
        return tokens
    }
}
