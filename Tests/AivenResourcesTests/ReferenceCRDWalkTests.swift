import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import Testing

/// Our CRD of every kind we serve against the reference operator's (Fixtures/reference-crds, copied
/// from its `aiven-operator-crds` chart): every difference is listed, with its reason, in
/// docs/migrating.md's table of CRD differences, and every row of that table is still a difference.
@Suite struct ReferenceCRDWalkTests {
    static let kinds = Operator.definitions.map(\.kind)

    /// A row of docs/migrating.md's table: kind (`*` for every kind), path, keyword, reason.
    struct DocumentedDifference: Hashable {
        var kind: String
        var path: String
        var keyword: String
        var reason: String

        func explains(_ difference: CRDDifference) -> Bool {
            (kind == "*" || kind == difference.kind) && path == difference.path && keyword == difference.keyword
        }
    }

    static func reference(_ kind: ResourceKind) throws -> JSONValue {
        let path = "Tests/AivenResourcesTests/Fixtures/reference-crds/\(kind.definition.group)_\(kind.definition.names.plural).yaml"
        return try #require(try YAMLDocuments.load(RepositoryFiles.read(path)).first)
    }

    static func differences() throws -> [CRDDifference] {
        try Operator.definitions.flatMap { kind in
            CRDWalk(kind: kind.kind, ours: kind.definition.json, reference: try reference(kind)).differences
        }
    }

    /// The rows of the table under "## Differences from the reference CRDs" in docs/migrating.md.
    static func documented() throws -> [DocumentedDifference] {
        let page = try RepositoryFiles.read("docs/migrating.md")
        let section = try #require(page.range(of: "## Differences from the reference CRDs"))
        var rows: [DocumentedDifference] = []
        for line in page[section.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("| ") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            guard cells.count == 4, cells[0] != "kind", !cells[0].hasPrefix("-") else { continue }
            rows.append(DocumentedDifference(kind: cells[0], path: cells[1], keyword: cells[2], reason: cells[3]))
        }
        return rows
    }

    @Test func everyServedKindHasAReferenceCRD() throws {
        for kind in Operator.definitions {
            let reference = try Self.reference(kind)
            #expect(reference[path: ["spec", "names", "kind"]]?.stringValue == kind.kind)
        }
    }

    @Test func everyDifferenceIsDocumentedWithItsReason() throws {
        let rows = try Self.documented()
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.reason.count >= 20, "docs/migrating.md: the difference \(row.kind) \(row.path) \(row.keyword) needs its reason")
        }
        for difference in try Self.differences() {
            #expect(rows.contains { $0.explains(difference) }, "not in docs/migrating.md's CRD differences: \(difference)")
        }
    }

    @Test func everyDocumentedDifferenceStillExists() throws {
        let differences = try Self.differences()
        for row in try Self.documented() {
            #expect(differences.contains { row.explains($0) }, "docs/migrating.md lists \(row.kind) \(row.path) \(row.keyword), which no longer differs")
        }
    }

    /// The walk itself: it finds a changed bound, an added and a missing field, a different rule
    /// set and a changed printer column, and nothing in two identical CRDs.
    @Test func theWalkSeesEveryKindOfDifference() throws {
        let ours = AivenKinds.kafkaTopic.definition.json
        #expect(CRDWalk(kind: "KafkaTopic", ours: ours, reference: ours).differences == [])
        var changed = ours
        let specPath = ["spec", "versions"]
        var version = try #require(changed[path: specPath]?.arrayValue?.first)
        var schema = try #require(version[path: ["schema", "openAPIV3Schema"]])
        var spec = try #require(schema[path: ["properties", "spec"]])
        var properties = try #require(spec["properties"]?.objectValue)
        properties["partitions"]?["maximum"] = 7
        properties["extra"] = ["type": "string"]
        properties.removeValue(forKey: "replication")
        spec["properties"] = .object(properties)
        spec["x-kubernetes-validations"] = [["rule": "true", "message": "m"]]
        schema["properties"]?["spec"] = spec
        version["schema"]?["openAPIV3Schema"] = schema
        var columns = try #require(version["additionalPrinterColumns"]?.arrayValue)
        columns[0]["type"] = "integer"
        version["additionalPrinterColumns"] = .array(columns)
        changed["spec"]?["versions"] = [version]
        let found = Set(CRDWalk(kind: "KafkaTopic", ours: changed, reference: ours).differences.map { "\($0.path) \($0.keyword)" })
        #expect(found.isSuperset(of: [
            "spec.partitions maximum", "spec.extra added", "spec.replication missing", "spec x-kubernetes-validations",
            "additionalPrinterColumns \(columns[0]["name"]?.stringValue ?? "")",
        ]), "\(found)")
    }
}
