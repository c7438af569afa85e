extension ServiceIntegrationEndpoint {
    /// The first usage example of the reference page (`autoscaler`);
    /// `examples/serviceintegrationendpoint.yaml` holds the same text.
    public static let usageExample = usageExamples[0]

    /// Every usage example of the reference page, as written there: `autoscaler`,
    /// `external_postgresql`, `external_schema_registry`.
    public static let usageExamples = [
        """
        apiVersion: aiven.io/v1alpha1
        kind: ServiceIntegrationEndpoint
        metadata:
          name: my-service-integration-endpoint
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: aiven-project-name
          endpointName: my-autoscaler
          endpointType: autoscaler

          autoscaler:
            autoscaling:
              - type: autoscale_disk
                cap_gb: 100

        """,
        """
        apiVersion: aiven.io/v1alpha1
        kind: ServiceIntegrationEndpoint
        metadata:
          name: my-service-integration-endpoint
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: aiven-project-name
          endpointName: my-external-postgresql
          endpointType: external_postgresql

          externalPostgresql:
            username: username
            password: password
            host: example.example
            port: 5432
            ssl_mode: require

        """,
        """
        apiVersion: aiven.io/v1alpha1
        kind: ServiceIntegrationEndpoint
        metadata:
          name: my-service-integration-endpoint
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          project: aiven-project-name
          endpointName: my-external-schema-registry
          endpointType: external_schema_registry

          externalSchemaRegistry:
            url: https://schema-registry.example.com:8081
            authentication: basic
            basic_auth_username: username
            basic_auth_password: password

        """,
    ]
}
