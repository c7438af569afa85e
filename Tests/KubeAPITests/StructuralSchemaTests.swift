import Testing

@testable import KubeAPI

/// The apiserver's messages, keyword by keyword, on a small schema.
@Suite struct StructuralSchemaTests {
    static let spec: JSONSchemaProps = .object(
        required: ["name"],
        properties: [
            "name": .string(pattern: "^[a-z]+$", minLength: 2, maxLength: 5),
            "day": .string(enum: ["monday", "tuesday"]),
            "version": .integer(enum: [1, 2]),
            "count": .integer(minimum: 1, maximum: 10),
            "ratio": JSONSchemaProps(type: .number, minimum: 0, maximum: 1, exclusiveMinimum: true, exclusiveMaximum: true),
            "big": .integer(minimum: 1_048_576),
            "list": .array(of: .object(required: ["email"], properties: ["email": .string()]), minItems: 1, maxItems: 2),
            "set": JSONSchemaProps(type: .array, uniqueItems: true, items: .string()),
            "tags": .map(values: .string(maxLength: 3)),
            "limited": JSONSchemaProps(type: .object, maxProperties: 1, additionalProperties: .string()),
            "free": JSONSchemaProps(type: .object, preserveUnknownFields: true),
            "optional": JSONSchemaProps(type: .string, nullable: true),
            "flag": .boolean(default: true),
            "port": JSONSchemaProps(intOrString: true),
            "nested": .object(properties: ["inner": .string(default: "x")]),
        ]
    )

    static let schema = try! StructuralSchema(.object(properties: ["spec": spec]))

    func messages(_ spec: JSONValue, old: JSONValue? = nil) -> [String] {
        var object: JSONValue = ["spec": spec]
        Self.schema.applyDefaults(&object)
        return Self.schema.validate(object, old: old.map { ["spec": $0] }).map(\.description)
    }

    @Test func validObjectHasNoErrors() {
        #expect(messages(["name": "abc", "count": 10, "list": [["email": "a"]], "tags": ["a": "xyz"], "port": 80]) == [])
        #expect(messages(["name": "abc", "port": "http", "optional": nil, "ratio": 0.5]) == [])
    }

    @Test func required() {
        #expect(messages([:]) == ["spec.name: Required value"])
        #expect(messages(["name": "ab", "list": [[:]]]) == ["spec.list[0].email: Required value"])
    }

    @Test func typeErrorsNameTheReceivedType() {
        #expect(messages(["name": 5]) == [#"spec.name: Invalid value: "integer": spec.name in body must be of type string: "integer""#])
        #expect(messages(["name": "ab", "count": 1.5]) == [#"spec.count: Invalid value: "number": spec.count in body must be of type integer: "number""#])
        #expect(messages(["name": "ab", "list": "x"]) == [#"spec.list: Invalid value: "string": spec.list in body must be of type array: "string""#])
        #expect(messages(["name": "ab", "port": true]) == [#"spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean""#])
        #expect(messages(["name": "ab", "set": [nil]]) == [#"spec.set[0]: Invalid value: "null": spec.set[0] in body must be of type string: "null""#])
    }

    @Test func wholeNumberFloatsAreIntegers() {
        #expect(messages(["name": "ab", "count": 2.0]) == [])
    }

    @Test func stringLengthsCountCharactersAndStopAtFirstFailure() {
        #expect(messages(["name": "abcde"]) == [])
        #expect(messages(["name": "abcdef"]) == ["spec.name: Too long: may not be longer than 5"])
        #expect(messages(["name": "a"]) == [#"spec.name: Invalid value: "a": spec.name in body should be at least 2 chars long"#])
        #expect(messages(["name": "A1"]) == [#"spec.name: Invalid value: "A1": spec.name in body should match '^[a-z]+$'"#])
        // Too long and not matching: only the length is reported, as kube-openapi does.
        #expect(messages(["name": "ABCDEFG"]) == ["spec.name: Too long: may not be longer than 5"])
        // Three characters of up to four UTF-8 bytes each still fit a maxLength of 3.
        #expect(messages(["name": "ab", "tags": ["k": "ééé"]]) == [])
        #expect(messages(["name": "ab", "tags": ["k": "😀😀😀😀"]]) == ["spec.tags.k: Too long: may not be longer than 3"])
    }

    @Test func patternDollarDoesNotMatchBeforeATrailingNewline() {
        #expect(messages(["name": "ab\n"]) == [#"spec.name: Invalid value: "ab\n": spec.name in body should match '^[a-z]+$'"#])
    }

    @Test func enums() {
        #expect(messages(["name": "ab", "day": "Monday"]) == [#"spec.day: Unsupported value: "Monday": supported values: "monday", "tuesday""#])
        #expect(messages(["name": "ab", "version": 3]) == [#"spec.version: Unsupported value: 3: supported values: "1", "2""#])
        #expect(messages(["name": "ab", "version": 2]) == [])
    }

