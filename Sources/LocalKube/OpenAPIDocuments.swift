import Hummingbird
import KubeAPI

/// `/openapi/v3` and its per-group-version documents: a PATCH operation with a `fieldValidation`
/// parameter for every resource (so `kubectl apply` leaves validation to the server) and each
/// kind's schema under `components.schemas` (so `kubectl explain` works).
enum OpenAPIDocuments {
    static func index(_ resources: [ServedResource]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for resource in resources {
            let key = resource.group.isEmpty ? "api/\(resource.version)" : "apis/\(resource.group)/\(resource.version)"
            paths[key] = ["serverRelativeURL": .string("/openapi/v3/\(key)?hash=\(hash(of: document(resources, group: resource.group, version: resource.version)!))")]
        }
        return ["paths": .object(paths)]
    }

    /// The document for one group-version, or `nil` when nothing is served there.
    static func document(_ resources: [ServedResource], group: String, version: String) -> JSONValue? {
        let served = resources.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = [:]
        for resource in served {
            let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
            let path = resource.namespaced ? "\(prefix)/namespaces/{namespace}/\(resource.plural)/{name}" : "\(prefix)/\(resource.plural)/{name}"
            let gvk: JSONValue = ["group": .string(group), "version": .string(version), "kind": .string(resource.kind)]
            let parameters: JSONValue = [
                ["name": "dryRun", "in": "query", "schema": ["type": "string"]],
                ["name": "fieldManager", "in": "query", "schema": ["type": "string"]],
                ["name": "fieldValidation", "in": "query", "schema": ["type": "string"]],
            ]
            let schemaName = schemaName(resource)
            let reference: JSONValue = ["$ref": .string("#/components/schemas/\(schemaName)")]
            paths[path] = [
                "get": [
                    "operationId": .string("read\(resource.kind)"), "x-kubernetes-action": "get", "x-kubernetes-group-version-kind": gvk,
                    "responses": ["200": ["description": "OK", "content": ["application/json": ["schema": reference]]]],
                ],
                "put": [
                    "operationId": .string("replace\(resource.kind)"), "x-kubernetes-action": "put", "x-kubernetes-group-version-kind": gvk,
                    "parameters": parameters,
                    "responses": ["200": ["description": "OK", "content": ["application/json": ["schema": reference]]]],
                ],
                "patch": [
                    "operationId": .string("patch\(resource.kind)"), "x-kubernetes-action": "patch", "x-kubernetes-group-version-kind": gvk,
                    "parameters": parameters,
                    "responses": ["200": ["description": "OK", "content": ["application/json": ["schema": reference]]]],
                ],
            ]
            schemas[schemaName] = resource.openAPISchema
        }
        return [
            "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.31.0"],
            "paths": .object(paths), "components": ["schemas": .object(schemas)],
        ]
    }

    /// `io.aiven.v1alpha1.KafkaConnect`: the group reversed, as kube-openapi names CRD schemas.
    private static func schemaName(_ resource: ServedResource) -> String {
        let group = resource.group.isEmpty ? "io.k8s.api.core" : resource.group.split(separator: ".").reversed().joined(separator: ".")
        return "\(group).\(resource.version).\(resource.kind)"
    }

    /// FNV-1a of the document, so the URL changes whenever the schemas do and kubectl's cache
    /// never serves a stale document.
    private static func hash(of document: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in document.jsonString.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16, uppercase: true)
    }

    /// `/openapi/v2` as an empty protobuf document: kubectl reads it only for a group-version the
    /// v3 index lacks, finds no schema and goes on to say what kube-apiserver's clients say (`no
    /// matches for kind "ServiceMonitor" … ensure CRDs are installed first`).
    static var emptyVersion2: Response {
        Response(status: .ok, headers: [.contentType: "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"], body: ResponseBody())
    }
}
