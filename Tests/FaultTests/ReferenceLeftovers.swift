import AivenOperator
import AivenResources
import Foundation
import KubeAPI

/// What the reference aiven-operator leaves of one resource when it is scaled to zero, for every
/// kind this operator serves: the object it made on Aiven, the resource with its annotations and
/// finalizer, and the status it wrote (with the Aiven ids it recorded).
struct ReferenceLeftover: CustomStringConvertible, Sendable {
    /// kubectl's name of the kind (`kafkaconnect`).
    let resource: String
    let name: String
    /// The Aiven request that made its object (method, path under the project, body); the answer
    /// gives the id the status records.
    let aivenCreate: (method: String, path: String, body: JSONValue)
    /// The routes that would create or delete its object on Aiven: none may be called.
    let createRoute: String
    let deleteRoute: String
    /// The manifest's `spec`, as YAML lines under `spec:`.
    let spec: String
    /// The reference's status for this kind, given the id Aiven answered (`nil` for services).
    let status: @Sendable (String?) -> JSONValue
    /// The object's id in the Aiven answer, for kinds whose status records one.
    let id: @Sendable (JSONValue) -> String?

    var description: String { "\(resource)/\(name)" }

    static let project = FaultEnvironment.project
    static let services = "/v1/project/{project}/service"
    static let service = "/v1/project/{project}/service/{service_name}"

    /// The conditions the reference writes once an object is applied and running.
    static func conditions() -> JSONValue {
        [
            ["type": "Initialized", "status": "True", "reason": "CreatedOrUpdated", "message": "Successfully created or updated the instance in Aiven", "lastTransitionTime": "2026-01-01T00:00:00Z"],
            ["type": "Running", "status": "True", "reason": "CheckRunning", "message": "Instance is running on Aiven side", "lastTransitionTime": "2026-01-01T00:00:00Z"],
        ]
    }

    /// The manifest as the reference leaves it: its two annotations and its finalizer.
    var manifest: String {
        Self.manifest(kind: Self.kind(of: resource), name: name, marked: true, spec: spec)
    }

    /// A resource of `kind` as the reference leaves it: its finalizer, and its two annotations
    /// when `marked` (it applied the spec); `spec` holds the lines under `spec:` after the token
    /// and the project.
    static func manifest(kind: String, name: String, marked: Bool, spec: String) -> String {
        let annotations = """
              annotations:
                controllers.aiven.io/generation-was-processed: "1"
                controllers.aiven.io/instance-is-running: "true"

            """
        return """
            apiVersion: aiven.io/v1alpha1
            kind: \(kind)
            metadata:
              name: \(name)
            \(marked ? annotations : "")  finalizers: [finalizers.aiven.io/delete-remote-resource]
            spec:
              authSecretRef: {name: aiven-token, key: token}
              project: \(project)
            \(spec)
            """
    }

    /// The kind kubectl's `resource` name stands for, from the catalog.
    static func kind(of resource: String) -> String {
        Operator.definitions.first { $0.kind.lowercased() == resource }?.kind ?? resource
    }

