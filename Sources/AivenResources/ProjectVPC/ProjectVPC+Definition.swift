import KubeAPI

extension AivenKinds {
    /// `ProjectVPC`, which `KafkaConnect.spec.projectVPCRef` points at.
    public static let projectVPC: ResourceKind = load {
        try define(
            ProjectVPC.self, "ProjectVPC is the Schema for the projectvpcs API.",
            spec: ProjectVPC.specSchema, status: ProjectVPC.statusSchema,
            printerColumns: [
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Cloud", jsonPath: ".spec.cloudName"),
                .init(name: "Network CIDR", jsonPath: ".spec.networkCidr"),
                .init(name: "State", jsonPath: ".status.state"),
                .init(name: "ID", jsonPath: ".status.id", priority: 1),
            ],
            page: ReferencePage(
                example: ProjectVPC.usageExample,
                exampleColumns: [
                    "my-project-vpc", "my-aiven-project", "google-europe-west1", "10.0.0.0/24", "ACTIVE",
                ],
                reconciled: #"yes"#,
                takeover: Takeover(
                    identity: #"`status.id`, else project, cloud and CIDR"#,
                    takenOver: #"the existing VPC"#
                )
            )
        )
    }
}

extension ProjectVPC: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.projectVPC }
}
