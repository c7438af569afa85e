import Foundation
import KubeAPI
import Logging

/// Runs the stored ValidatingAdmissionPolicies against one write, as kube-apiserver does after
/// its built-in validation: each binding's policy that matches the request evaluates its match
/// conditions and validations; a failure denies the request (`Deny`), adds a warning (`Warn`)
/// or is logged (`Audit`). An expression that errors counts as a failure unless the policy's
/// `failurePolicy` is `Ignore`.
struct PolicyAdmission: Sendable {
    let store: ObjectStore
    let logger = Logger(label: "LocalKube.admission")

    static let policies = GroupResource(group: "admissionregistration.k8s.io", resource: "validatingadmissionpolicies")
    static let bindings = GroupResource(group: "admissionregistration.k8s.io", resource: "validatingadmissionpolicybindings")

    /// The warnings for the response, or the denial.
    func admit(_ request: AdmissionRequest) async throws(APIError) -> [String] {
        let bindingObjects = await store.list(Self.bindings, namespace: nil).items
        guard !bindingObjects.isEmpty else { return [] }
        var policies: [String: AdmissionPolicy] = [:]
        for object in await store.list(Self.policies, namespace: nil).items {
            if case .success(let policy) = AdmissionPolicy.compile(object) { policies[policy.name] = policy }
        }
        var warnings: [String] = []
        var denial: APIError?
        let variables = request.bindings
        for object in bindingObjects {
            guard case .success(let binding) = AdmissionPolicyBinding.compile(object), let policy = policies[binding.policyName],
                policy.matches(request)
            else { continue }
            for failure in Self.failures(of: policy, variables: variables) {
                let decision = "ValidatingAdmissionPolicy '\(policy.name)' with binding '\(binding.name)' denied request: \(failure.message)"
                if binding.actions.contains(.deny), denial == nil {
                    denial = APIError(
                        code: Self.code(for: failure.reason), reason: failure.reason, message: "\(request.qualifiedName) is forbidden: \(decision)",
                        details: StatusDetails(
                            name: request.name, group: request.type.group, kind: request.type.plural, causes: [StatusCause(reason: nil, message: decision, field: nil)]
                        )
                    )
                }
                if binding.actions.contains(.warn) {
                    warnings.append("Validation failed for ValidatingAdmissionPolicy '\(policy.name)' with binding '\(binding.name)': \(failure.message)")
                }
                if binding.actions.contains(.audit) {
                    logger.notice("admission policy audit failure", metadata: [
                        "policy": "\(policy.name)", "binding": "\(binding.name)", "operation": "\(request.operation.rawValue)",
                        "resource": "\(request.qualifiedName)", "user": "\(request.user.name)", "message": "\(failure.message)",
                    ])
                }
            }
        }
        if let denial { throw denial }
        return warnings
    }

    /// The failed validations of a matching policy (none when a match condition is false).
    static func failures(of policy: AdmissionPolicy, variables: [CELVariable: JSONValue]) -> [(message: String, reason: String)] {
        for condition in policy.matchConditions {
            do {
                guard try condition.expression.evaluate(variables) == .bool(true) else { return [] }
            } catch {
                guard policy.failClosed else { return [] }
                return [("expression '\(condition.name)' resulted in error: \(error.message)", "Invalid")]
            }
        }
        var failures: [(message: String, reason: String)] = []
        for validation in policy.validations {
            let result: JSONValue
            do {
                result = try validation.expression.evaluate(variables)
            } catch {
                if policy.failClosed { failures.append(("expression '\(validation.source)' resulted in error: \(error.message)", validation.reason)) }
                continue
            }
            guard result != .bool(true) else { continue }
            guard result == .bool(false) else {
                if policy.failClosed { failures.append(("expression '\(validation.source)' resulted in error: no such overload: expected a bool", validation.reason)) }
                continue
            }
            failures.append((message(for: validation, variables: variables), validation.reason))
        }
        return failures
    }

    private static func message(for validation: AdmissionPolicy.Validation, variables: [CELVariable: JSONValue]) -> String {
        if let expression = validation.messageExpression, case .string(let text)? = try? expression.evaluate(variables),
            !text.trimmingCharacters(in: .whitespaces).isEmpty, !text.contains("\n")
        {
            return text
        }
        if let message = validation.message, !message.isEmpty { return message }
        return "failed expression: \(validation.source)"
    }

    private static func code(for reason: String) -> Int {
        switch reason {
        case "Unauthorized": 401
        case "Forbidden": 403
        case "RequestEntityTooLarge": 413
        default: 422
        }
    }
}
