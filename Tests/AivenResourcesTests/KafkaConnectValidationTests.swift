import AivenResources
import KubeAPI
import Testing

/// Every constraint of the KafkaConnect spec at, below and above its bound, with the apiserver's
/// full message.
@Suite struct KafkaConnectValidationTests {
    static let kind = AivenKinds.kafkaConnect
    static let spec = KafkaConnect.specSchema
    static let blockedRules =
        #"<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"#

    /// Validates a KafkaConnect whose spec is `spec`.
    static func errors(_ spec: JSONValue, old: JSONValue? = nil) -> [String] {
        let object: JSONValue = ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["name": "kc"], "spec": spec]
        let oldObject: JSONValue? = old.map { ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["name": "kc"], "spec": $0] }
        let admission = kind.schema.admit(object, old: oldObject)
        return admission.unknownFields.map { "unknown field \"\($0)\"" } + admission.errors.map(\.description)
    }

    /// A spec that is valid with `value` at `path`.
    static func spec(with value: JSONValue, at path: [SchemaSamples.Step]) -> JSONValue {
        SchemaSamples.setting(value, at: path, in: SchemaSamples.minimal(spec), schema: spec)
    }

    static let constrained = SchemaSamples.nodes(spec).filter { !$0.path.isEmpty }

    @Test func minimalSpecIsValid() {
        #expect(Self.errors(SchemaSamples.minimal(Self.spec)) == [])
        #expect(SchemaSamples.minimal(Self.spec) == ["plan": "a", "project": "a"])
    }

    @Test func maxLengthAtAndAboveTheBound() {
        var checked = 0
        for (path, schema) in Self.constrained {
            guard let maxLength = schema.maxLength else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            let atBound = String(repeating: "a", count: Int(maxLength))
            #expect(Self.errors(Self.spec(with: .string(atBound), at: path)) == [], "\(field)")
            #expect(Self.errors(Self.spec(with: .string(atBound + "a"), at: path)) == [
                "\(field): Too long: may not be longer than \(maxLength)", Self.blockedRules,
            ])
            checked += 1
        }
        #expect(checked == 19, "the seed's 15, and the reference's since: secret_providers[].azure client_id, secret, tenant_id and vault.server_pem")
    }

    @Test func maxLengthCountsCharactersNotBytes() {
        let path: [SchemaSamples.Step] = [.member("plan")]
        #expect(Self.errors(Self.spec(with: .string(String(repeating: "é", count: 128)), at: path)) == [])
        #expect(Self.errors(Self.spec(with: .string(String(repeating: "😀", count: 129)), at: path)).first == "spec.plan: Too long: may not be longer than 128")
    }

    @Test func minLengthAtAndBelowTheBound() {
        var checked = 0
        for (path, schema) in Self.constrained {
            guard let minLength = schema.minLength else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            #expect(Self.errors(Self.spec(with: .string(String(repeating: "a", count: Int(minLength))), at: path)) == [], "\(field)")
            let short = String(repeating: "a", count: Int(minLength) - 1)
            #expect(Self.errors(Self.spec(with: .string(short), at: path)) == [
                "\(field): Invalid value: \(GoFormat.quote(short)): \(field) in body should be at least \(minLength) chars long",
            ])
            checked += 1
        }
        #expect(checked == 6, "the seed has 6 MinLength constraints")
    }

    @Test func patterns() {
        var checked = 0
        for (path, schema) in Self.constrained {
            guard let pattern = schema.pattern else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            #expect(Self.errors(Self.spec(with: .string(SchemaSamples.validSample(matching: pattern)), at: path)) == [], "\(field)")
            #expect(Self.errors(Self.spec(with: "bad\n.", at: path)) == [
                "\(field): Invalid value: \"bad\\n.\": \(field) in body should match '\(pattern)'",
            ])
            checked += 1
        }
        #expect(checked == 5, "the seed's 3, and the reference's since: technicalEmails[].email and secret_providers[].name")
        #expect(Self.errors(["plan": "p", "project": "my.project"]) == [
            #"spec.project: Invalid value: "my.project": spec.project in body should match '^[a-zA-Z0-9_-]+$'"#,
        ])
        // A version string with a trailing newline does not slip past `$`.
        let pluginPath: [SchemaSamples.Step] = [.member("userConfig"), .member("plugin_versions"), .firstItem, .member("version")]
        #expect(Self.errors(Self.spec(with: "1.0\n", at: pluginPath)).count == 1)
    }

    @Test func enumsAcceptEachValueAndRejectOthers() {
        var checked = 0
        for (path, schema) in Self.constrained {
            guard let values = schema.enum else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            for value in values {
                #expect(Self.errors(Self.spec(with: value, at: path)) == [], "\(field) = \(value)")
            }
            let supported = values.map { GoFormat.quote($0.stringValue ?? $0.jsonString) }.joined(separator: ", ")
            let bad: JSONValue = schema.type == .integer ? 3 : "Monday"
            #expect(Self.errors(Self.spec(with: bad, at: path)) == [
                "\(field): Unsupported value: \(GoFormat.value(bad)): supported values: \(supported)", Self.blockedRules,
            ])
            checked += 1
        }
        #expect(checked == 10, "the seed's 9, and the reference's since: secret_providers[].azure.auth_method")
        #expect(Self.errors(["plan": "p", "project": "p", "maintenanceWindowDow": "Monday"]) == [
            #"spec.maintenanceWindowDow: Unsupported value: "Monday": supported values: "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday""#,
            Self.blockedRules,
        ])
    }

    @Test func numericBoundsAtBelowAndAbove() {
        var checked = 0
        for (path, schema) in Self.constrained where schema.type == .integer {
            let field = SchemaSamples.render(path, root: "spec")
            if let minimum = schema.minimum.map({ Int64($0) }) {
                #expect(Self.errors(Self.spec(with: .integer(minimum), at: path)) == [], "\(field)")
                #expect(Self.errors(Self.spec(with: .integer(minimum - 1), at: path)) == [
                    "\(field): Invalid value: \(minimum - 1): \(field) in body should be greater than or equal to \(minimum)",
                ])
                checked += 1
            }
            if let maximum = schema.maximum.map({ Int64($0) }) {
                #expect(Self.errors(Self.spec(with: .integer(maximum), at: path)) == [], "\(field)")
                #expect(Self.errors(Self.spec(with: .integer(maximum + 1), at: path)) == [
                    "\(field): Invalid value: \(maximum + 1): \(field) in body should be less than or equal to \(maximum)",
                ])
                checked += 1
            }
            #expect(Self.errors(Self.spec(with: "1", at: path)).first
                == "\(field): Invalid value: \"string\": \(field) in body must be of type integer: \"string\"")
        }
        #expect(checked == 24, "the seed has 12 Minimum and 12 Maximum constraints")
        // 2147483647 is the largest consumer_max_poll_interval_ms; 2147483648 is one too many.
        let pollInterval: [SchemaSamples.Step] = [.member("userConfig"), .member("kafka_connect"), .member("consumer_max_poll_interval_ms")]
        #expect(Self.errors(Self.spec(with: 2_147_483_648, at: pollInterval)) == [
            "spec.userConfig.kafka_connect.consumer_max_poll_interval_ms: Invalid value: 2147483648: spec.userConfig.kafka_connect.consumer_max_poll_interval_ms in body should be less than or equal to 2147483647",
        ])
        let pollRecords: [SchemaSamples.Step] = [.member("userConfig"), .member("kafka_connect"), .member("consumer_max_poll_records")]
        #expect(Self.errors(Self.spec(with: 20000, at: pollRecords)) == [
            "spec.userConfig.kafka_connect.consumer_max_poll_records: Invalid value: 20000: spec.userConfig.kafka_connect.consumer_max_poll_records in body should be less than or equal to 10000",
        ])
    }

    @Test func maxItemsAtAndAboveTheBound() {
        var checked = 0
        for (path, schema) in Self.constrained {
            guard let maxItems = schema.maxItems, let items = schema.items else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            let item = SchemaSamples.minimal(items)
            // serviceIntegrations items must differ to stay valid; distinct strings do for every list.
            #expect(Self.errors(Self.spec(with: .array(Array(repeating: item, count: Int(maxItems))), at: path)) == [], "\(field)")
            #expect(Self.errors(Self.spec(with: .array(Array(repeating: item, count: Int(maxItems) + 1)), at: path)) == [
                "\(field): Too many: \(maxItems + 1): must have at most \(maxItems) items", Self.blockedRules,
            ])
            checked += 1
        }
        #expect(checked == 5, "the seed's 4, and the reference's since: preferred_zones")
        let emails: JSONValue = .array(Array(repeating: ["email": "ops@example.com"], count: 11))
        #expect(Self.errors(["plan": "p", "project": "p", "technicalEmails": emails]).first == "spec.technicalEmails: Too many: 11: must have at most 10 items")
    }

    @Test func requiredFields() {
        #expect(Self.errors([:]) == ["spec.plan: Required value", "spec.project: Required value", Self.blockedRules])
        #expect(Self.errors(["plan": "p", "project": "p", "authSecretRef": ["name": "s"]]) == ["spec.authSecretRef.key: Required value", Self.blockedRules])
        #expect(Self.errors(["plan": "p", "project": "p", "userConfig": ["ip_filter": [["description": "x"]]]]) == [
            "spec.userConfig.ip_filter[0].network: Required value", Self.blockedRules,
        ])
        #expect(Self.kind.schema.admit(["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["name": "kc"]]).errors.map(\.description) == [
            "spec: Required value", Self.blockedRules,
        ])
    }

    @Test func tagsAreAStringMap() {
        #expect(Self.errors(["plan": "p", "project": "p", "tags": ["env": "test", "team": ""]]) == [])
        #expect(Self.errors(["plan": "p", "project": "p", "tags": ["count": 1]]).first
            == #"spec.tags.count: Invalid value: "integer": spec.tags.count in body must be of type string: "integer""#)
    }

    @Test func unknownFieldsAreReported() {
        #expect(Self.errors(["plan": "p", "project": "p", "plann": "x", "userConfig": ["kafka_connect": ["bogus": 1]]]) == [
            #"unknown field "spec.plann""#, #"unknown field "spec.userConfig.kafka_connect.bogus""#,
        ])
    }

    @Test func projectAndServiceIntegrationsAreImmutable() {
        let base: JSONValue = ["plan": "p", "project": "a", "serviceIntegrations": [["integrationType": "read_replica", "sourceServiceName": "src"]]]
        #expect(Self.errors(base) == [])
        #expect(Self.errors(base, old: base) == [])
        var changed = base
        changed["project"] = "b"
        changed["plan"] = "q"
        #expect(Self.errors(changed, old: base) == [#"spec.project: Invalid value: "string": Value is immutable"#])
        var moved = base
        moved["serviceIntegrations"] = [["integrationType": "read_replica", "sourceServiceName": "other"]]
        #expect(Self.errors(moved, old: base) == [#"spec.serviceIntegrations: Invalid value: "array": Value is immutable"#])
        var removed = base
        removed["serviceIntegrations"] = nil
        // Removing the list leaves no new value to compare: the apiserver's rule does not fire either.
        #expect(Self.errors(removed, old: base) == [])
    }

    /// The reference CRD accepts both (its webhook, which refused them, is gone); projectVpcId wins.
    @Test func projectVpcIdAndRefAreAcceptedTogether() {
        #expect(Self.errors(["plan": "p", "project": "p", "projectVpcId": "v"]) == [])
        #expect(Self.errors(["plan": "p", "project": "p", "projectVPCRef": ["name": "vpc"]]) == [])
        #expect(Self.errors(["plan": "p", "project": "p", "projectVpcId": "v", "projectVPCRef": ["name": "vpc"]]) == [])
    }

    @Test func poweredDefaultsToTrue() {
        let object: JSONValue = ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["name": "kc"], "spec": ["plan": "p", "project": "p"]]
        #expect(Self.kind.schema.admit(object).object["spec"]?["powered"] == true)
        var off = object
        off["spec"]?["powered"] = false
        #expect(Self.kind.schema.admit(off).object["spec"]?["powered"] == false)
    }
}

