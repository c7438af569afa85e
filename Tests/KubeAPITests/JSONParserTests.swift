import Foundation
import Testing

@testable import KubeAPI

@Suite struct JSONParserTests {
    @Test func integersStayExact() throws {
        let value = try JSONParser().parse(#"{"a": 2147483648, "b": 9223372036854775807, "c": -9223372036854775808, "d": 0}"#)
        #expect(value["a"] == .integer(2_147_483_648))
        #expect(value["b"] == .integer(.max))
        #expect(value["c"] == .integer(.min))
        #expect(value["d"] == .integer(0))
    }

    @Test func floatsStayFloats() throws {
        let value = try JSONParser().parse(#"[1.5, 1.0, 1e3, 18446744073709551616, -0.25]"#)
        #expect(value == .array([.number(1.5), .number(1.0), .number(1000), .number(18_446_744_073_709_551_616), .number(-0.25)]))
        // A whole-number float counts as an integer for validation, as in Kubernetes.
        #expect(JSONValue.number(1.0).typeName == "integer")
        #expect(JSONValue.number(1.5).typeName == "number")
    }

    @Test func stringsDecodeEscapesAndUnicode() throws {
        let value = try JSONParser().parse(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00 é""#)
        #expect(value == .string("a\"b\\c/\n\té😀 é"))
        #expect(try JSONParser().parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test(arguments: [
        ("", "unexpected end of JSON input"),
        ("{", "unexpected end of JSON input"),
        ("{\"a\" 1}", "invalid character '1' at offset 5"),
        ("[1,]", "invalid character ']' at offset 3"),
        ("01", "invalid character after top-level value at offset 1"),
        ("tru", "unexpected end of JSON input"),
        ("\"a\u{01}\"", "invalid control character in string literal at offset 2"),
        ("\"\\x\"", "invalid escape sequence in string at offset 2"),
        ("1e", "invalid number at offset 2"),
        ("{} x", "invalid character after top-level value at offset 3"),
    ])
    func malformedInputIsAnError(input: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser().parse(input) }
        do {
            _ = try JSONParser().parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(deep) }
        let allowed = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser().parse(allowed)) != nil)
    }

    @Test func duplicateKeys() throws {
        #expect(try JSONParser().parse(#"{"a":1,"a":2}"#) == ["a": 2])
        do {
            _ = try JSONParser(duplicateKeys: .reject).parse(#"{"a":1,"a":2}"#)
            Issue.record("duplicate key accepted")
        } catch {
            #expect(error.description == #"json: duplicate field "a""#)
        }
    }

    @Test func serializationSortsKeysAndRoundTrips() throws {
        let value: JSONValue = ["b": [1, 2.5, "x\"\n\u{01}"], "a": nil, "c": ["z": true]]
        #expect(value.jsonString == #"{"a":null,"b":[1,2.5,"x\"\n\u0001"],"c":{"z":true}}"#)
        #expect(try JSONParser().parse(value.jsonString) == value)
        #expect(try JSONParser().parse(value.prettyJSONString) == value)
        let nested: JSONValue = ["k": [1]]
        #expect(nested.prettyJSONString == "{\n  \"k\": [\n    1\n  ]\n}")
    }

    /// Strings are written byte by byte: escapes where JSON needs them, UTF-8 as is, and the
    /// clean runs between escapes intact.
    @Test func stringsEscapeOnlyWhatJSONNeeds() throws {
        let text = "café \"quoted\" back\\slash\ttab\r\u{08}\u{0C}\u{1F} 日本 🚀 end"
        let value = JSONValue.string(text)
        #expect(value.jsonString == #""café \"quoted\" back\\slash\ttab\r\b\f\u001f 日本 🚀 end""#)
        #expect(value.jsonBytes == Array(value.jsonString.utf8))
        #expect(try JSONParser().parse(value.jsonString) == value)
        #expect(JSONValue.string("").jsonString == #""""#)
    }

    @Test func codableBridgeKeepsTypes() throws {
        let value: JSONValue = ["i": 3, "f": 1.5, "s": "x", "b": false, "n": nil, "a": [1]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    /// Issue 13 item 5: every element used to copy its container, so 40,000 elements took
    /// seconds. The result must be exact, nested containers included.
    @Test func wideAndNestedContainersParseCompletely() throws {
        let count = 200_000
        let wide = try JSONParser().parse("[" + Array(repeating: "1", count: count).joined(separator: ",") + "]")
        #expect(wide.arrayValue?.count == count)
        let members = (0..<count).map { #""k\#($0)": [\#($0), {"v": "\#($0)"}]"# }.joined(separator: ",")
        let object = try JSONParser(duplicateKeys: .reject).parse("{" + members + "}")
        #expect(object.objectValue?.count == count)
        #expect(object["k123"] == [123, ["v": "123"]])
        let nested = try JSONParser().parse(#"{"a": [1, [2, [3, {}], []], {"b": {"c": [true, null]}}], "d": "e"}"#)
        #expect(nested == ["a": [1, [2, [3, [:]], []], ["b": ["c": [true, nil]]]], "d": "e"])
    }

    @Test func duplicateKeysInNestedObjectsAreFound() {
        #expect(throws: JSONParseError.self) { try JSONParser(duplicateKeys: .reject).parse(#"{"a": {"b": 1, "c": [], "b": 2}}"#) }
        #expect((try? JSONParser().parse(#"{"a": {"b": 1, "b": 2}}"#)) == ["a": ["b": 2]])
    }
}
