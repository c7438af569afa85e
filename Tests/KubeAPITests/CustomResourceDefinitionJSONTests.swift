import Testing
import KubeAPI

struct CustomResourceDefinitionJSONTests {
    static let definition = CustomResourceDefinition(
        group: "example.com",
        names: .init(kind: "Widget", plural: "widgets", shortNames: ["wd"], categories: ["all"]),
        scope: .cluster,
        versions: [
            .init(
                name: "v1",
                schema: .customResource("A widget.", spec: .object(properties: ["size": .integer(maximum: 10)]), status: .object(properties: [:])),
                printerColumns: [.init(name: "Size", type: "integer", jsonPath: ".spec.size", priority: 1)]
            ),
        ]
    )

    @Test func roundTripsThroughJSON() throws {
        let parsed = try CustomResourceDefinition(json: Self.definition.json)
        #expect(parsed == Self.definition)
        #expect(parsed.name == "widgets.example.com")
    }

    @Test func namesTheFirstProblem() {
        var object = Self.definition.json
        object["spec"]?["scope"] = "Galaxy"
        #expect {
            try CustomResourceDefinition(json: object)
        } throws: { error in
            (error as? SchemaLoadError)?.path == "spec.scope"
        }
        object = Self.definition.json
        object["spec"]?["versions"] = []
        #expect(throws: SchemaLoadError.self) { try CustomResourceDefinition(json: object) }
        #expect(throws: SchemaLoadError.self) { try CustomResourceDefinition(json: ["spec": ["group": "g"]]) }
    }
}
