import Foundation

/// Compiled `pattern` regular expressions, built once per schema.
///
/// kube-apiserver evaluates `pattern` with Go's RE2 engine. `NSRegularExpression` (ICU) agrees on
/// the constructs CRD patterns use except one: ICU's `$` also matches before a final newline, RE2's
/// only at the very end. Each unescaped `$` outside a character class is therefore compiled as
/// `\z`, so `^[^\r\n]*$` rejects `"abc\n"` as the apiserver does. A pattern that does not compile
/// is a ``SchemaLoadError`` when the schema is loaded.
struct PatternCache: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expressions: [String: NSRegularExpression]

    init(patterns: Set<String>) throws(SchemaLoadError) {
        var expressions: [String: NSRegularExpression] = [:]
        for pattern in patterns {
            do {
                expressions[pattern] = try NSRegularExpression(pattern: Self.endAnchored(pattern))
            } catch {
                throw SchemaLoadError(path: "pattern", problem: "invalid regular expression \(GoFormat.quote(pattern))")
            }
        }
        self.expressions = expressions
    }

    /// Rewrites unescaped `$` outside `[...]` as `\z` (end of input only).
    static func endAnchored(_ pattern: String) -> String {
        var output = ""
        var escaped = false
        var inClass = false
        for character in pattern {
            defer { escaped = !escaped && character == "\\" }
            if escaped {
                output.append(character)
                continue
            }
            switch character {
            case "[": inClass = true
            case "]": inClass = false
            case "$" where !inClass:
                output += "\\z"
                continue
            default: break
            }
            output.append(character)
        }
        return output
    }

    /// `true` when `pattern` finds a match anywhere in `string` (patterns anchor themselves).
    func matches(_ pattern: String, _ string: String) -> Bool {
        guard let expression = expressions[pattern] else { return false }
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }
}
