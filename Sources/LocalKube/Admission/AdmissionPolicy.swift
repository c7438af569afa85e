import KubeAPI

/// A ValidatingAdmissionPolicy compiled from its object: what it matches and the CEL it runs.
/// Every expression is parsed when the policy is written, so a policy this CEL subset cannot
/// evaluate is refused then, never skipped at request time.
struct AdmissionPolicy: Sendable {
    /// One `resourceRules` entry of `matchConstraints`.
    struct ResourceRule: Sendable {
        var apiGroups: [String]
        var apiVersions: [String]
        var resources: [String]
        var operations: [String]
        var scope: String

        init(json: JSONValue) {
            apiGroups = json.strings("apiGroups")
            apiVersions = json.strings("apiVersions")
            resources = json.strings("resources")
            operations = json.strings("operations")
            scope = json["scope"]?.stringValue ?? "*"
        }

        func matches(_ request: AdmissionRequest) -> Bool {
            guard operations.contains("*") || operations.contains(request.operation.rawValue) else { return false }
            guard apiGroups.contains("*") || apiGroups.contains(request.type.group) else { return false }
            guard apiVersions.contains("*") || apiVersions.contains(request.type.version) else { return false }
            let combined = request.subresource.map { "\(request.type.plural)/\($0)" } ?? request.type.plural
            let resourceMatches = resources.contains { rule in
                if rule == combined || rule == "*/*" { return true }
                if let subresource = request.subresource { return rule == "*/\(subresource)" || rule == "\(request.type.plural)/*" }
                return rule == "*"
            }
            guard resourceMatches else { return false }
            switch scope {
            case "Namespaced": return request.type.namespaced
            case "Cluster": return !request.type.namespaced
            default: return true
            }
        }
    }

    struct Validation: Sendable {
        var source: String
        var expression: CELExpression
        var message: String?
        var messageExpression: CELExpression?
        var reason: String
    }

    var name: String
    var failClosed: Bool
    var resourceRules: [ResourceRule]
    var excludedRules: [ResourceRule]
    var matchConditions: [(name: String, expression: CELExpression)]
    var validations: [Validation]

    static let variables: Set<CELVariable> = [.object, .oldObject, .request]
    static let reasons = ["Unauthorized", "Forbidden", "Invalid", "RequestEntityTooLarge"]

    /// Compiles a policy object, or returns the field errors kube-apiserver's words would give.
    static func compile(_ object: JSONValue) -> Result<AdmissionPolicy, FieldErrors> {
        var errors: [FieldError] = []
        let spec = object["spec"] ?? [:]
        let specPath = FieldPath("spec")
        for unsupported in ["paramKind", "variables", "auditAnnotations"] where spec[unsupported].map({ !$0.isNull }) ?? false {
            errors.append(.forbidden(specPath.child(unsupported), "\(unsupported) is not supported by LocalKube"))
        }
        let failurePolicy = spec["failurePolicy"]?.stringValue ?? "Fail"
        if !["Fail", "Ignore"].contains(failurePolicy) {
            errors.append(.notSupported(specPath.child("failurePolicy"), .string(failurePolicy), supported: ["Fail", "Ignore"]))
        }
        let constraints = spec["matchConstraints"]
        if constraints == nil { errors.append(.required(specPath.child("matchConstraints"))) }
        for selector in ["namespaceSelector", "objectSelector"] {
            if let value = constraints?[selector], value != [:], !value.isNull {
                errors.append(.forbidden(specPath.child("matchConstraints").child(selector), "selectors are not supported by LocalKube; use matchConditions"))
            }
        }
        let rules = constraints?["resourceRules"]?.arrayValue ?? []
        if constraints != nil, rules.isEmpty {
            errors.append(.required(specPath.child("matchConstraints").child("resourceRules")))
        }
        for (index, rule) in rules.enumerated() {
            let path = specPath.child("matchConstraints").child("resourceRules").index(index)
            for field in ["apiGroups", "apiVersions", "resources", "operations"] where (rule[field]?.arrayValue ?? []).isEmpty {
                errors.append(.required(path.child(field)))
            }
            for operation in (rule["operations"]?.arrayValue ?? []).compactMap(\.stringValue)
            where !["*", "CREATE", "UPDATE", "DELETE", "CONNECT"].contains(operation) {
                errors.append(.notSupported(path.child("operations"), .string(operation), supported: ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"]))
            }
        }
        func parse(_ source: String?, at path: FieldPath) -> CELExpression? {
            guard let source, !source.isEmpty else {
                errors.append(.required(path))
                return nil
            }
            do {
                return try CELExpression(parsing: source, variables: variables)
            } catch {
                errors.append(.invalid(path, .string(source), "compilation failed: \(error.message)"))
                return nil
            }
        }
        var conditions: [(name: String, expression: CELExpression)] = []
        for (index, condition) in (spec["matchConditions"]?.arrayValue ?? []).enumerated() {
            let path = specPath.child("matchConditions").index(index)
            let name = condition["name"]?.stringValue ?? ""
            if name.isEmpty { errors.append(.required(path.child("name"))) }
            if let expression = parse(condition["expression"]?.stringValue, at: path.child("expression")) { conditions.append((name, expression)) }
        }
        let validationObjects = spec["validations"]?.arrayValue ?? []
        if validationObjects.isEmpty {
            errors.append(.required(specPath.child("validations"), "validations or auditAnnotations must contain at least one item"))
        }
        var validations: [Validation] = []
        for (index, validation) in validationObjects.enumerated() {
            let path = specPath.child("validations").index(index)
            let reason = validation["reason"]?.stringValue ?? "Invalid"
            if !reasons.contains(reason) { errors.append(.notSupported(path.child("reason"), .string(reason), supported: reasons)) }
            let message = validation["message"]?.stringValue
            if let message, message.contains("\n") { errors.append(.invalid(path.child("message"), .string(message), "message must not contain line breaks")) }
            let messageExpression = validation["messageExpression"]?.stringValue.flatMap { parse($0, at: path.child("messageExpression")) }
            guard let source = validation["expression"]?.stringValue, let expression = parse(source, at: path.child("expression")) else {
                if validation["expression"]?.stringValue != nil { continue }
                errors.append(.required(path.child("expression")))
                continue
            }
            validations.append(Validation(source: source, expression: expression, message: message, messageExpression: messageExpression, reason: reason))
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors: errors)) }
        return .success(AdmissionPolicy(
            name: object[path: ["metadata", "name"]]?.stringValue ?? "", failClosed: failurePolicy == "Fail",
            resourceRules: rules.map(ResourceRule.init(json:)),
            excludedRules: (constraints?["excludeResourceRules"]?.arrayValue ?? []).map(ResourceRule.init(json:)),
            matchConditions: conditions, validations: validations
        ))
    }

    func matches(_ request: AdmissionRequest) -> Bool {
        resourceRules.contains { $0.matches(request) } && !excludedRules.contains { $0.matches(request) }
    }
}

/// Field errors as one error value.
struct FieldErrors: Error, Sendable {
    var errors: [FieldError]
}