@Suite struct ProjectVPCValidationTests {
    static func errors(_ spec: JSONValue, old: JSONValue? = nil) -> [String] {
        func object(_ spec: JSONValue) -> JSONValue {
            ["apiVersion": "aiven.io/v1alpha1", "kind": "ProjectVPC", "metadata": ["name": "vpc"], "spec": spec]
        }
        return AivenKinds.projectVPC.schema.admit(object(spec), old: old.map(object)).errors.map(\.description)
    }

    let valid: JSONValue = ["project": "p", "cloudName": "google-europe-west1", "networkCidr": "10.0.0.0/24"]

    @Test func everySpecFieldIsImmutable() {
        #expect(Self.errors(valid) == [])
        for field in ["project", "cloudName", "networkCidr"] {
            var changed = valid
            changed[field] = "changed"
            #expect(Self.errors(changed, old: valid) == ["spec.\(field): Invalid value: \"string\": Value is immutable"])
        }
    }

    @Test func requiredAndBounded() {
        #expect(Self.errors(["project": "p"]).prefix(2) == ["spec.cloudName: Required value", "spec.networkCidr: Required value"])
        var long = valid
        long["networkCidr"] = .string(String(repeating: "1", count: 37))
        #expect(Self.errors(long).first == "spec.networkCidr: Too long: may not be longer than 36")
    }
}
