import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import Testing

/// The committed CRD, reference page and example are exactly what the schema generates.
@Suite struct GeneratedArtifactsTests {
    let kind = AivenKinds.kafkaConnect

    static let kinds = Operator.definitions.map(\.kind)

    @Test(arguments: kinds)
    func committedCRDMatchesTheSchema(kindName: String) throws {
        let kind = try #require(Operator.definitions.kind(named: kindName))
        let path = "deploy/crds/\(kind.definition.group)_\(kind.definition.names.plural).yaml"
        #expect(try RepositoryFiles.read(path) == YAMLWriter.string(kind.definition.json), "regenerate with: swift run aiven-operator crd \(kindName) > \(path)")
    }

    @Test(arguments: kinds)
    func committedDocsMatchTheSchema(kindName: String) throws {
        let kind = try #require(Operator.definitions.kind(named: kindName))
        let path = "docs/resources/\(kindName.lowercased()).md"
        #expect(try RepositoryFiles.read(path) == ReferenceDocs(kind).render(), "regenerate with: swift run aiven-operator docs \(kindName) > \(path)")
    }

    @Test(arguments: kinds)
    func committedExampleIsTheUsageExampleAndValidatesClean(kindName: String) throws {
        let kind = try #require(Operator.definitions.kind(named: kindName))
        let example = try RepositoryFiles.read("examples/\(kindName.lowercased()).yaml")
        #expect(example == kind.page.example)
        let documents = try YAMLDocuments.load(example)
        #expect(documents.count == 1)
        #expect(ManifestValidator(kinds: Operator.definitions).validate(documents[0]) == .valid(kind: kindName, name: kind.page.exampleColumns[0]))
    }

    @Test func docsReproduceEverySeedFieldLineVerbatim() throws {
        let seed = try RepositoryFiles.read("Tests/AivenResourcesTests/Fixtures/seed-kafkaconnect.md")
        let generated = ReferenceDocs(kind).render()
        let generatedLines = Set(generated.split(separator: "\n", omittingEmptySubsequences: false))
        let fieldLines = seed.split(separator: "\n").filter { $0.hasPrefix("- [`") }
        #expect(fieldLines.count == 73)
        for line in fieldLines {
            if let tightened = Self.tightenedSinceTheSeed.first(where: { line.contains("(#spec.\($0.key)-property)") }) {
                // The reference has since added a pattern: the line carries it.
                #expect(generatedLines.contains(Substring(line.replacingOccurrences(of: "(string).", with: "(string, Pattern: `\(tightened.value)`)."))), "\(line)")
                continue
            }
            #expect(generatedLines.contains(line), "missing or different: \(line)")
        }
        // The whole page is the seed's, in the seed's order, plus the line for `powered` and the
        // fields the reference added since (docs/migrating.md lists them).
        var remaining = generated.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in seed.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
        where !Self.tightenedSinceTheSeed.keys.contains(where: { line.contains("(#spec.\($0)-property)") }) {
            guard let found = remaining.firstIndex(of: line) else {
                Issue.record("the seed's line is missing or out of order: \(line)")
                break
            }
            remaining = remaining[(found + 1)...]
        }
    }

    /// Fields of the seed whose constraint the reference CRD tightened since: the pattern it added.
    static let tightenedSinceTheSeed = [
        "technicalEmails.email": "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$",
        "userConfig.secret_providers.name": "^[A-Za-z0-9_-]+$",
    ]

    @Test func crdHasTheSeedsShape() throws {
        let crd = try #require(try YAMLDocuments.load(YAMLWriter.string(kind.definition.json)).first)
        #expect(crd["apiVersion"] == "apiextensions.k8s.io/v1")
        #expect(crd["kind"] == "CustomResourceDefinition")
        #expect(crd["metadata"]?["name"] == "kafkaconnects.aiven.io")
        let spec = try #require(crd["spec"])
        #expect(spec["group"] == "aiven.io")
        #expect(spec["scope"] == "Namespaced")
        #expect(spec["names"]?["plural"] == "kafkaconnects")
        #expect(spec["names"]?["kind"] == "KafkaConnect")
        #expect(spec["names"]?["categories"] == ["aiven"])
        let version = try #require(spec["versions"]?.arrayValue?.first)
        #expect(version["name"] == "v1alpha1")
        #expect(version["served"] == true)
        #expect(version["storage"] == true)
        #expect(version["subresources"] == ["status": [:]])
        let columns = try #require(version["additionalPrinterColumns"]?.arrayValue)
        let defaultColumns = columns.filter { $0["priority"] == nil }
        #expect(defaultColumns.map { [$0["name"], $0["jsonPath"]] } == [
            ["Project", ".spec.project"], ["Region", ".spec.cloudName"], ["Plan", ".spec.plan"], ["State", ".status.state"],
        ])
        #expect(columns.allSatisfy { $0["priority"] == nil || $0["priority"] == 1 })
        // The embedded schema reads back as the same schema, so a server can load the CRD.
        let schema = try JSONSchemaProps(json: try #require(version["schema"]?["openAPIV3Schema"]))
        #expect(schema == kind.rootSchema)
        _ = try StructuralSchema(schema)
    }
}
