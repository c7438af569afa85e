import KubeAPI

/// One change reported by a watch.
public enum ObjectEvent<Object: Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// The server has sent everything up to this resourceVersion (`allowWatchBookmarks`).
    case bookmark(resourceVersion: String)
}

extension ObjectEvent {
    /// The same event with its object transformed.
    func map<T: Sendable>(_ transform: (Object) throws(KubeError) -> T) throws(KubeError) -> ObjectEvent<T> {
        switch self {
        case .added(let object): .added(try transform(object))
        case .modified(let object): .modified(try transform(object))
        case .deleted(let object): .deleted(try transform(object))
        case .bookmark(let version): .bookmark(resourceVersion: version)
        }
    }
}
