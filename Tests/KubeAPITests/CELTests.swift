import Testing

@testable import KubeAPI

@Suite struct CELTests {
    @Test(arguments: [
        "self == oldSelf",
        "!(has(self.a) && has(self.b))",
        "!has(oldSelf.x) || has(self.x)",
        "size(self) <= 3 && self.size() >= 1",
        "self.name.matches('^[a-z]+$')",
        "self != 'x' || self == \"y\"",
    ])
    func supportedRulesParse(rule: String) throws {
        _ = try CELExpression(parsing: rule)
    }

    @Test(arguments: [
        "self.all(self, self > 0)",
        "self.all(x)",
        "x > 0 && self.all(x, x > 0)",
        "self.startsWith('a')",
        "self * 2 == 2",
        "unknownVar == 1",
        "self == ",
        "object.spec == 1",
        "int(self) == 1",
    ])
    func unsupportedRulesFailToParse(rule: String) {
        #expect(throws: CELError.self) { try CELExpression(parsing: rule) }
    }

    /// The `all` and `exists` macros, as the reference's KafkaSchema CRD uses them: over a list's
    /// elements or a map's keys, nested, reading the variables around them.
    @Test func quantifiers() throws {
        let rule = "!has(self.spec.references) || self.spec.references.all(r, !has(r.kafkaSchemaRef) || r.kafkaSchemaRef.name != self.metadata.name)"
        func holds(_ source: String, _ value: JSONValue) throws -> Bool {
            try CELExpression(parsing: source).evaluate(self: value, oldSelf: nil)
        }
        let own: JSONValue = ["metadata": ["name": "s"], "spec": ["references": [["kafkaSchemaRef": ["name": "other"]], ["name": "plain"]]]]
        #expect(try holds(rule, own))
        let selfReference: JSONValue = ["metadata": ["name": "s"], "spec": ["references": [["kafkaSchemaRef": ["name": "other"]], ["kafkaSchemaRef": ["name": "s"]]]]]
        #expect(try !holds(rule, selfReference))
        #expect(try holds(rule, ["metadata": ["name": "s"], "spec": [:]]))
        #expect(try holds("self.all(x, x > 0)", []), "all of nothing")
        #expect(try !holds("self.exists(x, x > 0)", []), "exists in nothing")
        #expect(try holds("self.exists(x, x == 2) && !self.all(x, x == 2)", [1, 2, 3]))
        #expect(try holds("self.all(k, k.matches('^[a-z]+$'))", ["ab": 1, "cd": 2]), "a map's keys")
        #expect(try holds("self.all(row, row.all(x, x < size(row)))", [[0, 1], [1, 0]]), "nested")
        #expect(throws: CELError.self) { try holds("self.all(x, x > 0)", "not a list") }
    }

    @Test func admissionPolicySyntax() throws {
        let variables: Set<CELVariable> = [.object, .oldObject, .request]
        let object: JSONValue = ["metadata": ["name": "kc"], "spec": ["plan": "business-4", "tags": ["a", "b"]]]
        let bindings: [CELVariable: JSONValue] = [.object: object, .oldObject: .null, .request: ["operation": "CREATE"]]
        func evaluate(_ source: String) throws -> JSONValue {
            try CELExpression(parsing: source, variables: variables).evaluate(bindings)
        }
        #expect(try evaluate("'name ' + object.metadata.name + '!'") == "name kc!")
        #expect(try evaluate("object.spec.plan in ['business-4', 'business-8']") == true)
        #expect(try evaluate("'c' in object.spec.tags") == false)
        #expect(try evaluate("'plan' in object.spec") == true)
        #expect(try evaluate("request.operation == 'DELETE' ? 1 : size(object.spec.tags) + 1") == 3)
        #expect(try evaluate("oldObject == null") == true)
        #expect(throws: CELError.self) { try evaluate("oldObject.spec") }
        #expect(throws: CELError.self) { try CELExpression(parsing: "self == 1", variables: variables) }
        #expect(throws: CELError.self) { try CELExpression(parsing: "object == 1") }
    }

