import KubeAPI

/// Schema pieces every Aiven kind of the same family declares word for word, written once so the
/// CRDs, the validator and the reference pages of those kinds cannot drift apart.
public enum ServiceSchema {
    /// `spec.authSecretRef`: the Secret key holding the Aiven token.
    public static let authSecretRef: JSONSchemaProps = .object(
        "Authentication reference to Aiven token in a secret.",
        required: ["key", "name"],
        properties: [
            "key": .string(minLength: 1),
            "name": .string(minLength: 1),
        ]
    )

    /// `spec.project`: the Aiven project the resource belongs to; immutable.
    public static let project: JSONSchemaProps = .string("Identifies the project this resource belongs to.", pattern: "^[a-zA-Z0-9_-]+$", maxLength: 63).immutable()

    /// `spec.serviceName` of a kind living on a service (topics, users, ACLs, connectors); immutable.
    public static let serviceName: JSONSchemaProps = .string("Specifies the name of the service that this resource belongs to.", pattern: "^[a-z][-a-z0-9]+$", maxLength: 63).immutable()

    /// `spec.connInfoSecretTarget`: the connection Secret's name, key prefix, labels and annotations.
    public static let connInfoSecretTarget: JSONSchemaProps = .object(
        "Secret configuration.",
        required: ["name"],
        properties: [
            "annotations": .map("Annotations added to the secret.", values: .string()),
            "labels": .map("Labels added to the secret.", values: .string()),
            "name": .string("Name of the secret resource to be created. By default, it is equal to the resource name.").immutable(),
            "prefix": .string("Prefix for the secret's keys.\nAdded \"as is\" without any transformations.\nBy default, is equal to the kind name in uppercase + underscore, e.g. `KAFKA_`, `REDIS_`, etc."),
        ]
    )

    /// `spec.connInfoSecretTargetDisabled` of the kinds that publish a connection Secret; set
    /// only at creation (``connInfoSecretTargetDisabledAtCreation``).
    public static let connInfoSecretTargetDisabled: JSONSchemaProps = .boolean("When true, the secret containing connection information will not be created, defaults to false. This field cannot be changed after resource creation.").immutable(message: "connInfoSecretTargetDisabled is immutable.")

    /// The `spec` rule that keeps `connInfoSecretTargetDisabled` as it was at creation.
    public static let connInfoSecretTargetDisabledAtCreation = ValidationRule(
        rule: "has(oldSelf.connInfoSecretTargetDisabled) == has(self.connInfoSecretTargetDisabled)",
        message: "connInfoSecretTargetDisabled can only be set during resource creation."
    )

    /// `spec.disk_space` of the service kinds with disks (`600GiB`, `600G`, `600`: gibibytes).
    public static let diskSpace: JSONSchemaProps = .string("The disk space of the service, possible values depend on the service type, the cloud provider and the project.\nReducing will result in the service re-balancing.\nThe removal of this field does not change the value.", pattern: "(?i)^[1-9][0-9]*(GiB|G)?$")

    /// `spec.powered` of the service kinds whose services can be powered off.
    public static let powered: JSONSchemaProps = .boolean("Determines the power state of the service. When `true` (default), the service is running.\nWhen `false`, the service is powered off.\nFor more information please see [Aiven documentation](https://aiven.io/docs/platform/concepts/service-power-cycle).\nNote that:\n- When set to `false` the annotation `controllers.aiven.io/instance-is-running` is also set to `false`.\n- Services cannot be created in a powered off state. The value is ignored during creation.\n- It is highly recommended to not run dependent resources when the service is powered off.\n  Creating a new resource or updating an existing resource that depends on a powered off service will result in an error.\n  Existing resources will need to be manually recreated after the service is powered on.\n- Existing secrets will not be updated or removed when the service is powered off.\n- For Kafka services with backups: Topic configuration, schemas and connectors are all backed up, but not the data in topics. All topic data is lost on power off.\n- For Kafka services without backups: Topic configurations including all topic data is lost on power off.", default: true)

