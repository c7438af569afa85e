/// The `metadata` checks kube-apiserver applies to every custom resource, with its messages.
public enum ObjectMetaValidation {
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    /// Validates `metadata` (name or generateName present, name a DNS-1123 subdomain).
    public static func validate(_ metadata: JSONValue?) -> [FieldError] {
        let path = FieldPath("metadata")
        let name = metadata?["name"]?.stringValue ?? ""
        let generateName = metadata?["generateName"]?.stringValue ?? ""
        if name.isEmpty {
            return generateName.isEmpty ? [.required(path.child("name"), "name or generateName is required")] : []
        }
        return dns1123SubdomainErrors(name).map { .invalid(path.child("name"), .string(name), $0) }
    }

    /// `validation.IsDNS1123Subdomain`: the reasons `value` is not a DNS-1123 subdomain.
    public static func dns1123SubdomainErrors(_ value: String) -> [String] {
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

    private static func isLowerAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }
}
