import KubeAPI

/// kube-apiserver's `ValidatePathSegmentName`, the name rule of RBAC objects: anything that can
/// be one segment of a URL path.
enum PathSegmentName {
    static func validate(_ metadata: JSONValue?) -> [FieldError] {
        let path = FieldPath("metadata", "name")
        let name = metadata?["name"]?.stringValue ?? ""
        if name.isEmpty {
            let generateName = metadata?["generateName"]?.stringValue ?? ""
            return generateName.isEmpty ? [.required(path, "name or generateName is required")] : []
        }
        if name == "." || name == ".." { return [.invalid(path, .string(name), "may not be '\(name)'")] }
        return ["/", "%"].filter { name.contains($0) }.map { .invalid(path, .string(name), "may not contain '\($0)'") }
    }
}
