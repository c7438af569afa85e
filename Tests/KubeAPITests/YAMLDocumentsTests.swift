import Testing

@testable import KubeAPI

@Suite struct YAMLDocumentsTests {
    func load(_ text: String) throws -> JSONValue {
        let documents = try YAMLDocuments.load(text)
        try #require(documents.count == 1)
        return documents[0]
    }

    @Test func scalarsFollowKubectl() throws {
        let value = try load("""
            int: 2147483648
            big: 99999999999999999999
            float: 1.5
            quotedNumber: "10"
            singleQuoted: '0x1F'
            yesWord: yes
            onWord: On
            yLetter: y
            quotedYes: "yes"
            offWord: off
            noWord: NO
            null1: ~
            null2:
            time: 12:00:00
            date: 2001-12-14
            octal: 017
            notOctal: 09
            hex: 0x1F
            underscore: 1_000
            negative: -42
            text: hello world
            """)
        #expect(value["int"] == .integer(2_147_483_648))
        #expect(value["big"] == .number(1e20))
        #expect(value["float"] == .number(1.5))
        #expect(value["quotedNumber"] == .string("10"))
        #expect(value["singleQuoted"] == .string("0x1F"))
        #expect(value["yesWord"] == .bool(true))
        #expect(value["onWord"] == .bool(true))
        #expect(value["yLetter"] == .bool(true))
        #expect(value["quotedYes"] == .string("yes"))
        #expect(value["offWord"] == .bool(false))
        #expect(value["noWord"] == .bool(false))
        #expect(value["null1"] == .null)
        #expect(value["null2"] == .null)
        #expect(value["time"] == .string("12:00:00"))
        #expect(value["date"] == .string("2001-12-14"))
        #expect(value["octal"] == .integer(15))
        #expect(value["notOctal"] == .number(9))
        #expect(value["hex"] == .integer(31))
        #expect(value["underscore"] == .integer(1000))
        #expect(value["negative"] == .integer(-42))
        #expect(value["text"] == .string("hello world"))
    }

    @Test func multipleDocumentsSkipEmptyOnes() throws {
        let documents = try YAMLDocuments.load("---\na: 1\n---\n---\n# only a comment\n---\n- b\n...\n")
        #expect(documents == [["a": 1], ["b"]])
    }

    @Test func jsonIsYAML() throws {
        #expect(try load(#"{"a": [1, 2.5, "x"], "b": null}"#) == ["a": [1, 2.5, "x"], "b": nil])
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let value = try load("""
            base: &base {plan: business-4, cloud: aws}
            copy: *base
            merged:
              <<: *base
              plan: startup-4
            """)
        #expect(value["copy"] == ["plan": "business-4", "cloud": "aws"])
        #expect(value["merged"] == ["plan": "startup-4", "cloud": "aws"])
    }

    @Test func nonStringKeysBecomeStrings() throws {
        #expect(try load("1: a\ntrue: b\nnull: c") == ["1": "a", "true": "b", "null": "c"])
    }

    @Test func brokenYAMLReportsLineAndColumn() {
        do {
            _ = try YAMLDocuments.load("a: 1\nb: [1, 2\nc: 3\n")
            Issue.record("broken YAML accepted")
        } catch {
            #expect(error.line != nil)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("yaml: line "))
        }
    }

    @Test func duplicateKeysAreRejectedWithTheirLine() {
        do {
            _ = try YAMLDocuments.load("a: 1\nb: 2\na: 3\n")
            Issue.record("duplicate key accepted")
        } catch {
            #expect(error.description.contains(#"mapping key "a" already defined"#))
            #expect(error.line != nil)
        }
    }

    @Test func aliasBombIsAnError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        #expect(throws: YAMLLoadError.self) { try YAMLDocuments.load(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: YAMLLoadError.self) { try YAMLDocuments.load(text) }
    }

    @Test func garbageNeverCrashes() {
        let inputs = ["\u{00}\u{01}", "key: [", "{a: b", "- a\nb: c", "a: 'x", "\t- tab", "%YAML 9.9\n---\na", "a: .inf", "*nope"]
        for input in inputs {
            #expect(throws: YAMLLoadError.self, "\(input.debugDescription)") { try YAMLDocuments.load(input) }
        }
    }

    @Test func writerOutputReadsBackIdentically() throws {
        let value: JSONValue = [
            "strings": ["yes", "no", "on", "y", "12:00:00", "", " padded", "a: b", "#x", "-x", "1e3", "0x10", "null", "~", "ok", "multi\nline", "é"],
            "numbers": [1, -2, 2.5, 2_147_483_648],
            "nested": [["a": [:], "b": []], ["c": nil]],
            "flag": true,
        ]
        let text = YAMLWriter.string(value)
        #expect(try YAMLDocuments.load(text) == [value])
    }

    /// Issue 13 item 6: a chain of merge keys used to be expanded level by level (112 s for
    /// 75 KB); now each anchor's size is known once and the document is refused as it grows.
    @Test func mergeKeyChainIsRefusedBeforeExpanding() {
        var text = "a0: &a0 {k0: v}\n"
        for level in 1..<3_000 { text += "a\(level): &a\(level) {<<: *a\(level - 1), k\(level): v}\n" }
        do {
            _ = try YAMLDocuments.load(text)
            Issue.record("merge-key chain accepted")
        } catch {
            #expect(error.description.contains("document contains excessive aliasing"))
        }
    }

    @Test func hugeFlowSequenceIsRefusedAtTheNodeLimit() {
        let text = "[" + String(repeating: "1,", count: YAMLDocuments.maxNodes + 10) + "1]"
        do {
            _ = try YAMLDocuments.load(text)
            Issue.record("oversized document accepted")
        } catch {
            #expect(error.description.hasSuffix("document has more than \(YAMLDocuments.maxNodes) nodes"))
        }
    }

    @Test func mergeKeysAndAliasesKeepTheirMeaning() throws {
        let value = try load("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            both:
              <<: [*one, *two]
              c: 3
            list: &list [x, z]
            again: *list
            key: &key k
            *key : aliased key
            """)
        #expect(value["both"] == ["a": 1, "b": 1, "c": 3])
        #expect(value["again"] == ["x", "z"])
        #expect(value["k"] == "aliased key")
        #expect(throws: YAMLLoadError.self) { try YAMLDocuments.load("a: &a [1]\nb: {<<: *a}\n") }
        #expect(throws: YAMLLoadError.self) { try YAMLDocuments.load("? [a]\n: b\n") }
        // Anchors belong to their document.
        #expect(throws: YAMLLoadError.self) { try YAMLDocuments.load("a: &a 1\n---\nb: *a\n") }
    }
}
