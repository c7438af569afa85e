import Foundation
import KubeAPI

/// The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b` and
/// `.a[?(@.key=="value")].b`. The first match is the cell value.
struct PrinterColumnPath: Sendable {
    private enum Step {
        case member(String)
        case index(Int)
        case all
        case filter(key: String, value: String)
    }

    private let steps: [Step]

    init(_ text: String) {
        var steps: [Step] = []
        var rest = Substring(text.trimmingSpaces)
        if rest.hasPrefix("{"), rest.hasSuffix("}") { rest = rest.dropFirst().dropLast() }
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                if !name.isEmpty { steps.append(.member(String(name))) }
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("[") {
                guard let close = Self.closingBracket(rest) else { break }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                if inner == "*" {
                    steps.append(.all)
                } else if let index = Int(inner) {
                    steps.append(.index(index))
                } else if inner.hasPrefix("?(@."), inner.hasSuffix(")"), let equals = inner.range(of: "==") {
                    let key = inner[inner.index(inner.startIndex, offsetBy: 4)..<equals.lowerBound]
                    var value = inner[equals.upperBound..<inner.index(before: inner.endIndex)]
                    if value.count >= 2, value.first == value.last, value.first == "\"" || value.first == "'" { value = value.dropFirst().dropLast() }
                    steps.append(.filter(key: String(key), value: String(value)))
                } else {
                    steps.append(.member(inner.trimmingCharacters(in: ["'", "\""])))
                }
            } else {
                break
            }
        }
        self.steps = steps
    }

    /// The first value the path selects in `object`, or `nil`.
    func firstValue(in object: JSONValue) -> JSONValue? {
        var current = [object]
        for step in steps {
            current = current.flatMap { value -> [JSONValue] in
                switch step {
                case .member(let name): value[name].map { [$0] } ?? []
                case .index(let index):
                    value.arrayValue.flatMap { $0.indices.contains(index) ? [$0[index]] : nil } ?? []
                case .all: value.arrayValue ?? value.objectValue.map { Array($0.values) } ?? []
                case .filter(let key, let wanted):
                    (value.arrayValue ?? []).filter { element in
                        switch element[key] {
                        case .string(let text): text == wanted
                        case .some(let other): other.jsonString == wanted
                        case nil: false
                        }
                    }
                }
            }
        }
        return current.first
    }

    private static func closingBracket(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
