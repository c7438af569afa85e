/// A path to a field inside an object, rendered like Go's `field.Path`:
/// `spec.technicalEmails[0].email`, `spec.tags[env]`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case child(String)
        case index(Int)
        case key(String)
    }

    private(set) var segments: [Segment]

    /// The empty path (the object itself).
    public static let root = FieldPath(segments: [])

    public init(_ first: String, _ rest: String...) {
        segments = ([first] + rest).map(Segment.child)
    }

    private init(segments: [Segment]) {
        self.segments = segments
    }

    /// This path extended by a named field.
    public func child(_ name: String) -> FieldPath { FieldPath(segments: segments + [.child(name)]) }
    /// This path extended by an array index.
    public func index(_ index: Int) -> FieldPath { FieldPath(segments: segments + [.index(index)]) }
    /// This path extended by a map key.
    public func key(_ key: String) -> FieldPath { FieldPath(segments: segments + [.key(key)]) }

    /// `true` when the path names the object itself.
    public var isRoot: Bool { segments.isEmpty }

    public var description: String {
        var output = ""
        for segment in segments {
            switch segment {
            case .child(let name): output += output.isEmpty ? name : "." + name
            case .index(let index): output += "[\(index)]"
            case .key(let key): output += "[\(key)]"
            }
        }
        return output
    }
}
