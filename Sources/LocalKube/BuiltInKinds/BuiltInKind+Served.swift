/// The kinds an operator install uses, as LocalKube serves them besides Namespaces, Secrets,
/// Events, Leases and CRDs.
extension BuiltInKind {
    static var servedResources: [ServedResource] {
        var serviceAccounts = ServedResource(
            group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"], namespaced: true,
            behaviour: .builtIn(.serviceAccount)
        )
        serviceAccounts.createSubresources = [(name: "token", group: "authentication.k8s.io", version: "v1", kind: "TokenRequest")]
        var accessReviews = ServedResource(
            group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews", namespaced: false,
            behaviour: .review
        )
        accessReviews.verbs = ["create"]
        var rulesReviews = ServedResource(
            group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectRulesReview", plural: "selfsubjectrulesreviews", namespaced: false,
            behaviour: .review
        )
        rulesReviews.verbs = ["create"]
        var subjectReviews = ServedResource(
            group: "authentication.k8s.io", version: "v1", kind: "SelfSubjectReview", plural: "selfsubjectreviews", namespaced: false,
            behaviour: .review
        )
        subjectReviews.verbs = ["create"]
        return [
            serviceAccounts,
            ServedResource(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"], namespaced: true, behaviour: .builtIn(.configMap)),
            ServedResource(
                group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"], namespaced: true, statusSubresource: true,
                behaviour: .builtIn(.service)
            ),
            ServedResource(
                group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"], namespaced: true,
                statusSubresource: true, behaviour: .builtIn(.deployment)
            ),
            ServedResource(group: rbacGroup, version: "v1", kind: "Role", plural: "roles", namespaced: true, behaviour: .builtIn(.role)),
            ServedResource(group: rbacGroup, version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false, behaviour: .builtIn(.clusterRole)),
            ServedResource(group: rbacGroup, version: "v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true, behaviour: .builtIn(.roleBinding)),
            ServedResource(
                group: rbacGroup, version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false,
                behaviour: .builtIn(.clusterRoleBinding)
            ),
            ServedResource(
                group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingAdmissionPolicy", plural: "validatingadmissionpolicies",
                namespaced: false, statusSubresource: true, behaviour: .builtIn(.validatingAdmissionPolicy)
            ),
            ServedResource(
                group: "admissionregistration.k8s.io", version: "v1", kind: "ValidatingAdmissionPolicyBinding",
                plural: "validatingadmissionpolicybindings", namespaced: false, behaviour: .builtIn(.validatingAdmissionPolicyBinding)
            ),
            accessReviews,
            rulesReviews,
            subjectReviews,
        ]
    }
}
