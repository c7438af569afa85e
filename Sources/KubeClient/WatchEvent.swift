/// One event of a watch stream. Server `ERROR` events are not elements: the stream throws them
/// as ``KubeError`` (`.expired` for 410, after which the caller must relist).
public enum WatchEvent<Object: Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// A progress marker: the stream has seen everything up to this resourceVersion.
    case bookmark(resourceVersion: String)
}