    @Test func unsupportedRuleFailsSchemaLoading() {
        let schema = JSONSchemaProps.object(properties: ["a": .string()], rules: [ValidationRule(rule: "self.a.startsWith('x')")])
        do {
            _ = try StructuralSchema(.object(properties: ["spec": schema]))
            Issue.record("unsupported rule accepted")
        } catch {
            #expect(error.path == "openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule")
        }
    }

    @Test func evaluation() throws {
        let exclusive = try CELExpression(parsing: "!(has(self.a) && has(self.b))")
        #expect(try exclusive.evaluate(self: ["a": 1], oldSelf: nil))
        #expect(try !exclusive.evaluate(self: ["a": 1, "b": 2], oldSelf: nil))
        let immutable = try CELExpression(parsing: "self == oldSelf")
        #expect(immutable.usesOldSelf)
        #expect(try immutable.evaluate(self: ["x": [1, 2]], oldSelf: ["x": [1.0, 2]]))
        #expect(try !immutable.evaluate(self: "a", oldSelf: "b"))
        #expect(try CELExpression(parsing: "self.name.matches('^[a-z]+$')").evaluate(self: ["name": "abc"], oldSelf: nil))
        let noNamespace = try CELExpression(parsing: "!self.name.contains('/')")
        #expect(try noNamespace.evaluate(self: ["name": "endpoint"], oldSelf: nil))
        #expect(try !noNamespace.evaluate(self: ["name": "team/endpoint"], oldSelf: nil))
        let creationOnly = try CELExpression(parsing: "has(oldSelf.x) == has(self.x)")
        #expect(creationOnly.usesOldSelf)
        #expect(try creationOnly.evaluate(self: ["x": true], oldSelf: ["x": false]))
        #expect(try !creationOnly.evaluate(self: ["x": true], oldSelf: [:]))
        #expect(throws: CELError.self) { try CELExpression(parsing: "self.missing == 1").evaluate(self: [:], oldSelf: nil) }
    }

    static let schema = try! StructuralSchema(.object(properties: [
        "spec": .object(
            properties: [
                "project": .string().immutable(),
                "list": .array(of: .string()).immutable(),
                "a": .string(),
                "b": .string(),
                "name": .string(),
            ],
            rules: [
                ValidationRule(rule: "!(has(self.a) && has(self.b))", message: "a and b are mutually exclusive"),
                ValidationRule(rule: "!has(self.name) || size(self.name) < 4"),
                ValidationRule(rule: "!has(self.name) || self.name != 'no'", reason: "FieldValueForbidden", fieldPath: ".name"),
            ]
        ),
    ]))

    func messages(_ spec: JSONValue, old: JSONValue? = nil) -> [String] {
        Self.schema.validate(["spec": spec], old: old.map { ["spec": $0] }).map(\.description)
    }

    @Test func transitionRulesRunOnlyOnUpdate() {
        #expect(messages(["project": "p", "list": ["x"]]) == [])
        #expect(messages(["project": "q"], old: ["project": "p"]) == [#"spec.project: Invalid value: "string": Value is immutable"#])
        #expect(messages(["project": "p", "list": ["y"]], old: ["project": "p", "list": ["x"]]) == [#"spec.list: Invalid value: "array": Value is immutable"#])
        // No old value at that place: nothing to compare, the rule is skipped.
        #expect(messages(["project": "p"], old: [:]) == [])
        #expect(messages(["project": "p"], old: ["project": "p"]) == [])
    }

    @Test func messagesAndReasons() {
        #expect(messages(["a": "1", "b": "2"]) == [#"spec: Invalid value: "object": a and b are mutually exclusive"#])
        #expect(messages(["name": "long"]) == [#"spec: Invalid value: "object": failed rule: !has(self.name) || size(self.name) < 4"#])
        #expect(messages(["name": "no"]) == ["spec.name: Forbidden: !has(self.name) || self.name != 'no'".replacingOccurrences(of: ": !has", with: ": failed rule: !has")])
    }

    @Test func rulesDoNotRunOnAnObjectWithSchemaErrors() {
        #expect(messages(["a": 1, "b": "2"]) == [
            #"spec.a: Invalid value: "integer": spec.a in body must be of type string: "integer""#,
            #"<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"#,
        ])
    }
}

import Foundation
