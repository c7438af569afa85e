/// The `metadata` checks kube-apiserver applies to every object it stores, with its messages:
/// first decoding into `metav1.ObjectMeta` (a field of the wrong JSON type is a 400), then
/// `ValidateObjectMetaAccessor` (names, labels, annotations, ownerReferences, finalizers; a 422).
public enum ObjectMetaValidation {
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    /// `TotalAnnotationSizeLimitB`: keys and values of all annotations together.
    public static let maxAnnotationBytes = 256 * 1024

    /// The request error kube-apiserver returns when `metadata` cannot be decoded into
    /// `metav1.ObjectMeta`: `KafkaConnect in version "v1alpha1" cannot be handled as a
    /// KafkaConnect: json: cannot unmarshal number into Go struct field ObjectMeta.annotations of
    /// type string`. `nil` when every field has a type ObjectMeta can hold.
    public static func decodingError(_ metadata: JSONValue?, kind: String, version: String) -> String? {
        guard let problem = decodingProblem(metadata) else { return nil }
        return "\(kind) in version \(GoFormat.quote(version)) cannot be handled as a \(kind): \(problem)"
    }

    /// Validates decodable `metadata` as `ValidateObjectMetaAccessor` does for a custom resource:
    /// name or generateName present and DNS-1123 subdomains, labels, annotations (their keys and
    /// total size), ownerReferences and finalizers.
    public static func validate(_ metadata: JSONValue?) -> [FieldError] {
        let path = FieldPath("metadata")
        var errors: [FieldError] = []
        let name = metadata?["name"]?.stringValue ?? ""
        let generateName = metadata?["generateName"]?.stringValue ?? ""
        if !generateName.isEmpty {
            // The server appends a random suffix, so a trailing dash is fine (`maskTrailingDash`).
            let masked = generateName.utf8.count > 1 && generateName.hasSuffix("-") ? generateName.dropLast() + "a" : generateName
            errors += dns1123SubdomainErrors(masked).map { .invalid(path.child("generateName"), .string(generateName), $0) }
        }
        if name.isEmpty {
            if generateName.isEmpty { errors.append(.required(path.child("name"), "name or generateName is required")) }
        } else {
            errors += dns1123SubdomainErrors(name).map { .invalid(path.child("name"), .string(name), $0) }
        }
        let labels = metadata?["labels"]?.objectValue ?? [:]
        for key in labels.keys.sorted() {
            errors += qualifiedNameErrors(key).map { .invalid(path.child("labels"), .string(key), $0) }
            let value = labels[key]?.stringValue ?? ""
            errors += labelValueErrors(value).map { .invalid(path.child("labels"), .string(value), $0) }
        }
        let annotations = metadata?["annotations"]?.objectValue ?? [:]
        var annotationBytes = 0
        for key in annotations.keys.sorted() {
            // Annotation keys are qualified names in any case.
            errors += qualifiedNameErrors(key.lowercased()).map { .invalid(path.child("annotations"), .string(key), $0) }
            annotationBytes += key.utf8.count + (annotations[key]?.stringValue?.utf8.count ?? 0)
        }
        if annotationBytes > maxAnnotationBytes {
            errors.append(FieldError(.tooLong, path.child("annotations"), renderedValue: nil, detail: "must have at most \(maxAnnotationBytes) bytes"))
        }
        errors += ownerReferenceErrors(metadata?["ownerReferences"]?.arrayValue ?? [], at: path.child("ownerReferences"))
        errors += finalizerErrors(metadata?["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? [], at: path.child("finalizers"))
        return errors
    }

    /// `validation.IsDNS1123Subdomain`: the reasons `value` is not a DNS-1123 subdomain.
    public static func dns1123SubdomainErrors(_ value: some StringProtocol) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
                && label.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
        }
        if !valid { errors.append(dns1123SubdomainMessage) }
        return errors
    }

