import Foundation

extension CELExpression {
    /// Evaluates the rule with `self` (and `oldSelf` for transition rules) bound.
    ///
    /// Returns the boolean result; a type mismatch or a selection of an absent field is a
    /// ``CELError``, which the caller reports as a failed rule, as CEL does at runtime.
    public func evaluate(self value: JSONValue, oldSelf: JSONValue?) throws(CELError) -> Bool {
        var bindings: [CELVariable: JSONValue] = [.self: value]
        bindings[.oldSelf] = oldSelf
        guard case .bool(let result) = try evaluate(bindings) else {
            throw CELError("rule did not evaluate to a bool")
        }
        return result
    }

    /// Evaluates the expression with the given variables bound (a missing one is an error).
    public func evaluate(_ bindings: [CELVariable: JSONValue]) throws(CELError) -> JSONValue {
        try evaluateValue(bindings, [:])
    }

    /// `locals`: the variables of the enclosing `all`/`exists` macros.
    private func evaluateValue(_ bindings: [CELVariable: JSONValue], _ locals: [String: JSONValue]) throws(CELError) -> JSONValue {
        switch self {
        case .variable(let variable):
            guard let value = bindings[variable] else { throw CELError("\(variable.rawValue) is not available") }
            return value
        case .literal(let literal):
            return literal
        case .select(let base, let field):
            let object = try base.evaluateValue(bindings, locals)
            guard case .object(let members) = object else { throw CELError("no such key: \(field)") }
            guard let member = members[field] else { throw CELError("no such key: \(field)") }
            return member
        case .has(let base, let field):
            let object = try base.evaluateValue(bindings, locals)
            guard case .object(let members) = object else { throw CELError("has() applied to a non-object") }
            return .bool(members[field] != nil)
        case .size(let base):
            switch try base.evaluateValue(bindings, locals) {
            case .string(let string): return .integer(Int64(string.unicodeScalars.count))
            case .array(let elements): return .integer(Int64(elements.count))
            case .object(let members): return .integer(Int64(members.count))
            default: throw CELError("no matching overload for 'size'")
            }
        case .matches(let base, let pattern):
            guard case .string(let string) = try base.evaluateValue(bindings, locals),
                let expression = try? NSRegularExpression(pattern: pattern)
            else { throw CELError("no matching overload for 'matches'") }
            return .bool(expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil)
        case .containsSubstring(let base, let substring):
            guard case .string(let string) = try base.evaluateValue(bindings, locals) else { throw CELError("no matching overload for 'contains'") }
            return .bool(substring.isEmpty || string.contains(substring))
        case .not(let operand):
            return .bool(!(try operand.boolean(bindings, locals)))
        case .and(let lhs, let rhs):
            guard try lhs.boolean(bindings, locals) else { return .bool(false) }
            return .bool(try rhs.boolean(bindings, locals))
        case .or(let lhs, let rhs):
            if try lhs.boolean(bindings, locals) { return .bool(true) }
            return .bool(try rhs.boolean(bindings, locals))
        case .compare(let comparison, let lhs, let rhs):
            let left = try lhs.evaluateValue(bindings, locals)
            let right = try rhs.evaluateValue(bindings, locals)
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
        case .add(let lhs, let rhs):
            switch (try lhs.evaluateValue(bindings, locals), try rhs.evaluateValue(bindings, locals)) {
            case (.string(let l), .string(let r)): return .string(l + r)
            case (.integer(let l), .integer(let r)):
                let (sum, overflow) = l.addingReportingOverflow(r)
                guard !overflow else { throw CELError("integer overflow") }
                return .integer(sum)
            case (.array(let l), .array(let r)): return .array(l + r)
            default:
                guard let l = try lhs.evaluateValue(bindings, locals).doubleValue, let r = try rhs.evaluateValue(bindings, locals).doubleValue else {
                    throw CELError("no matching overload for '+'")
                }
                return .number(l + r)
            }
        case .contains(let element, let collection):
            let needle = try element.evaluateValue(bindings, locals)
            switch try collection.evaluateValue(bindings, locals) {
            case .array(let elements): return .bool(elements.contains { SchemaValidator.jsonEqual($0, needle) })
            case .object(let members):
                guard case .string(let key) = needle else { throw CELError("no matching overload for 'in'") }
                return .bool(members[key] != nil)
            default: throw CELError("no matching overload for 'in'")
            }
        case .conditional(let condition, let whenTrue, let whenFalse):
            return try condition.boolean(bindings, locals) ? try whenTrue.evaluateValue(bindings, locals) : try whenFalse.evaluateValue(bindings, locals)
        case .local(let name):
            guard let value = locals[name] else { throw CELError("\(name) is not available") }
            return value
        case .quantifier(let every, let range, let variable, let predicate):
            let members: [JSONValue]
            switch try range.evaluateValue(bindings, locals) {
            case .array(let elements): members = elements
            case .object(let map): members = map.keys.sorted().map(JSONValue.string)
            default: throw CELError("no matching overload for '\(every ? "all" : "exists")'")
            }
            var scope = locals
            for member in members {
                scope[variable] = member
                if try predicate.boolean(bindings, scope) != every { return .bool(!every) }
            }
            return .bool(every)
        case .list(let elements):
            var values: [JSONValue] = []
            for element in elements { values.append(try element.evaluateValue(bindings, locals)) }
            return .array(values)
        }
    }

    private func boolean(_ bindings: [CELVariable: JSONValue], _ locals: [String: JSONValue]) throws(CELError) -> Bool {
        guard case .bool(let result) = try evaluateValue(bindings, locals) else {
            throw CELError("no matching overload: expected a bool")
        }
        return result
    }
}
