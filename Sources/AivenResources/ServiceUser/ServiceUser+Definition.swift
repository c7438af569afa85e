import KubeAPI

extension AivenKinds {
    /// `ServiceUser`, a user of a `Kafka` service with its own credentials.
    public static let serviceUser: ResourceKind = load {
        try define(
            ServiceUser.self, "ServiceUser is the Schema for the serviceusers API.\nCreates a service user for accessing Aiven services. The ServiceUser resource name becomes the username in Aiven, unless spec.username overrides it.\nBuilt-in users like `avnadmin` cannot be deleted but their passwords can be modified using connInfoSecretSource.",
            spec: ServiceUser.specSchema, status: ServiceUser.statusSchema,
            printerColumns: [
                .init(name: "Service Name", jsonPath: ".spec.serviceName"),
                .init(name: "Project", jsonPath: ".spec.project"),
                .init(name: "Connection Information Secret", jsonPath: ".spec.connInfoSecretTarget.name"),
                .init(name: "Ready", jsonPath: ".status.conditions[?(@.type==\"Ready\")].status", priority: 1),
            ],
            page: ReferencePage(
                example: ServiceUser.usageExample,
                exampleColumns: ["my-service-user", "my-service-name", "aiven-project-name", "service-user-secret"],
                reconciled: #"yes: waits for its service to be RUNNING (`WaitingForService`), the connection Secret (`connInfoSecretTarget`: `USERNAME`, `PASSWORD`, `ACCESS_CERT`, `ACCESS_KEY`, `CA_CERT`, `HOST`, `PORT` and the `SASL_`/`SCHEMA_REGISTRY_` `HOST`/`PORT` the service has, prefix default `SERVICEUSER_`), the password from `connInfoSecretSource` (`WaitingForSecret` until it exists; a change there, or a reset made on Aiven, is applied), a new password whenever annotation `controllers.aiven.io/rotate-credentials` gets a new value (`status.passwordResetTime`), the user deleted with the resource except `avnadmin` (kept on Aiven, and `plan` says so; a password set for it reaches its Kafka's connection Secret at once); `spec.accessControl` (Valkey) and `spec.authentication` (MySQL) are not applied, and the resource says so (`FieldNotApplied`)"#,
                takeover: Takeover(
                    identity: #"service and `spec.username` (else `metadata.name`)"#,
                    takenOver: #"the existing user, password kept (reset only to the `connInfoSecretSource` Secret's, when set)"#
                )
            )
        )
    }
}

extension ServiceUser: CatalogResource {
    public static var definition: ResourceKind { AivenKinds.serviceUser }
}
