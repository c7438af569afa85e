import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import Testing

/// The Kafka pipeline kinds (`Kafka`, `KafkaTopic`, `ServiceIntegration`, `KafkaConnector`): every
/// constraint of each schema at, below and above its bound, with the apiserver's messages, and each
/// reference page reproduced from the schema.
@Suite struct PipelineKindsValidationTests {
    static let kinds = ["Kafka", "KafkaTopic", "ServiceIntegration", "KafkaConnector"]

    static func kind(_ name: String) -> ResourceKind {
        Operator.definitions.kind(named: name)!
    }

    static func specSchema(_ name: String) -> JSONSchemaProps {
        kind(name).rootSchema.properties["spec"]!
    }

    /// Admission errors of an object of kind `name` whose spec is `spec` (an update when `old` is set).
    static func errors(_ name: String, _ spec: JSONValue, old: JSONValue? = nil) -> [String] {
        func object(_ spec: JSONValue) -> JSONValue {
            ["apiVersion": "aiven.io/v1alpha1", "kind": .string(name), "metadata": ["name": "x"], "spec": spec]
        }
        let admission = kind(name).schema.admit(object(spec), old: old.map(object))
        return admission.unknownFields.map { "unknown field \"\($0)\"" } + admission.errors.map(\.description)
    }

    /// The minimal spec, with a service name its pattern accepts.
    static func base(_ name: String) -> JSONValue {
        var spec = SchemaSamples.minimal(specSchema(name))
        if spec["serviceName"] != nil { spec["serviceName"] = "my-service" }
        return spec
    }

    static func spec(_ name: String, with value: JSONValue, at path: [SchemaSamples.Step]) -> JSONValue {
        SchemaSamples.setting(value, at: path, in: base(name), schema: specSchema(name))
    }

    static func constrained(_ name: String) -> [(path: [SchemaSamples.Step], schema: JSONSchemaProps)] {
        SchemaSamples.nodes(specSchema(name)).filter { !$0.path.isEmpty }
    }

    @Test(arguments: kinds)
    func minimalSpecIsValidAndEmptySpecNamesTheRequiredFields(name: String) {
        #expect(Self.errors(name, Self.base(name)) == [])
        let required = Self.specSchema(name).required.sorted().map { "spec.\($0): Required value" }
        #expect(Array(Self.errors(name, [:]).prefix(required.count)) == required)
    }