    /// `validation.IsQualifiedName`: an optional DNS subdomain prefix and `/`, then a name of at
    /// most 63 alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric.
    public static func qualifiedNameErrors(_ value: String) -> [String] {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        var errors: [String] = []
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123SubdomainErrors(parts[0]).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + qualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part must be no more than 63 characters")
        }
        if !isQualifiedNamePart(name) { errors.append("name part " + qualifiedNameMessage) }
        return errors
    }

    /// `validation.IsValidLabelValue`.
    public static func labelValueErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
        if !value.isEmpty, !isQualifiedNamePart(Substring(value)) { errors.append(labelValueMessage) }
        return errors
    }

    /// `ValidateOwnerReferences`: apiVersion, kind, name and uid set; at most one controller.
    static func ownerReferenceErrors(_ references: [JSONValue], at path: FieldPath) -> [FieldError] {
        var errors: [FieldError] = []
        var controller: String?
        for reference in references {
            let apiVersion = reference["apiVersion"]?.stringValue ?? ""
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
            let version = parts.count <= 2 ? String(parts.last ?? "") : ""
            let kind = reference["kind"]?.stringValue ?? ""
            let name = reference["name"]?.stringValue ?? ""
            if version.isEmpty { errors.append(.invalid(path.child("apiVersion"), .string(apiVersion), "version must not be empty")) }
            if kind.isEmpty { errors.append(.invalid(path.child("kind"), .string(kind), "kind must not be empty")) }
            if name.isEmpty { errors.append(.invalid(path.child("name"), .string(name), "name must not be empty")) }
            let uid = reference["uid"]?.stringValue ?? ""
            if uid.isEmpty { errors.append(.invalid(path.child("uid"), .string(uid), "uid must not be empty")) }
            guard reference["controller"]?.boolValue == true else { continue }
            if let first = controller {
                errors.append(FieldError(
                    .invalid, path, renderedValue: goSyntax(references),
                    detail: "Only one reference can have Controller set to true. Found \"true\" in references for \(first) and \(kind)/\(name)"
                ))
            } else {
                controller = "\(kind)/\(name)"
            }
        }
        return errors
    }

    /// `ValidateFinalizers`: qualified names, and not both `orphan` and `foregroundDeletion`.
    static func finalizerErrors(_ finalizers: [String], at path: FieldPath) -> [FieldError] {
        var errors: [FieldError] = []
        for finalizer in finalizers {
            errors += qualifiedNameErrors(finalizer).map { .invalid(path, .string(finalizer), $0) }
        }
        if finalizers.contains("orphan"), finalizers.contains("foregroundDeletion") {
            let rendered = "[]string{" + finalizers.map(GoFormat.quote).joined(separator: ", ") + "}"
            errors.append(FieldError(.invalid, path, renderedValue: rendered, detail: "finalizer orphan and foregroundDeletion cannot be both set"))
        }
        return errors
    }

    /// Go's `%#v` of a `[]v1.OwnerReference`, with the pointer fields shown by value.
    private static func goSyntax(_ references: [JSONValue]) -> String {
        let items = references.map { reference in
            let fields = ["apiVersion": "APIVersion", "kind": "Kind", "name": "Name", "uid": "UID"].sorted { $0.value < $1.value }
            var parts = fields.map { "\($0.value):\(GoFormat.quote(reference[$0.key]?.stringValue ?? ""))" }
            for (key, label) in [("controller", "Controller"), ("blockOwnerDeletion", "BlockOwnerDeletion")] {
                parts.append("\(label):" + (reference[key]?.boolValue.map { "(*bool)(\($0))" } ?? "(*bool)(nil)"))
            }
            return "v1.OwnerReference{" + parts.joined(separator: ", ") + "}"
        }
        return "[]v1.OwnerReference{" + items.joined(separator: ", ") + "}"
    }

    private static func isQualifiedNamePart(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last else { return false }
        return isAlphanumeric(first) && isAlphanumeric(last)
            && name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isLowerAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }
}

// MARK: Decoding into metav1.ObjectMeta

extension ObjectMetaValidation {
    /// The JSON type each `metav1.ObjectMeta` field needs, as Go names it.
    private enum GoType {
        case string, int64, bool
        case stringMap, stringList
        case ownerReferences, managedFields

        var name: String {
            switch self {
            case .string: "string"
            case .int64: "int64"
            case .bool: "bool"
            case .stringMap: "map[string]string"
            case .stringList: "[]string"
            case .ownerReferences: "[]v1.OwnerReference"
            case .managedFields: "[]v1.ManagedFieldsEntry"
            }
        }
    }

    private static let fieldTypes: [String: GoType] = [
        "name": .string, "generateName": .string, "namespace": .string, "selfLink": .string, "uid": .string,
        "resourceVersion": .string, "creationTimestamp": .string, "deletionTimestamp": .string,
        "generation": .int64, "deletionGracePeriodSeconds": .int64,
        "labels": .stringMap, "annotations": .stringMap, "finalizers": .stringList,
        "ownerReferences": .ownerReferences, "managedFields": .managedFields,
    ]

    private static let ownerReferenceFields: [String: GoType] = [
        "apiVersion": .string, "kind": .string, "name": .string, "uid": .string, "controller": .bool, "blockOwnerDeletion": .bool,
    ]

    /// encoding/json's `UnmarshalTypeError` for the first field (in key order) of the wrong type.
    static func decodingProblem(_ metadata: JSONValue?) -> String? {
        guard let metadata, !metadata.isNull else { return nil }
        guard case .object(let fields) = metadata else {
            return "json: cannot unmarshal \(GoFormat.unmarshalValue(metadata)) into Go value of type v1.ObjectMeta"
        }
        for key in fields.keys.sorted() {
            guard let type = fieldTypes[key], let value = fields[key] else { continue }
            if let problem = problem(value, type, structName: "ObjectMeta", field: key) { return problem }
        }
        return nil
    }

    private static func problem(_ value: JSONValue, _ type: GoType, structName: String, field: String) -> String? {
        func mismatch(_ value: JSONValue, _ typeName: String, _ structName: String = structName, _ field: String = field) -> String {
            "json: cannot unmarshal \(GoFormat.unmarshalValue(value)) into Go struct field \(structName).\(field) of type \(typeName)"
        }
        switch (type, value) {
        case (_, .null), (.string, .string), (.bool, .bool):
            return nil
        case (.int64, _) where value.integerValue != nil && !isFraction(value):
            return nil
        case (.stringMap, .object(let members)):
            let wrong = members.keys.sorted().first { !(members[$0]!.isNull || members[$0]!.stringValue != nil) }
            return wrong.map { mismatch(members[$0]!, "string") }
        case (.stringList, .array(let elements)):
            return elements.first { !($0.isNull || $0.stringValue != nil) }.map { mismatch($0, "string") }
        case (.ownerReferences, .array(let elements)):
            for element in elements {
                guard case .object(let members) = element else {
                    if element.isNull { continue }
                    return mismatch(element, "v1.OwnerReference")
                }
                for key in members.keys.sorted() {
                    guard let fieldType = ownerReferenceFields[key] else { continue }
                    if let problem = problem(members[key]!, fieldType, structName: "OwnerReference", field: "\(field).\(key)") { return problem }
                }
            }
            return nil
        case (.managedFields, .array(let elements)):
            return elements.first { !($0.isNull || $0.objectValue != nil) }.map { mismatch($0, "v1.ManagedFieldsEntry") }
        default:
            return mismatch(value, type.name)
        }
    }

    private static func isFraction(_ value: JSONValue) -> Bool {
        if case .number(let number) = value { return number.rounded() != number }
        return false
    }
}
