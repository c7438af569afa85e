/// Where a process running in a pod finds its API server and credentials.
public enum InClusterPaths {
    /// The service account's `token`, `ca.crt` and `namespace` in every pod.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Names the directory that stands for ``serviceAccountDirectory`` when LocalKube runs a
    /// Deployment's pods as local processes (`apiserver --run-image`): each pod has its own,
    /// and in-cluster configuration reads it from there.
    public static let serviceAccountDirectoryVariable = "LOCALKUBE_SERVICE_ACCOUNT_DIR"
}
