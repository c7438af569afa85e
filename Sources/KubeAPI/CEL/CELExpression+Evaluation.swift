import Foundation

extension CELExpression {
    /// Evaluates the rule with `self` (and `oldSelf` for transition rules) bound.
    ///
    /// Returns the boolean result; a type mismatch or a selection of an absent field is a
    /// ``CELError``, which the caller reports as a failed rule, as CEL does at runtime.
    public func evaluate(self value: JSONValue, oldSelf: JSONValue?) throws(CELError) -> Bool {
        guard case .bool(let result) = try evaluateValue(self: value, oldSelf: oldSelf) else {
            throw CELError("rule did not evaluate to a bool")
        }
        return result
    }

    private func evaluateValue(self value: JSONValue, oldSelf: JSONValue?) throws(CELError) -> JSONValue {
        switch self {
        case .variable(.self):
            return value
        case .variable(.oldSelf):
            guard let oldSelf else { throw CELError("oldSelf is not available") }
            return oldSelf
        case .literal(let literal):
            return literal
        case .select(let base, let field):
            let object = try base.evaluateValue(self: value, oldSelf: oldSelf)
            guard case .object(let members) = object else { throw CELError("no such key: \(field)") }
            guard let member = members[field] else { throw CELError("no such key: \(field)") }
            return member
        case .has(let base, let field):
            let object = try base.evaluateValue(self: value, oldSelf: oldSelf)
            guard case .object(let members) = object else { throw CELError("has() applied to a non-object") }
            return .bool(members[field] != nil)
        case .size(let base):
            switch try base.evaluateValue(self: value, oldSelf: oldSelf) {
            case .string(let string): return .integer(Int64(string.unicodeScalars.count))
            case .array(let elements): return .integer(Int64(elements.count))
            case .object(let members): return .integer(Int64(members.count))
            default: throw CELError("no matching overload for 'size'")
            }
        case .matches(let base, let pattern):
            guard case .string(let string) = try base.evaluateValue(self: value, oldSelf: oldSelf),
                let expression = try? NSRegularExpression(pattern: pattern)
            else { throw CELError("no matching overload for 'matches'") }
            return .bool(expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil)
        case .not(let operand):
            return .bool(!(try operand.boolean(self: value, oldSelf: oldSelf)))
        case .and(let lhs, let rhs):
            guard try lhs.boolean(self: value, oldSelf: oldSelf) else { return .bool(false) }
            return .bool(try rhs.boolean(self: value, oldSelf: oldSelf))
        case .or(let lhs, let rhs):
            if try lhs.boolean(self: value, oldSelf: oldSelf) { return .bool(true) }
            return .bool(try rhs.boolean(self: value, oldSelf: oldSelf))
        case .compare(let comparison, let lhs, let rhs):
            let left = try lhs.evaluateValue(self: value, oldSelf: oldSelf)
            let right = try rhs.evaluateValue(self: value, oldSelf: oldSelf)
            switch comparison {
            case .equal: return .bool(SchemaValidator.jsonEqual(left, right))
            case .notEqual: return .bool(!SchemaValidator.jsonEqual(left, right))
            default:
                guard let l = left.doubleValue, let r = right.doubleValue else {
                    throw CELError("no matching overload for '\(comparison.rawValue)'")
                }
                switch comparison {
                case .less: return .bool(l < r)
                case .lessOrEqual: return .bool(l <= r)
                case .greater: return .bool(l > r)
                default: return .bool(l >= r)
                }
            }
        }
    }

    private func boolean(self value: JSONValue, oldSelf: JSONValue?) throws(CELError) -> Bool {
        guard case .bool(let result) = try evaluateValue(self: value, oldSelf: oldSelf) else {
            throw CELError("no matching overload: expected a bool")
        }
        return result
    }
}