    @Test(arguments: kinds)
    func maxLengthAtAndAboveTheBound(name: String) {
        for (path, schema) in Self.constrained(name) {
            guard let maxLength = schema.maxLength, schema.pattern == nil else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            let atBound = String(repeating: "a", count: Int(maxLength))
            #expect(Self.errors(name, Self.spec(name, with: .string(atBound), at: path)) == [], "\(field)")
            #expect(Self.errors(name, Self.spec(name, with: .string(atBound + "a"), at: path)).contains(
                "\(field): Too long: may not be longer than \(maxLength)"
            ))
        }
    }

    @Test(arguments: kinds)
    func minLengthBelowTheBound(name: String) {
        for (path, schema) in Self.constrained(name) {
            guard let minLength = schema.minLength else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            let short = String(repeating: "a", count: Int(minLength) - 1)
            #expect(Self.errors(name, Self.spec(name, with: .string(short), at: path)).contains(
                "\(field): Invalid value: \(GoFormat.quote(short)): \(field) in body should be at least \(minLength) chars long"
            ))
        }
    }

    @Test(arguments: kinds)
    func patternsRejectNewlines(name: String) {
        for (path, schema) in Self.constrained(name) {
            guard let pattern = schema.pattern, schema.enum == nil else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            #expect(Self.errors(name, Self.spec(name, with: "bad\n.", at: path)).contains(
                "\(field): Invalid value: \"bad\\n.\": \(field) in body should match '\(pattern)'"
            ))
        }
    }

    @Test(arguments: kinds)
    func enumsAcceptEachValueAndRejectOthers(name: String) {
        for (path, schema) in Self.constrained(name) {
            guard let values = schema.enum else { continue }
            let field = SchemaSamples.render(path, root: "spec")
            for value in values {
                #expect(Self.errors(name, Self.spec(name, with: value, at: path)) == [], "\(field) = \(value)")
            }
            let supported = values.map { GoFormat.quote($0.stringValue ?? $0.jsonString) }.joined(separator: ", ")
            let bad: JSONValue = schema.type == .integer ? 5 : "Bogus"
            #expect(Self.errors(name, Self.spec(name, with: bad, at: path)).contains(
                "\(field): Unsupported value: \(GoFormat.value(bad)): supported values: \(supported)"
            ))
        }
    }

    @Test(arguments: kinds)
    func integerBoundsAtAndBeyond(name: String) {
        for (path, schema) in Self.constrained(name) where schema.type == .integer && schema.enum == nil {
            let field = SchemaSamples.render(path, root: "spec")
            if let minimum = schema.minimum.map({ Int64($0) }) {
                #expect(Self.errors(name, Self.spec(name, with: .integer(minimum), at: path)) == [], "\(field)")
                #expect(Self.errors(name, Self.spec(name, with: .integer(minimum - 1), at: path)).contains(
                    "\(field): Invalid value: \(minimum - 1): \(field) in body should be greater than or equal to \(minimum)"
                ))
            }
            if let maximum = schema.maximum.map({ Int64($0) }) {
                #expect(Self.errors(name, Self.spec(name, with: .integer(maximum), at: path)) == [], "\(field)")
                #expect(Self.errors(name, Self.spec(name, with: .integer(maximum + 1), at: path)).contains(
                    "\(field): Invalid value: \(maximum + 1): \(field) in body should be less than or equal to \(maximum)"
                ))
            }
        }
    }

    @Test(arguments: kinds)
    func immutableFieldsRefuseChanges(name: String) {
        let immutable = Self.constrained(name).filter { $0.schema.isImmutable }
        #expect(!immutable.isEmpty)
        for (path, schema) in immutable {
            let field = SchemaSamples.render(path, root: "spec")
            let old = Self.spec(name, with: Self.variant(schema, 0), at: path)
            let new = Self.spec(name, with: Self.variant(schema, 1), at: path)
            #expect(Self.errors(name, old) == [], "\(field)")
            #expect(Self.errors(name, old, old: old) == [], "\(field)")
            let message = schema.validations.first { $0.rule == JSONSchemaProps.immutableRule.rule }?.message ?? ""
            #expect(Self.errors(name, new, old: old).contains(
                "\(field): Invalid value: \"\(schema.type!.rawValue)\": \(message)"
            ))
        }
    }

    /// Two different valid values of `schema` (`which` 0 or 1).
    static func variant(_ schema: JSONSchemaProps, _ which: Int) -> JSONValue {
        if let values = schema.enum { return values[which % values.count] }
        switch schema.type {
        case .string?: return which == 0 ? "abc" : "abd"
        case .boolean?: return .bool(which == 0)
        case .integer?: return .integer((schema.minimum.map { Int64($0) } ?? 1) + Int64(which))
        case .array?: return [variant(schema.items!, which)]
        case .object?:
            var members: [String: JSONValue] = [:]
            for name in schema.required { members[name] = variant(schema.properties[name]!, which) }
            return .object(members)
        default: return .null
        }
    }

    /// Everything from `spec` down on the reference page is what the schema renders, byte for byte.
    @Test(arguments: kinds + ["ServiceIntegrationEndpoint"])
    func referencePageIsReproducedFromSpecDown(name: String) throws {
        let reference = try RepositoryFiles.read("Tests/AivenResourcesTests/Fixtures/reference-\(name.lowercased()).md")
        let generated = ReferenceDocs(Self.kind(name)).render()
        func fromSpec(_ page: String) -> String {
            guard let start = page.range(of: "## spec {: #spec }") else { return "" }
            return String(page[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(!fromSpec(reference).isEmpty)
        // Line for line, except where the reference's CRD (newer than its pages) differs from its
        // page: fields it no longer requires, and the email pattern it added.
        let (ours, theirs) = (fromSpec(generated).components(separatedBy: "\n"), fromSpec(reference).components(separatedBy: "\n"))
        #expect(ours.count == theirs.count)
        for (index, (our, their)) in zip(ours, theirs).enumerated() where our != their {
            let field = index + 2 < ours.count ? ours[index + 2] : ""
            let relaxed = their == "**Required**" && our == "**Optional**" && Self.requiredOnlyOnTheReferencePages.contains { field.contains("(#spec.\($0)-property)") }
            let emailPattern = their.hasSuffix("(string). Email address.") && our.hasSuffix("(string, Pattern: `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$`). Email address.")
            // The integration type Aiven has for an external PostgreSQL into Kafka Connect (docs/migrating.md).
            let addedType = their.replacingOccurrences(of: "`kafka_connect`, ", with: "`kafka_connect`, `kafka_connect_postgresql`, ") == our
            #expect(relaxed || emailPattern || addedType, "\(name) line \(index): ours \(our), the reference page's \(their)")
        }
    }

    /// Fields the reference pages list as required and the reference CRDs do not require.
    static let requiredOnlyOnTheReferencePages = [
        "userConfig.follower_fetching.enabled", "userConfig.tiered_storage.local_cache.size", "clickhouseKafka.tables",
        "clickhousePostgresql.databases", "datadog.redis.command_stats_enabled", "kafkaConnect.kafka_connect", "metrics.source_mysql.telegraf",
    ]

    /// Rules the reference CRDs have that the seed's era lacked.
    @Test func rulesOfTheReferenceCRDsAreEnforced() {
        let kafka: JSONValue = ["plan": "startup-4", "project": "p"]
        var disabled = kafka
        disabled["connInfoSecretTargetDisabled"] = true
        #expect(Self.errors("Kafka", disabled) == [])
        #expect(Self.errors("Kafka", disabled, old: kafka).contains { $0.contains("connInfoSecretTargetDisabled can only be set during resource creation.") })
        #expect(Self.errors("Kafka", kafka, old: disabled).contains { $0.contains("connInfoSecretTargetDisabled can only be set during resource creation.") })
        var emails = kafka
        emails["technicalEmails"] = [["email": "ops@example.com"]]
        #expect(Self.errors("Kafka", emails) == [])
        emails["technicalEmails"] = [["email": "not an address"]]
        #expect(Self.errors("Kafka", emails).first?.hasPrefix(#"spec.technicalEmails[0].email: Invalid value: "not an address""#) == true)

        let integration: JSONValue = ["project": "p", "integrationType": "kafka_logs", "sourceServiceName": "my-kafka"]
        var both = integration
        both["destinationEndpointId"] = "e-1"
        both["destinationEndpointRef"] = ["name": "endpoint"]
        #expect(Self.errors("ServiceIntegration", both).contains { $0.contains("destinationEndpointId and destinationEndpointRef are mutually exclusive") })
        both["destinationEndpointId"] = ""
        #expect(Self.errors("ServiceIntegration", both) == [])
        var namespaced = integration
        namespaced["destinationEndpointRef"] = ["name": "team/endpoint"]
        #expect(Self.errors("ServiceIntegration", namespaced).contains { $0.contains("destinationEndpointRef.name must not contain a namespace") })
    }

    /// ServiceIntegrationEndpoint: the reference's constraints and immutability, in the API
    /// server's words (its reference page is reproduced above, its CRD walked in
    /// `ReferenceCRDWalkTests`).
    @Test func serviceIntegrationEndpointConstraints() {
        let name = "ServiceIntegrationEndpoint"
        let pg: JSONValue = [
            "project": "p", "endpointType": "external_postgresql", "endpointName": "ext-pg",
            "externalPostgresql": ["host": "db", "port": 5432, "username": "u", "password": "secret-password", "ssl_mode": "require"],
        ]
        #expect(Self.errors(name, pg) == [])
        #expect(Self.errors(name, ["project": "p"]).first == "spec.endpointType: Required value")
        var bad = pg
        bad["endpointType"] = "external_nothing"
        #expect(Self.errors(name, bad).first?.hasPrefix("spec.endpointType: Unsupported value: \"external_nothing\"") == true)
        bad = pg
        bad["externalPostgresql"]?["port"] = 70000
        #expect(Self.errors(name, bad) == ["spec.externalPostgresql.port: Invalid value: 70000: spec.externalPostgresql.port in body should be less than or equal to 65535"])
        bad = pg
        bad["externalPostgresql"]?["host"] = nil
        #expect(Self.errors(name, bad).first == "spec.externalPostgresql.host: Required value")
        bad = pg
        bad["endpointName"] = .string(String(repeating: "e", count: 37))
        #expect(Self.errors(name, bad).first?.hasPrefix("spec.endpointName: Too long: may not be") == true)
        var renamed = pg
        renamed["endpointName"] = "other"
        #expect(Self.errors(name, renamed, old: pg) == ["spec.endpointName: Invalid value: \"string\": Value is immutable"])
        var retyped = pg
        retyped["endpointType"] = "external_kafka"
        #expect(Self.errors(name, retyped, old: pg).contains("spec.endpointType: Invalid value: \"string\": Value is immutable"))
        let datadog: JSONValue = ["project": "p", "endpointType": "datadog", "datadog": ["datadog_api_key": "not a key!"]]
        #expect(Self.errors(name, datadog).first?.hasPrefix("spec.datadog.datadog_api_key: Invalid value: \"not a key!\"") == true)
        let autoscaler: JSONValue = ["project": "p", "endpointType": "autoscaler", "autoscaler": ["autoscaling": [["type": "autoscale_disk", "cap_gb": 10]]]]
        #expect(Self.errors(name, autoscaler).first?.hasPrefix("spec.autoscaler.autoscaling[0].cap_gb: Invalid value: 10") == true)
        let jolokia: JSONValue = ["project": "p", "endpointType": "jolokia", "jolokia": ["basic_auth_password": "short"]]
        #expect(Self.errors(name, jolokia).first?.hasPrefix("spec.jolokia.basic_auth_password: Invalid value: \"short\"") == true)
    }

    /// KafkaSchema's rules, in the reference CRD's words: a reference is a subject and version or
    /// a `kafkaSchemaRef`, names are unique (a list-type map), references need PROTOBUF or JSON,
    /// a resource never refers to itself, and the subject and type are immutable.
    @Test func kafkaSchemaRules() {
        let schema: JSONValue = ["project": "p", "serviceName": "my-kafka", "subjectName": "s", "schema": "syntax = \"proto3\";", "schemaType": "PROTOBUF"]
        #expect(Self.errors("KafkaSchema", schema) == [])
        var references = schema
        references["references"] = [["name": "a.proto", "subject": "a", "version": 1], ["name": "b.proto", "kafkaSchemaRef": ["name": "b"]]]
        #expect(Self.errors("KafkaSchema", references) == [])
        references["references"] = [["name": "a.proto", "subject": "a"]]
        #expect(Self.errors("KafkaSchema", references) == [#"spec.references[0]: Invalid value: "object": set both subject and version, or set kafkaSchemaRef, but not both"#])
        references["references"] = [["name": "a.proto", "subject": "a", "version": 1, "kafkaSchemaRef": ["name": "b"]]]
        #expect(Self.errors("KafkaSchema", references) == [#"spec.references[0]: Invalid value: "object": set both subject and version, or set kafkaSchemaRef, but not both"#])
        references["references"] = [["name": "a.proto", "subject": "a", "version": 1], ["name": "a.proto", "subject": "b", "version": 2]]
        #expect(Self.errors("KafkaSchema", references) == [#"spec.references[1]: Duplicate value: map[string]interface {}{"name":"a.proto"}"#])
        references["references"] = [["name": "self.proto", "kafkaSchemaRef": ["name": "x"]]]
        #expect(Self.errors("KafkaSchema", references) == [#"<nil>: Invalid value: "object": kafkaSchemaRef cannot point to the KafkaSchema itself"#])
        references["references"] = [["name": "a.proto", "subject": "a", "version": 1]]
        references["schemaType"] = "AVRO"
        #expect(Self.errors("KafkaSchema", references) == [#"spec: Invalid value: "object": references are only supported for PROTOBUF and JSON schema types"#])
        references["schemaType"] = nil
        #expect(Self.errors("KafkaSchema", references).first?.hasPrefix(#"spec: Invalid value: "object": no such key: schemaType evaluating rule: "#) == true)
        var renamed = schema
        renamed["subjectName"] = "t"
        #expect(Self.errors("KafkaSchema", renamed, old: schema) == [#"spec.subjectName: Invalid value: "string": Value is immutable"#])
        renamed = schema
        renamed["schemaType"] = "JSON"
        #expect(Self.errors("KafkaSchema", renamed, old: schema) == [#"spec.schemaType: Invalid value: "string": Value is immutable"#])
        var level = schema
        level["compatibilityLevel"] = "SIDEWAYS"
        #expect(Self.errors("KafkaSchema", level).first?.hasPrefix(#"spec.compatibilityLevel: Unsupported value: "SIDEWAYS""#) == true)
    }

    /// A KafkaConnect using every field the reference added after the seed is valid as written.
    @Test func kafkaConnectTakesThePostSeedFields() {
        let spec: JSONValue = [
            "plan": "business-4", "project": "p",
            "userConfig": [
                "preferred_zones": ["europe-west1-b"],
                "gcp_auth_allowed_urls": ["https://sts.googleapis.com"],
                "sasl_oauthbearer_allowed_urls": ["https://idp.example.com/token"],
                "kafka_connect": ["prefer_ipv6_address_enable": true],
                "secret_providers": [
                    ["name": "azure_kv", "azure": ["auth_method": "credentials", "client_id": "c", "secret": "s", "tenant_id": "t"]],
                    ["name": "environment", "env": ["secrets": ["DB_PASSWORD": "x"]]],
                    ["name": "vault", "vault": ["address": "https://vault:8200", "auth_method": "token", "token": "t", "server_pem": "-----BEGIN CERTIFICATE-----"]],
                ],
            ],
        ]
        #expect(Self.errors("KafkaConnect", spec) == [])
        var badName = spec
        badName["userConfig"]?["secret_providers"] = [["name": "has space", "env": ["secrets": [:]]]]
        #expect(Self.errors("KafkaConnect", badName).first?.hasPrefix(#"spec.userConfig.secret_providers[0].name: Invalid value: "has space""#) == true)
    }

    @Test func kafkaSpecifics() {
        let base: JSONValue = ["plan": "startup-4", "project": "p"]
        var both = base
        both["projectVpcId"] = "v"
        both["projectVPCRef"] = ["name": "vpc"]
        #expect(Self.errors("Kafka", both) == [], "accepted together, as the reference CRD does; projectVpcId wins")
        let object: JSONValue = ["apiVersion": "aiven.io/v1alpha1", "kind": "Kafka", "metadata": ["name": "k"], "spec": base]
        #expect(AivenKinds.kafka.schema.admit(object).object["spec"]?["powered"] == true)
        var disk = base
        disk["disk_space"] = "80GiB"
        #expect(Self.errors("Kafka", disk) == [])
        disk["disk_space"] = "0GiB"
        #expect(Self.errors("Kafka", disk).first?.hasPrefix("spec.disk_space: Invalid value: \"0GiB\"") == true)
        for invalid in ["600MB", "1.5GiB", "600 GiB", "GiB"] {
            disk["disk_space"] = .string(invalid)
            let errors = Self.errors("Kafka", disk)
            #expect(errors.first?.hasPrefix("spec.disk_space: Invalid value: \"\(invalid)\"") == true && errors.first?.contains("should match") == true, "\(errors)")
        }
        for valid in ["600GiB", "600gib", "600G", "600"] {
            disk["disk_space"] = .string(valid)
            #expect(Self.errors("Kafka", disk) == [], "\(valid)")
        }
        var config = base
        config["userConfig"] = ["kafka_connect": true, "kafka": ["log_cleaner_min_cleanable_ratio": 0.5, "auto_create_topics_enable": true]]
        #expect(Self.errors("Kafka", config) == [])
        config["userConfig"] = ["kafka": ["log_cleaner_min_cleanable_ratio": 0.95]]
        #expect(Self.errors("Kafka", config).contains(
            "spec.userConfig.kafka.log_cleaner_min_cleanable_ratio: Invalid value: 0.95: spec.userConfig.kafka.log_cleaner_min_cleanable_ratio in body should be less than or equal to 0.9"
        ))
        config["userConfig"] = ["kafka": ["bogus": 1]]
        #expect(Self.errors("Kafka", config) == [#"unknown field "spec.userConfig.kafka.bogus""#])
    }

    @Test func kafkaTopicSpecifics() {
        let base: JSONValue = ["project": "p", "serviceName": "my-kafka", "partitions": 3, "replication": 2]
        #expect(Self.errors("KafkaTopic", base) == [])
        var fewer = base
        fewer["replication"] = 1
        #expect(Self.errors("KafkaTopic", fewer).contains("spec.replication: Invalid value: 1: spec.replication in body should be greater than or equal to 2"))
        var tagged = base
        tagged["tags"] = [["key": "env", "value": "prod"], ["key": "team"]]
        tagged["termination_protection"] = true
        tagged["config"] = ["min_cleanable_dirty_ratio": 0.2, "cleanup_policy": "compact,delete", "retention_ms": -1]
        #expect(Self.errors("KafkaTopic", tagged) == [])
        tagged["terminationProtection"] = true
        #expect(Self.errors("KafkaTopic", tagged) == [#"unknown field "spec.terminationProtection""#])
    }

    @Test func kafkaConnectorUserConfigIsAStringMap() {
        let base: JSONValue = ["project": "p", "serviceName": "my-kafka-connect", "connectorClass": "io.example.Sink", "userConfig": ["topics": "t", "connection.url": #"{{ fromSecret "os" "URI" }}"#]]
        #expect(Self.errors("KafkaConnector", base) == [])
        var numeric = base
        numeric["userConfig"] = ["tasks.max": 1]
        #expect(Self.errors("KafkaConnector", numeric).first
            == #"spec.userConfig.tasks.max: Invalid value: "integer": spec.userConfig.tasks.max in body must be of type string: "integer""#)
        var changed = base
        changed["serviceName"] = "other-connect"
        changed["connectorClass"] = "io.example.Other"
        #expect(Self.errors("KafkaConnector", changed, old: base) == [#"spec.serviceName: Invalid value: "string": Value is immutable"#])
    }

    @Test func serviceIntegrationKafkaConnect() {
        let base: JSONValue = [
            "project": "p", "integrationType": "kafka_connect", "sourceServiceName": "my-kafka", "destinationServiceName": "my-kafka-connect",
            "kafkaConnect": ["kafka_connect": ["group_id": "connect", "status_storage_topic": "__connect_status"]],
        ]
        #expect(Self.errors("ServiceIntegration", base) == [])
        var missing = base
        missing["kafkaConnect"] = [:]
        #expect(Self.errors("ServiceIntegration", missing) == [], "the reference CRD requires no kafka_connect")
        var moved = base
        moved["destinationServiceName"] = "another-connect"
        #expect(Self.errors("ServiceIntegration", moved, old: base) == [#"spec.destinationServiceName: Invalid value: "string": Value is immutable"#])
    }
}