    /// One of each kind, in the order the reference would have made them: a VPC, a Kafka service
    /// and a topic on it, a Kafka Connect service joined to it by a `kafka_connect` integration,
    /// a connector on that, and a user of the Kafka service with an entry of each kind of ACL.
    static let all: [ReferenceLeftover] = [
        ReferenceLeftover(
            resource: "projectvpc", name: "legacy-vpc",
            aivenCreate: ("POST", "/vpcs", ["cloud_name": "google-europe-west1", "network_cidr": "10.40.0.0/24", "peering_connections": []]),
            createRoute: "POST /v1/project/{project}/vpcs", deleteRoute: "DELETE /v1/project/{project}/vpcs/{project_vpc_id}",
            spec: "  cloudName: google-europe-west1\n  networkCidr: 10.40.0.0/24",
            status: { ["id": .string($0 ?? ""), "state": "ACTIVE", "conditions": conditions()] }, id: { $0["project_vpc_id"]?.stringValue }),
        ReferenceLeftover(
            resource: "kafka", name: "legacy-kafka",
            aivenCreate: ("POST", "/service", [
                "service_name": "legacy-kafka", "service_type": "kafka", "plan": "business-4", "cloud": "google-europe-west1",
                "user_config": ["schema_registry": true],
            ]),
            createRoute: "POST \(services)", deleteRoute: "DELETE \(service)",
            spec: "  cloudName: google-europe-west1\n  plan: business-4\n  userConfig:\n    schema_registry: true",
            status: { _ in ["state": "RUNNING", "conditions": conditions()] }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "kafkatopic", name: "legacy-topic",
            aivenCreate: ("POST", "/service/legacy-kafka/topic", ["topic_name": "legacy-topic", "partitions": 3, "replication": 2]),
            createRoute: "POST \(service)/topic", deleteRoute: "DELETE \(service)/topic/{topic_name}",
            spec: "  serviceName: legacy-kafka\n  partitions: 3\n  replication: 2",
            status: { _ in ["state": "ACTIVE", "conditions": conditions()] }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "kafkaconnect", name: "legacy-connect",
            aivenCreate: ("POST", "/service", ["service_name": "legacy-connect", "service_type": "kafka_connect", "plan": "business-4", "cloud": "google-europe-west1"]),
            createRoute: "POST \(services)", deleteRoute: "DELETE \(service)",
            spec: "  cloudName: google-europe-west1\n  plan: business-4",
            status: { _ in ["state": "RUNNING", "conditions": conditions()] }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "postgresql", name: "legacy-pg",
            aivenCreate: ("POST", "/service", ["service_name": "legacy-pg", "service_type": "pg", "plan": "startup-4", "cloud": "google-europe-west1"]),
            createRoute: "POST \(services)", deleteRoute: "DELETE \(service)",
            spec: "  cloudName: google-europe-west1\n  plan: startup-4",
            status: { _ in ["state": "RUNNING", "conditions": conditions()] }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "serviceintegration", name: "legacy-integration",
            aivenCreate: ("POST", "/integration", ["integration_type": "kafka_connect", "source_service": "legacy-kafka", "dest_service": "legacy-connect", "user_config": [:]]),
            createRoute: "POST /v1/project/{project}/integration", deleteRoute: "DELETE /v1/project/{project}/integration/{integration_id}",
            spec: "  integrationType: kafka_connect\n  sourceServiceName: legacy-kafka\n  destinationServiceName: legacy-connect",
            status: { ["id": .string($0 ?? ""), "conditions": conditions()] }, id: { $0[path: ["service_integration", "service_integration_id"]]?.stringValue }),
        ReferenceLeftover(
            resource: "serviceintegrationendpoint", name: "legacy-endpoint",
            aivenCreate: ("POST", "/integration_endpoint", [
                "endpoint_name": "legacy-endpoint", "endpoint_type": "external_postgresql",
                "user_config": ["host": "pg.internal", "port": 5432, "username": "sink", "password": "legacy-password-1", "ssl_mode": "require"],
            ]),
            createRoute: "POST /v1/project/{project}/integration_endpoint",
            deleteRoute: "DELETE /v1/project/{project}/integration_endpoint/{integration_endpoint_id}",
            spec: """
                  endpointName: legacy-endpoint
                  endpointType: external_postgresql
                  externalPostgresql:
                    host: pg.internal
                    port: 5432
                    username: sink
                    password: legacy-password-1
                    ssl_mode: require
                """,
            status: { ["id": .string($0 ?? ""), "conditions": conditions()] }, id: { $0[path: ["service_integration_endpoint", "endpoint_id"]]?.stringValue }),
        ReferenceLeftover(
            resource: "kafkaconnector", name: "legacy-connector",
            aivenCreate: ("POST", "/service/legacy-connect/connectors", [
                "name": "legacy-connector", "connector.class": "io.aiven.connect.jdbc.JdbcSinkConnector", "topics": "legacy-topic",
                "connection.url": "jdbc:postgresql://pg.internal:5432/defaultdb",
            ]),
            createRoute: "POST \(service)/connectors", deleteRoute: "DELETE \(service)/connectors/{connector_name}",
            spec: """
                  serviceName: legacy-connect
                  connectorClass: io.aiven.connect.jdbc.JdbcSinkConnector
                  userConfig:
                    topics: legacy-topic
                    connection.url: jdbc:postgresql://pg.internal:5432/defaultdb
                """,
            status: { _ in
                ["state": "RUNNING", "conditions": conditions(), "tasksStatus": ["total": 1, "running": 1, "failed": 0, "paused": 0, "unassigned": 0, "unknown": 0]]
            }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "serviceuser", name: "legacy-user",
            aivenCreate: ("POST", "/service/legacy-kafka/user", ["username": "legacy-user"]),
            createRoute: "POST \(service)/user", deleteRoute: "DELETE \(service)/user/{service_username}",
            spec: "  serviceName: legacy-kafka",
            status: { _ in ["type": "normal", "conditions": conditions()] }, id: { _ in nil }),
        ReferenceLeftover(
            resource: "kafkaacl", name: "legacy-acl",
            aivenCreate: ("POST", "/service/legacy-kafka/acl", ["permission": "read", "topic": "legacy-topic", "username": "legacy-user"]),
            createRoute: "POST \(service)/acl", deleteRoute: "DELETE \(service)/acl/{acl_id}",
            spec: "  serviceName: legacy-kafka\n  permission: read\n  topic: legacy-topic\n  username: legacy-user",
            status: { ["id": .string($0 ?? ""), "conditions": conditions()] },
            id: { entry(in: $0, ["topic": "legacy-topic", "username": "legacy-user"]) }),
        ReferenceLeftover(
            resource: "kafkanativeacl", name: "legacy-native-acl",
            aivenCreate: ("POST", "/service/legacy-kafka/kafka/acl", [
                "principal": "User:legacy-user", "resource_name": "legacy-topic", "resource_type": "Topic", "pattern_type": "LITERAL",
                "operation": "Read", "permission_type": "ALLOW", "host": "*",
            ]),
            createRoute: "POST \(service)/kafka/acl", deleteRoute: "DELETE \(service)/kafka/acl/{acl_id}",
            spec: """
                  serviceName: legacy-kafka
                  principal: User:legacy-user
                  resourceName: legacy-topic
                  resourceType: Topic
                  patternType: LITERAL
                  operation: Read
                  permissionType: ALLOW
                  host: "*"
                """,
            status: { ["id": .string($0 ?? ""), "conditions": conditions()] }, id: { $0[path: ["acl", "id"]]?.stringValue }),
        ReferenceLeftover(
            resource: "kafkaschemaregistryacl", name: "legacy-sr-acl",
            aivenCreate: ("POST", "/service/legacy-kafka/kafka/schema-registry/acl", [
                "permission": "schema_registry_read", "resource": "Subject:legacy-topic", "username": "legacy-user",
            ]),
            createRoute: "POST \(service)/kafka/schema-registry/acl", deleteRoute: "DELETE \(service)/kafka/schema-registry/acl/{acl_id}",
            spec: "  serviceName: legacy-kafka\n  permission: schema_registry_read\n  resource: Subject:legacy-topic\n  username: legacy-user",
            status: { ["acl_id": .string($0 ?? ""), "conditions": conditions()] },
            id: { entry(in: $0, ["resource": "Subject:legacy-topic", "username": "legacy-user"]) }),
        ReferenceLeftover(
            resource: "kafkaschema", name: "legacy-schema",
            aivenCreate: ("POST", "/service/legacy-kafka/kafka/schema/subjects/legacy-topic-value/versions", [
                "schema": #"{"type": "record", "name": "Legacy", "fields": [{"name": "id", "type": "string"}]}"#,
            ]),
            createRoute: "POST \(service)/kafka/schema/subjects/{subject_name}/versions", deleteRoute: "DELETE \(service)/kafka/schema/subjects/{subject_name}",
            spec: """
                  serviceName: legacy-kafka
                  subjectName: legacy-topic-value
                  schema: '{"type": "record", "name": "Legacy", "fields": [{"name": "id", "type": "string"}]}'
                """,
            status: { ["id": .integer(Int64($0 ?? "") ?? 0), "version": 1, "conditions": conditions()] }, id: { $0["id"]?.integerValue.map { String($0) } }),
    ]

    /// The id of the entry with `fields` in an answer listing every entry (`{"acl": […]}`).
    static func entry(in answer: JSONValue, _ fields: [String: String]) -> String? {
        let match = answer["acl"]?.arrayValue?.first { entry in fields.allSatisfy { entry[$0.key]?.stringValue == $0.value } }
        return match?["id"]?.stringValue
    }
}
