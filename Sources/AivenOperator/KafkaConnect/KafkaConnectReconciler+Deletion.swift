import AivenClient
import AivenResources
import KubeAPI
import KubeClient
import KubeRuntime

extension KafkaConnectReconciler {
    /// Deletion: the finalizer comes off only when the Aiven service is gone (or must be kept:
    /// deletion policy `Orphan`, or a service this resource never owned). Termination protection
    /// keeps both the service and the resource until it is turned off.
    func finalize(_ resource: KafkaConnect, client: ResourceClient<KafkaConnect>) async throws -> ReconcileResult {
        guard resource.metadata.finalizers?.contains(OperatorAnnotations.finalizer) == true else { return .done }
        let name = resource.metadata.name ?? ""
        if resource.metadata.annotations?[OperatorAnnotations.deletionPolicy]?.lowercased() == "orphan" {
            _ = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
            await events.record(.normal, reason: "Orphaned", message: "Kept Aiven service \(resource.spec.project)/\(name) (deletion policy Orphan)", about: resource)
            return .done
        }
        var status = StatusUpdate(resource)
        if resource.spec.terminationProtection == true {
            let message = "spec.terminationProtection is true: the Aiven service is kept and the resource waits. Set it to false to finish the deletion."
            status.waiting(reason: "DeletionBlocked", message: message)
            try await status.write(using: client)
            await events.record(.warning, reason: "DeletionBlocked", message: message, about: resource)
            return .done
        }
        do {
            let token = try await tokens.token(namespace: resource.metadata.namespace ?? "default", reference: resource.spec.authSecretRef)
            let aiven = aiven.client(for: token.token)
            let service: AivenService
            do {
                service = try await aiven.getService(project: resource.spec.project, name: name)
            } catch .notFound {
                _ = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
                return .done
            } catch {
                throw ReconcileFailure(error, token: token)
            }
            let owned = service.tags?[ServiceSpec.ownerTag] == resource.metadata.uid
                || resource.metadata.annotations?[OperatorAnnotations.adopt] == "true"
            guard owned else {
                // Never delete a service this resource did not create or adopt.
                _ = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
                return .done
            }
            do {
                if service.terminationProtection {
                    _ = try await aiven.updateService(project: resource.spec.project, name: name, ServiceUpdateRequest(terminationProtection: false))
                }
                try await aiven.deleteService(project: resource.spec.project, name: name)
                _ = try await aiven.getService(project: resource.spec.project, name: name)
            } catch .notFound {
                _ = try await Finalizers.remove(OperatorAnnotations.finalizer, from: resource, using: client)
                await events.record(.normal, reason: "Deleted", message: "Deleted Aiven service \(resource.spec.project)/\(name)", about: resource)
                return .done
            } catch {
                throw ReconcileFailure(error, token: token)
            }
            // Aiven still reports the service: look again shortly.
            return .requeue(after: configuration.pollInterval)
        } catch let error as TokenError {
            let failure = ReconcileFailure(reason: error.reason, message: "Cannot delete the Aiven service without a token: \(error)", retryAfter: nil)
            status.fail(failure)
            try await status.write(using: client)
            throw failure
        } catch let failure as ReconcileFailure {
            status.fail(failure)
            try await status.write(using: client)
            throw failure
        }
    }
}
