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
    /// A `ServiceUser` whose value of this annotation changes gets a new password (Aiven's reset),
    /// written to its connection Secret only.
    public static let rotateCredentials = "controllers.aiven.io/rotate-credentials"
    /// The generation whose spec is applied, set as the reference aiven-operator sets it (once the
    /// object is ready). On a resource this operator never managed, it is the reference
    /// operator's mark: the same-named Aiven object is adopted without the adopt annotation.
    public static let generationWasProcessed = "controllers.aiven.io/generation-was-processed"
    /// `"true"` once the object runs, `"false"` once it is powered off as asked; set as the
    /// reference aiven-operator sets it.
    public static let instanceIsRunning = "controllers.aiven.io/instance-is-running"
    /// The annotations the operator writes itself (when ``OperatorConfiguration/referenceAnnotations``
    /// is on): setting them does not wake the resource's controller again, nor does adding
    /// ``finalizer`` (the pass that adds it goes on to its Aiven write).
    public static let written: Set<String> = [generationWasProcessed, instanceIsRunning]
    /// Guards deletion of the Aiven service.
    public static let finalizer = "finalizers.aiven.io/delete-remote-resource"
}
