/// The annotations and finalizer through which users steer the operator per resource.
public enum OperatorAnnotations {
    /// `"true"`: adopt an existing Aiven service of the same name that this resource did not create.
    public static let adopt = "controllers.aiven.io/adopt"
    /// `Correct` (default) fixes changes made outside Kubernetes; `Report` only lists them in status.
    public static let driftPolicy = "controllers.aiven.io/drift-policy"
    /// `Orphan` keeps the Aiven service when the resource is deleted.
    public static let deletionPolicy = "controllers.aiven.io/deletion-policy"
    /// `"true"` stops every Aiven call for the resource.
    public static let paused = "controllers.aiven.io/paused"
    /// Guards deletion of the Aiven service.
    public static let finalizer = "finalizers.aiven.io/delete-remote-resource"
}
