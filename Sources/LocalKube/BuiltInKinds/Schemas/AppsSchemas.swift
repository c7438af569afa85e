import KubeAPI

/// apps/v1 Deployment, with the pod template fields an operator install uses.
extension BuiltInSchema {
    static let apps: [String: JSONValue] = [
        "Deployment": kind(
            "Deployment enables declarative updates for Pods and ReplicaSets.",
            [
                "spec": object(
                    "Specification of the desired behavior of the Deployment.",
                    [
                        "replicas": integer("Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1."),
                        "selector": labelSelector,
                        "template": object(
                            "Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\".",
                            ["metadata": objectMeta, "spec": podSpec]
                        ),
                        "strategy": object(
                            "The deployment strategy to use to replace existing pods with new ones.",
                            [
                                "type": string("Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate."),
                                "rollingUpdate": object(
                                    "Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.",
                                    [
                                        "maxSurge": intOrString("The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%."),
                                        "maxUnavailable": intOrString("The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%."),
                                    ]
                                ),
                            ]
                        ),
                        "minReadySeconds": integer("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0."),
                        "revisionHistoryLimit": integer("The number of old ReplicaSets to retain to allow rollback. Defaults to 10."),
                        "progressDeadlineSeconds": integer("The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s."),
                        "paused": boolean("Indicates that the deployment is paused."),
                    ],
                    required: ["selector", "template"]
                ),
                "status": opaque("Most recently observed status of the Deployment."),
            ]
        )
    ]

    static let podSpec = object(
        "Specification of the desired behavior of the pod.",
        [
            "containers": array("List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.", of: container),
            "initContainers": array("List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started.", of: container),
            "serviceAccountName": string("ServiceAccountName is the name of the ServiceAccount to use to run this pod."),
            "automountServiceAccountToken": boolean("AutomountServiceAccountToken indicates whether a service account token should be automatically mounted."),
            "securityContext": object(
                "SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.",
                [
                    "runAsNonRoot": boolean("Indicates that the container must run as a non-root user."),
                    "runAsUser": integer("The UID to run the entrypoint of the container process."),
                    "runAsGroup": integer("The GID to run the entrypoint of the container process."),
                    "fsGroup": integer("A special supplemental group that applies to all containers in a pod."),
                    "seccompProfile": seccompProfile,
                ]
            ),
            "volumes": array("List of volumes that can be mounted by containers belonging to the pod.", of: opaque("Volume represents a named volume in a pod that may be accessed by any container in the pod.")),
            "nodeSelector": stringMap("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
            "affinity": opaque("If specified, the pod's scheduling constraints"),
            "tolerations": array("If specified, the pod's tolerations.", of: opaque("The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.")),
            "priorityClassName": string("If specified, indicates the pod's priority."),
            "imagePullSecrets": array("ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.", of: localObjectReference),
            "restartPolicy": string("Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always."),
            "terminationGracePeriodSeconds": integer("Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds."),
        ],
        required: ["containers"]
    )

    static let container = object(
        "A single application container that you want to run within a pod.",
        [
            "name": string("Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated."),
            "image": string("Container image name. This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets."),
            "imagePullPolicy": string("Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise."),
            "command": strings("Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided."),
            "args": strings("Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment."),
            "env": array(
                "List of environment variables to set in the container. Cannot be updated.",
                of: object(
                    "EnvVar represents an environment variable present in a Container.",
                    [
                        "name": string("Name of the environment variable. Must be a C_IDENTIFIER."),
                        "value": string("Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. Defaults to \"\"."),
                        "valueFrom": opaque("Source for the environment variable's value (secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef). Cannot be used if value is not empty."),
                    ],
                    required: ["name"]
                )
            ),
            "envFrom": array("List of sources to populate environment variables in the container.", of: opaque("EnvFromSource represents the source of a set of ConfigMaps or Secrets")),
            "ports": array(
                "List of ports to expose from the container.",
                of: object(
                    "ContainerPort represents a network port in a single container.",
                    [
                        "name": string("If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name."),
                        "containerPort": integer("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536."),
                        "protocol": string("Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\"."),
                        "hostPort": integer("Number of port to expose on the host."),
                    ],
                    required: ["containerPort"]
                )
            ),
            "resources": object(
                "Compute Resources required by this container. Cannot be updated.",
                [
                    "limits": stringMap("Limits describes the maximum amount of compute resources allowed."),
                    "requests": stringMap("Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value."),
                ]
            ),
            "securityContext": object(
                "SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.",
                [
                    "allowPrivilegeEscalation": boolean("AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process."),
                    "readOnlyRootFilesystem": boolean("Whether this container has a read-only root filesystem. Default is false."),
                    "runAsNonRoot": boolean("Indicates that the container must run as a non-root user."),
                    "runAsUser": integer("The UID to run the entrypoint of the container process."),
                    "runAsGroup": integer("The GID to run the entrypoint of the container process."),
                    "privileged": boolean("Run container in privileged mode. Defaults to false."),
                    "capabilities": object(
                        "The capabilities to add/drop when running containers.",
                        ["add": strings("Added capabilities"), "drop": strings("Removed capabilities")]
                    ),
                    "seccompProfile": seccompProfile,
                ]
            ),
            "livenessProbe": probe("Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated."),
            "readinessProbe": probe("Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated."),
            "startupProbe": probe("StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully."),
            "volumeMounts": array("Pod volumes to mount into the container's filesystem. Cannot be updated.", of: opaque("VolumeMount describes a mounting of a Volume within a container.")),
            "workingDir": string("Container's working directory. If not specified, the container runtime's default will be used."),
        ],
        required: ["name"]
    )

    static let seccompProfile = object(
        "The seccomp options to use by the containers in this pod.",
        [
            "type": string("type indicates which kind of seccomp profile will be applied. Valid options are: Localhost, RuntimeDefault, Unconfined."),
            "localhostProfile": string("localhostProfile indicates a profile defined in a file on the node should be used."),
        ],
        required: ["type"]
    )

    static func probe(_ description: String) -> JSONValue {
        object(
            description,
            [
                "httpGet": object(
                    "HTTPGet specifies an HTTP GET request to perform.",
                    [
                        "path": string("Path to access on the HTTP server."),
                        "port": intOrString("Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME."),
                        "scheme": string("Scheme to use for connecting to the host. Defaults to HTTP."),
                        "host": string("Host name to connect to, defaults to the pod IP."),
                    ],
                    required: ["port"]
                ),
                "tcpSocket": object("TCPSocket specifies a connection to a TCP port.", ["port": intOrString("Number or name of the port to access on the container.")], required: ["port"]),
                "exec": object("Exec specifies a command to execute in the container.", ["command": strings("Command is the command line to execute inside the container.")]),
                "initialDelaySeconds": integer("Number of seconds after the container has started before liveness probes are initiated."),
                "periodSeconds": integer("How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1."),
                "timeoutSeconds": integer("Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1."),
                "successThreshold": integer("Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1."),
                "failureThreshold": integer("Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1."),
            ]
        )
    }
}
