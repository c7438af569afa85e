extension PostgreSQL {
    /// The usage example of the reference page; `examples/postgresql.yaml` holds the same text.
    public static let usageExample = """
        apiVersion: aiven.io/v1alpha1
        kind: PostgreSQL
        metadata:
          name: my-postgresql
        spec:
          authSecretRef:
            name: aiven-token
            key: token

          connInfoSecretTarget:
            name: postgresql-secret
            prefix: MY_SECRET_PREFIX_
            annotations:
              foo: bar
            labels:
              baz: egg

          project: aiven-project-name
          cloudName: google-europe-west1
          plan: startup-4

          maintenanceWindowDow: sunday
          maintenanceWindowTime: 11:00:00

        """
}
