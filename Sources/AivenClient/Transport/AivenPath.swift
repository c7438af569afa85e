/// An API path built from a route template and percent-encoded segments.
///
/// Every request carries `limit=999`, as Aiven's own clients send it.
struct AivenPath: Sendable, Hashable {
    /// The route with placeholders, for logs (`/v1/project/{project}/service`).
    let template: String
    /// The percent-encoded path and query.
    let rendered: String

    /// `template` with each `{name}` replaced, in order, by the encoded `values`.
    init(_ template: String, _ values: String..., query: [(String, String)] = []) {
        self.template = template
        var rendered = ""
        var remaining = values[...]
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "{", let close = template[index...].firstIndex(of: "}") {
                rendered += Self.encode(remaining.popFirst() ?? "")
                index = template.index(after: close)
            } else {
                rendered.append(template[index])
                index = template.index(after: index)
            }
        }
        let items = query + [("limit", "999")]
        self.rendered = rendered + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func encode(_ segment: String) -> String {
        var output = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.append(Character(UnicodeScalar(byte)))
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
