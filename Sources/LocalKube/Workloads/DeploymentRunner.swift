import Foundation
import KubeAPI
import Logging

/// The kubelet and Deployment controller of `apiserver --run-image IMAGE=PATH`: a Deployment with
/// a container whose image is mapped runs PATH as one local process per replica (see
/// ``PodLaunch`` and ``LocalPod``), and its `status` (replicas, updated, ready and available
/// replicas, `Available`/`Progressing` conditions, `observedGeneration`) follows them, so
/// `kubectl rollout status` and `rollout restart` work. A changed pod template rolls: new pods
/// start, old ones stop once the new ones are ready. Pods stop with SIGTERM and their grace
/// period on scale-down, deletion and shutdown.
///
/// Every pod binds its declared ports on this machine's loopback, so two pods of one template
/// cannot both run: for a template that declares ports, at most one replica runs and a rollout
/// stops the old pod before starting the new one (the rest is reported as `ReplicaFailure`).
actor DeploymentRunner {
    let store: ObjectStore
    /// Container image → entrypoint (executable, arguments).
    let images: [String: [String]]
    /// Pods' private directories live under it.
    let directory: URL
    private var credentials: ServiceAccountCredentials
    private let logger: Logger
    /// Running pods by Deployment (`namespace/name`).
    private var pods: [String: [LocalPod]] = [:]
    /// Pods asked to stop, until their process is gone.
    private var stopping: [LocalPod] = []

    static let deployments = GroupResource(group: "apps", resource: "deployments")
    static let serviceAccounts = GroupResource(group: "", resource: "serviceaccounts")

    init(store: ObjectStore, images: [String: [String]], directory: URL, credentials: ServiceAccountCredentials, logger: Logger) {
        self.store = store
        self.images = images
        self.directory = directory
        self.credentials = credentials
        self.logger = logger
    }

    /// Until cancelled; then every pod is stopped within its grace period.
    func run() async {
        while !Task.isCancelled {
            await pass()
            try? await Task.sleep(for: .milliseconds(250))
        }
        await Task { await self.stopAll() }.value
    }

    private func pass() async {
        var accounts: [String: String] = [:]
        for account in await store.list(Self.serviceAccounts, namespace: nil).items {
            let key = "\(account[path: ["metadata", "namespace"]]?.stringValue ?? "")/\(account[path: ["metadata", "name"]]?.stringValue ?? "")"
            accounts[key] = account[path: ["metadata", "uid"]]?.stringValue
        }
        credentials.accounts = accounts
        var seen: Set<String> = []
        for deployment in await store.list(Self.deployments, namespace: nil).items {
            guard let namespace = deployment[path: ["metadata", "namespace"]]?.stringValue,
                let name = deployment[path: ["metadata", "name"]]?.stringValue,
                deployment[path: ["metadata", "deletionTimestamp"]] == nil,
                let container = (deployment[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []).first(where: { images[$0["image"]?.stringValue ?? ""] != nil })
            else { continue }
            let key = "\(namespace)/\(name)"
            seen.insert(key)
            await reconcile(deployment, key: key, namespace: namespace, name: name, container: container)
        }
        for key in pods.keys where !seen.contains(key) {
            pods[key]?.forEach(stop)
            pods[key] = nil
        }
        stopping.removeAll { $0.enforceGracePeriod() }
    }

    private func stop(_ pod: LocalPod) {
        logger.info("stopping pod", metadata: ["pod": "\(pod.namespace)/\(pod.name)"])
        pod.terminate()
        stopping.append(pod)
    }

    private func reconcile(_ deployment: JSONValue, key: String, namespace: String, name: String, container: JSONValue) async {
        let template = deployment[path: ["spec", "template"]] ?? [:]
        let hash = Self.templateHash(template)
        let desired = Int(deployment[path: ["spec", "replicas"]]?.integerValue ?? 1)
        let declaresPorts = !PodLaunch.ports(of: container).isEmpty
        var running = pods[key] ?? []
        for pod in running { await pod.supervise(credentials: credentials) }
        var current = running.filter { $0.templateHash == hash }
        let old = running.filter { $0.templateHash != hash }
        let capacity = declaresPorts ? min(desired, 1) : desired
        var failure = declaresPorts && desired > 1
            ? "pods of this template declare ports (\(PodLaunch.ports(of: container).map(String.init).joined(separator: ", "))), which only one pod at a time can bind on this machine's loopback"
            : nil
        if current.count > desired {
            current.suffix(current.count - desired).forEach(stop)
            current.removeLast(current.count - desired)
        }
        var retired: [LocalPod] = []
        let oldHoldPorts = declaresPorts && (!old.isEmpty || stopping.contains { "\($0.namespace)/\($0.name)".hasPrefix("\(namespace)/\(name)-") })
        if current.count < capacity {
            if declaresPorts, !old.isEmpty {
                retired = old
            } else if !oldHoldPorts {
                for _ in current.count..<capacity {
                    switch await startPod(namespace: namespace, deploymentName: name, template: template, container: container, hash: hash) {
                    case .success(let pod): current.append(pod)
                    case .failure(let problem): failure = problem.message
                    }
                    if failure != nil { break }
                }
            }
        }
        if !old.isEmpty, current.count >= capacity, current.allSatisfy(\.isReady) { retired = old }
        retired.forEach(stop)
        running = current + old.filter { pod in !retired.contains { $0 === pod } }
        pods[key] = running
        await writeStatus(deployment, pods: running, hash: hash, desired: desired, name: name, failure: failure)
    }

    private func startPod(namespace: String, deploymentName: String, template: JSONValue, container: JSONValue, hash: String) async -> Result<LocalPod, PodLaunch.ConfigError> {
        let podName = "\(deploymentName)-\(hash)-\(Self.suffix())"
        let entrypoint = images[container["image"]?.stringValue ?? ""] ?? []
        let executable = entrypoint.first ?? ""
        let podDirectory = directory.appendingPathComponent(namespace).appendingPathComponent(podName)
        do {
            let launch = try await PodLaunch.resolve(template: template, container: container, entrypoint: entrypoint, namespace: namespace, podName: podName, store: store)
            let pod = LocalPod(name: podName, namespace: namespace, templateHash: hash, launch: launch, directory: podDirectory)
            try pod.start(credentials: credentials)
            logger.info("started pod", metadata: ["pod": "\(namespace)/\(podName)", "executable": "\(executable)", "log": "\(pod.directory.path)/log"])
            return .success(pod)
        } catch {
            try? FileManager.default.removeItem(at: podDirectory)
            switch error {
            case let problem as PodLaunch.ConfigError: return .failure(problem)
            case is ServiceAccountCredentials.MissingServiceAccount:
                let account = template[path: ["spec", "serviceAccountName"]]?.stringValue ?? "default"
                return .failure(PodLaunch.ConfigError(message: "error looking up service account \(namespace)/\(account): serviceaccount \(GoFormat.quote(account)) not found"))
            default:
                return .failure(PodLaunch.ConfigError(message: "failed to start \(executable): \(error.localizedDescription)"))
            }
        }
    }

    // MARK: Status

    private func writeStatus(_ deployment: JSONValue, pods: [LocalPod], hash: String, desired: Int, name: String, failure: String?) async {
        let updated = pods.filter { $0.templateHash == hash }
        let ready = pods.filter(\.isReady).count
        let available = updated.filter(\.isReady).count + pods.filter { $0.templateHash != hash && $0.isReady }.count
        let complete = updated.count == desired && pods.count == desired && updated.allSatisfy(\.isReady)
        let replicaSet = "\(name)-\(hash)"
        let old = deployment["status"] ?? [:]
        var conditions: [JSONValue] = [
            Self.condition(
                "Available", available >= desired, reason: available >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                message: available >= desired ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", previous: old
            ),
            Self.condition(
                "Progressing", true, reason: complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                message: complete ? "ReplicaSet \"\(replicaSet)\" has successfully progressed." : "ReplicaSet \"\(replicaSet)\" is progressing.", previous: old
            ),
        ]
        if let failure { conditions.append(Self.condition("ReplicaFailure", true, reason: "FailedCreate", message: failure, previous: old)) }
        var status: JSONValue = [
            "observedGeneration": deployment[path: ["metadata", "generation"]] ?? 0,
            "replicas": .integer(Int64(pods.count)), "updatedReplicas": .integer(Int64(updated.count)),
            "readyReplicas": .integer(Int64(ready)), "availableReplicas": .integer(Int64(available)),
            "conditions": .array(conditions),
        ]
        if desired - available > 0 { status["unavailableReplicas"] = .integer(Int64(desired - available)) }
        for field in ["readyReplicas", "availableReplicas", "replicas", "updatedReplicas"] where status[field] == 0 { status[field] = nil }
        guard status != old else { return }
        var object = deployment
        object["status"] = status
        var options = WriteOptions()
        options.fieldManager = "kube-controller-manager"
        let type = ServedResource.builtIns.first { $0.groupResource == Self.deployments }!
        _ = try? await ResourceOperations(store: store, type: type).update(
            object, namespace: deployment[path: ["metadata", "namespace"]]?.stringValue, name: name, status: true, options: options
        )
    }

    /// A Deployment condition; its times stay while its status and reason do.
    private static func condition(_ type: String, _ isTrue: Bool, reason: String, message: String, previous: JSONValue) -> JSONValue {
        let status: JSONValue = isTrue ? "True" : "False"
        let before = previous["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
        let now = JSONValue.string(Timestamp.rfc3339(Date()))
        let unchanged = before?["status"] == status && before?["reason"]?.stringValue == reason
        return [
            "type": .string(type), "status": status, "reason": .string(reason), "message": .string(message),
            "lastUpdateTime": unchanged && before?["message"]?.stringValue == message ? before?["lastUpdateTime"] ?? now : now,
            "lastTransitionTime": unchanged ? before?["lastTransitionTime"] ?? now : now,
        ]
    }

    // MARK: Shutdown

    private func stopAll() async {
        for key in pods.keys { pods[key]?.forEach(stop) }
        pods = [:]
        while !stopping.isEmpty {
            stopping.removeAll { $0.enforceGracePeriod() }
            if !stopping.isEmpty { try? await Task.sleep(for: .milliseconds(50)) }
        }
    }

    // MARK: Names

    /// The pod-template hash (ReplicaSet name suffix): FNV-1a of the template, in the alphabet
    /// Kubernetes uses for generated names.
    static func templateHash(_ template: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in template.jsonBytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var text = ""
        for _ in 0..<10 {
            text.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return text
    }

    private static func suffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}
