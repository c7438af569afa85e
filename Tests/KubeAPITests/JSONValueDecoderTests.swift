import Foundation
import KubeAPI
import Testing

/// The clients' decoder reads what Foundation's `JSONDecoder` reads, and fails where it fails.
struct JSONValueDecoderTests {
    struct Sample: Codable, Equatable {
        struct Item: Codable, Equatable {
            var name: String
            var size: Int64?
        }

        var text: String
        var flag: Bool?
        var count: Int
        var ratio: Double
        var small: UInt8?
        var items: [Item]
        var labels: [String: String]?
        var free: JSONValue?
        var nested: [[Int]]?
        var missing: String?
    }

    static let sample = """
        {"text": "a \\"quoted\\" \\u00e9 line\\n", "flag": null, "count": 3.0, "ratio": 2, "small": 255,
         "items": [{"name": "x", "size": 9007199254740993}, {"name": "y"}], "labels": {"team": "data", "é": "ü"},
         "free": {"a": [1, 2.5, "s", null, true, {"b": {}}]}, "nested": [[1], [], [2, 3]], "extra": {"ignored": true}}
        """

    @Test func decodesWhatJSONDecoderDecodes() throws {
        let bytes = Array(Self.sample.utf8)
        let expected = try JSONDecoder().decode(Sample.self, from: Data(bytes))
        let decoded = try JSONValueDecoder().decode(Sample.self, from: bytes)
        #expect(decoded == expected)
        #expect(decoded.items[0].size == 9_007_199_254_740_993, "integers stay exact")
        #expect(decoded.free?[path: ["a"]]?.arrayValue?.count == 6, "a JSONValue member is the parsed value")
        #expect(decoded.flag == nil && decoded.missing == nil)
    }

    @Test func failsWhereJSONDecoderFails() throws {
        let cases = [
            #"{"text": 1, "count": 1, "ratio": 1, "items": []}"#,  // a number for a String
            #"{"text": "t", "count": 1.5, "ratio": 1, "items": []}"#,  // a fraction for an Int
            #"{"text": "t", "count": 1, "ratio": 1, "small": 256, "items": []}"#,  // out of UInt8's range
            #"{"text": "t", "count": 1, "ratio": 1}"#,  // a required key missing
            #"{"text": null, "count": 1, "ratio": 1, "items": []}"#,  // null for a required value
            #"{"text": "t", "count": 1, "ratio": 1, "items": [{"size": 1}]}"#,  // missing in an element
            #"{"text": "t", "count": 1, "ratio": "1", "items": []}"#,  // a string for a Double
            #"{"text": "t", "count": 1, "ratio": 1, "items": {}}"#,  // an object for an array
            #"{"text": "t", "count": 1, "ratio": 1, "items": [], "labels": {"a": 1}}"#,  // a map of the wrong values
            #"{"text": "t", "count": 1, "ratio": 1, "items": []"#,  // not JSON
        ]
        for text in cases {
            #expect(throws: DecodingError.self, "JSONDecoder rejects it: \(text)") { try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) }
            #expect(throws: DecodingError.self, "so must this: \(text)") { try JSONValueDecoder().decode(Sample.self, from: Array(text.utf8)) }
        }
    }

    @Test func errorsNameThePath() throws {
        let text = #"{"text": "t", "count": 1, "ratio": 1, "items": [{"name": "a"}, {"name": 2}]}"#
        do {
            _ = try JSONValueDecoder().decode(Sample.self, from: Array(text.utf8))
            Issue.record("decoded a number as a String")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["items", "Index 1", "name"])
        }
        do {
            _ = try JSONValueDecoder().decode(Sample.self, from: Array(#"{"text": "t", "ratio": 1, "items": []}"#.utf8))
            Issue.record("decoded without a required key")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "count")
        }
    }

    @Test func stringsWithAndWithoutEscapesParseAlike() throws {
        let value = try JSONParser().parse(#"["plain", "tab\there", "\u00e9t\u00e9", "ünïcode", "", "\ud83d\ude00"]"#)
        #expect(value == ["plain", "tab\there", "été", "ünïcode", "", "😀"])
        #expect(throws: JSONParseError.self) { try JSONParser().parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser().parse([0x22, 0x61, 0x0A, 0x22]) }
    }
}