    @Test func numericBounds() {
        #expect(messages(["name": "ab", "count": 0]) == ["spec.count: Invalid value: 0: spec.count in body should be greater than or equal to 1"])
        #expect(messages(["name": "ab", "count": 11]) == ["spec.count: Invalid value: 11: spec.count in body should be less than or equal to 10"])
        #expect(messages(["name": "ab", "ratio": 0]) == ["spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0"])
        #expect(messages(["name": "ab", "ratio": 1.0]) == ["spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1"])
        // Integer data prints the bound as an integer, float data as Go's %v of a float64.
        #expect(messages(["name": "ab", "big": 5]) == ["spec.big: Invalid value: 5: spec.big in body should be greater than or equal to 1048576"])
        #expect(messages(["name": "ab", "big": 5.5]) == [
            #"spec.big: Invalid value: "number": spec.big in body must be of type integer: "number""#,
        ])
    }

    @Test func arrays() {
        #expect(messages(["name": "ab", "list": []]) == ["spec.list: Invalid value: 0: spec.list in body should have at least 1 items"])
        #expect(messages(["name": "ab", "list": [["email": "a"], ["email": "b"], ["email": "c"]]]) == ["spec.list: Too many: 3: must have at most 2 items"])
        #expect(messages(["name": "ab", "set": ["a", "a"]]) == [#"spec.set: Invalid value: ["a","a"]: spec.set in body shouldn't contain duplicates"#])
    }

    @Test func maps() {
        #expect(messages(["name": "ab", "limited": ["a": "1", "b": "2"]]) == ["spec.limited: Too many: 2: must have at most 1 items"])
        #expect(messages(["name": "ab", "tags": ["k": 1]]) == [#"spec.tags.k: Invalid value: "integer": spec.tags.k in body must be of type string: "integer""#])
    }

    @Test func everyErrorIsReported() {
        let errors = messages(["day": "x", "count": 99, "list": []])
        #expect(errors.count == 4)
        #expect(errors.contains("spec.name: Required value"))
    }

    @Test func nullsOfNonNullableFieldsAreDropped() {
        // A null required field is removed, then reported as missing.
        #expect(messages(["name": nil]) == ["spec.name: Required value"])
        var object: JSONValue = ["spec": ["name": "ab", "day": nil, "flag": nil, "optional": nil]]
        Self.schema.applyDefaults(&object)
        #expect(object["spec"]?["day"] == nil)
        #expect(object["spec"]?["flag"] == .bool(true))
        #expect(object["spec"]?["optional"] == .null)
    }

    @Test func defaultsFillOnlyExistingParents() {
        var object: JSONValue = ["spec": ["name": "ab"]]
        Self.schema.applyDefaults(&object)
        #expect(object["spec"]?["flag"] == .bool(true))
        #expect(object["spec"]?["nested"] == nil)
        object = ["spec": ["name": "ab", "nested": [:]]]
        Self.schema.applyDefaults(&object)
        #expect(object["spec"]?["nested"]?["inner"] == .string("x"))
    }

    @Test func pruningReportsUnknownFieldsSorted() {
        var object: JSONValue = [
            "apiVersion": "v1", "kind": "K",
            "metadata": ["name": "x", "bogus": 1],
            "spec": ["name": "ab", "zzz": 1, "aaa": 2, "list": [["email": "e", "extra": true]], "free": ["any": ["thing": 1]], "tags": ["anything": "ok"]],
            "topLevel": 1,
        ]
        let unknown = Self.schema.pruneUnknownFields(&object)
        #expect(unknown == ["metadata.bogus", "spec.aaa", "spec.list[0].extra", "spec.zzz", "topLevel"])
        #expect(object["spec"]?["free"] == ["any": ["thing": 1]])
        #expect(object["spec"]?["tags"] == ["anything": "ok"])
        #expect(object["metadata"] == ["name": "x"])
        #expect(object["apiVersion"] == "v1")
        #expect(object["topLevel"] == nil)
    }

    @Test func admitRunsTheWholeWritePath() {
        let admission = Self.schema.admit(["metadata": ["name": "Bad_Name"], "spec": ["name": "ab", "x": 1]])
        #expect(admission.unknownFields == ["spec.x"])
        #expect(admission.object["spec"]?["flag"] == .bool(true))
        #expect(admission.errors.map(\.description) == [
            #"metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#,
        ])
        #expect(Self.schema.admit(["metadata": [:], "spec": ["name": "ab"]]).errors.map(\.description) == [
            "metadata.name: Required value: name or generateName is required",
        ])
        #expect(Self.schema.admit(["metadata": ["generateName": "kc-"], "spec": ["name": "ab"]]).errors == [])
    }

    @Test func unsupportedKeywordsAreRejectedWhenLoading() throws {
        #expect(throws: SchemaLoadError.self) { try JSONSchemaProps(json: ["type": "object", "allOf": []]) }
        #expect(throws: SchemaLoadError.self) { try JSONSchemaProps(json: ["type": "strin"]) }
        #expect(throws: SchemaLoadError.self) { try StructuralSchema(.string(pattern: "([")) }
    }

    @Test func schemaJSONRoundTrips() throws {
        let json = Self.spec.json
        #expect(try JSONSchemaProps(json: json) == Self.spec)
    }
}
