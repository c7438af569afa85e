import KubeAPI

/// core/v1 ServiceAccount, ConfigMap and Service.
extension BuiltInSchema {
    static let core: [String: JSONValue] = [
        "ServiceAccount": kind(
            "ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets",
            [
                "automountServiceAccountToken": boolean("AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted. Can be overridden at the pod level."),
                "secrets": array(
                    "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.",
                    of: object("ObjectReference contains enough information to let you inspect or modify the referred object.", ["name": string("Name of the referent."), "namespace": string("Namespace of the referent.")])
                ),
                "imagePullSecrets": array(
                    "ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.",
                    of: localObjectReference
                ),
            ]
        ),
        "ConfigMap": kind(
            "ConfigMap holds configuration data for pods to consume.",
            [
                "data": stringMap("Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field."),
                "binaryData": stringMap("BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'. BinaryData can contain byte sequences that are not in the UTF-8 range. The keys stored in BinaryData must not overlap with the ones in the Data field."),
                "immutable": boolean("Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil."),
            ]
        ),
        "Service": kind(
            "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
            [
                "spec": object(
                    "Spec defines the behavior of a service.",
                    [
                        "ports": array(
                            "The list of ports that are exposed by this service.",
                            of: object(
                                "ServicePort contains information on service's port.",
                                [
                                    "name": string("The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names."),
                                    "protocol": string("The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP."),
                                    "appProtocol": string("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand."),
                                    "port": integer("The port that will be exposed by this service."),
                                    "targetPort": intOrString("Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used."),
                                    "nodePort": integer("The port on each node on which this service is exposed when type is NodePort or LoadBalancer."),
                                ],
                                required: ["port"]
                            )
                        ),
                        "selector": stringMap("Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify."),
                        "type": string("type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
                        "clusterIP": string("clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range, and is not in use, it will be allocated to the service; otherwise creation of the service will fail."),
                        "clusterIPs": strings("ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly."),
                        "externalName": string("externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). Requires `type` to be \"ExternalName\"."),
                        "sessionAffinity": string("Supports \"ClientIP\" and \"None\". Used to maintain session affinity. Defaults to None."),
                        "ipFamilies": strings("IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service."),
                        "ipFamilyPolicy": string("IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. Valid values are \"SingleStack\", \"PreferDualStack\" and \"RequireDualStack\"."),
                        "internalTrafficPolicy": string("InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP. \"Cluster\" or \"Local\"."),
                    ]
                ),
                "status": opaque("Most recently observed status of the service. Populated by the system. Read-only."),
            ]
        ),
    ]

    static let localObjectReference = object(
        "LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.",
        ["name": string("Name of the referent.")]
    )
}