    /// The `spec` fields every Aiven service kind (Kafka, KafkaConnect) shares; each kind adds its
    /// own (`powered`, `userConfig`, …) on top.
    public static let serviceSpecProperties: [String: JSONSchemaProps] = [
        "authSecretRef": authSecretRef,
        "cloudName": .string("Cloud the service runs in.", maxLength: 256),
        "maintenanceWindowDow": .string("Day of week when maintenance operations should be performed. One monday, tuesday, wednesday, etc.", enum: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        "maintenanceWindowTime": .string("Time of day when maintenance operations should be performed. UTC time in HH:mm:ss format.", maxLength: 8),
        "plan": .string("Subscription plan.", maxLength: 128),
        "project": project,
        "projectVPCRef": .object(
            "ProjectVPCRef reference to ProjectVPC resource to use its ID as ProjectVPCID automatically.",
            required: ["name"],
            properties: [
                "name": .string(minLength: 1),
                "namespace": .string(minLength: 1),
            ]
        ),
        "projectVpcId": .string("Identifier of the VPC the service should be in, if any.", maxLength: 36),
        "serviceIntegrations": .array(
            "Service integrations to specify when creating a service. Not applied after initial service creation.",
            of: .object(
                "Service integrations to specify when creating a service. Not applied after initial service creation.",
                required: ["integrationType", "sourceServiceName"],
                properties: [
                    "integrationType": .string(enum: ["read_replica"]),
                    "sourceServiceName": .string(minLength: 1, maxLength: 64),
                ]
            ),
            maxItems: 1
        ).immutable(),
        "tags": .map("Tags are key-value pairs that allow you to categorize services.", values: .string()),
        "technicalEmails": .array(
            "Defines the email addresses that will receive alerts about upcoming maintenance updates or warnings about service instability.",
            of: .object(
                "Defines the email addresses that will receive alerts about upcoming maintenance updates or warnings about service instability.",
                required: ["email"],
                properties: [
                    "email": .string("Email address.", pattern: "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$"),
                ]
            ),
            maxItems: 10
        ),
        "terminationProtection": .boolean("Prevent service from being deleted. It is recommended to have this enabled for all services."),
    ]

    /// The service-wide `spec` properties with a kind's own fields added.
    public static func serviceSpecProperties(adding own: [String: JSONSchemaProps]) -> [String: JSONSchemaProps] {
        serviceSpecProperties.merging(own) { _, kindsOwn in kindsOwn }
    }

    /// `spec.userConfig.ip_filter`: the CIDR blocks allowed to connect; each service type has its own limit.
    public static func ipFilter(maxItems: Int64) -> JSONSchemaProps {
        .array(
            "Allow incoming connections from CIDR address block, e.g. `10.20.0.0/16`.",
            of: .object(
                "CIDR address block, either as a string, or in a dict with an optional description field.",
                required: ["network"],
                properties: [
                    "description": .string("Description for IP filter list entry.", maxLength: 1024),
                    "network": .string("CIDR address block.", maxLength: 43),
                ]
            ),
            maxItems: maxItems
        )
    }

    /// `userConfig.gcp_auth_allowed_urls` of the services that run Kafka Connect.
    public static let gcpAuthAllowedURLs: JSONSchemaProps = .array("Allow-list of HTTPS URLs used to validate GCP credential_source requests for Kafka Connect.", of: .string())

    /// `userConfig.preferred_zones`: where Aiven places the service's nodes.
    public static let preferredZones: JSONSchemaProps = .array("List of preferred zone IDs for service node placement. Nodes will be placed in these zones when available. If a specified zone is unavailable (e.g., due to capacity constraints), nodes will be placed in other available zones to maintain the configured number of zones for availability. Invalid zone IDs are rejected at configuration time. Zone IDs are cloud-specific: AWS uses zone IDs like `euc1-az1`, GCP uses zone names like `europe-west1-a`, and Azure uses `location/zone` format like `germanywestcentral/1`. If single_zone is enabled with an availability_zone, that setting takes precedence over preferred_zones. Changes take effect on next node recreation (e.g., maintenance or plan change). For eligible plans, nodes outside preferred zones are automatically rebalanced once per day.", of: .string(), maxItems: 10)

    /// `userConfig.sasl_oauthbearer_allowed_urls` of the Kafka-family services.
    public static let saslOAuthBearerAllowedURLs: JSONSchemaProps = .array("List of allowed URLs for SASL OAUTHBEARER authentication. Only HTTPS URLs are allowed for security reasons.", of: .string())

    /// The `status` schema of a kind the operator reports on with state, conditions, observed
    /// generation, drifted fields and the options it applied (``AppliedUserConfig``).
    public static func observedStatus(_ description: String, state stateDescription: String) -> JSONSchemaProps {
        .object(
            description,
            properties: [
                "state": .string(stateDescription),
                "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
                "conditions": JSONSchemaProps.conditions,
                "driftedFields": .array(
                    "Fields that differ on Aiven from the spec and were left as they are, because the resource's drift policy is Report.",
                    of: .string()
                ),
                "appliedUserConfig": .object(
                    "The options (a service's user_config) the operator last applied on Aiven: the ones it owns. Options Aiven sets by itself, such as defaults, are never compared; an option removed from the spec is reset once.",
                    properties: [
                        "options": .array("Dotted paths of the applied options (kafka_connect.consumer_isolation_level).", of: .string()),
                        "secretsHash": .string("A salted SHA-256 of the applied secret options, which Aiven never returns: a changed secret in the spec is applied, an unchanged one is not compared."),
                    ]
                ),
                "appliedInputs": .string("What the applied spec read besides itself (a PostgreSQL's spec.migrationSecretSource Secret, as its uid and resourceVersion), never a value."),
            ]
        )
    }

    /// The `status` schema of an ACL kind: the entry's id under `idKey`, conditions and observed
    /// generation.
    public static func aclStatus(_ description: String, idKey: String, idDescription: String) -> JSONSchemaProps {
        .object(
            description,
            properties: [
                idKey: .string(idDescription),
                "observedGeneration": .integer("The metadata.generation the status was computed from.", format: "int64"),
                "conditions": JSONSchemaProps.conditions,
            ]
        )
    }
}
