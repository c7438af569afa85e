import KubeAPI

/// The definitions of the `aiven.io/v1alpha1` kinds, each in its kind's folder
/// (`<Kind>/<Kind>+Definition.swift`, an extension of this namespace). Which kinds are served, and
/// in which order they are documented, is the operator's catalog (`Operator.kinds`), the one list.
public enum AivenKinds {
    /// The columns `kubectl get` shows for an Aiven service kind (Kafka, KafkaConnect).
    static let servicePrinterColumns: [CustomResourceDefinition.PrinterColumn] = [
        .init(name: "Project", jsonPath: ".spec.project"),
        .init(name: "Region", jsonPath: ".spec.cloudName"),
        .init(name: "Plan", jsonPath: ".spec.plan"),
        .init(name: "State", jsonPath: ".status.state"),
        .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
        .init(name: "Powered", type: "boolean", jsonPath: ".spec.powered", priority: 1),
    ]

    /// A namespaced kind with one served and stored version, in the `aiven` category.
    static func define<R: KubeResource>(
        _ type: R.Type,
        _ description: String,
        spec: JSONSchemaProps,
        status: JSONSchemaProps,
        rules: [ValidationRule] = [],
        printerColumns: [CustomResourceDefinition.PrinterColumn],
        page: ReferencePage
    ) throws(SchemaLoadError) -> ResourceKind {
        try ResourceKind(
            definition: CustomResourceDefinition(
                group: R.group,
                names: .init(kind: R.kind, plural: R.plural, categories: ["aiven"]),
                versions: [
                    .init(
                        name: R.version,
                        schema: .customResource(description, spec: spec, status: status, rules: rules),
                        printerColumns: printerColumns
                    ),
                ]
            ),
            page: page,
            swiftType: type
        )
    }

    /// The kinds' schemas are constants of this module; one that does not load is a programming
    /// error, caught by every test run.
    static func load(_ build: () throws -> ResourceKind) -> ResourceKind {
        do {
            return try build()
        } catch {
            preconditionFailure("built-in schema does not load: \(error)")
        }
    }
}
