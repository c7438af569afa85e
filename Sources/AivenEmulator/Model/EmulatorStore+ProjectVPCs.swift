import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST /v1/project/{project}/vpcs`: one VPC per cloud, `APPROVED` until built.
    func createVPC(project: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        if let problem = AivenSchemaValidator(schema: RequestSchemas.vpcCreate).firstProblem(in: body) {
            throw EmulatorError.invalidInput(problem)
        }
        let cloud = body["cloud_name"]?.stringValue ?? ""
        try ServiceRequestValidator(catalog: catalog).checkCloud(cloud)
        let cidr = body["network_cidr"]?.stringValue ?? ""
        guard Self.isIPv4CIDR(cidr) else { throw EmulatorError.invalid("Invalid network_cidr '\(cidr)'") }
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            for gone in state.vpcs.values where gone.isGone(at: time, after: timings.vpcDelay.timeInterval) { state.removeVPC(gone.id) }
            if state.vpcs.values.contains(where: { $0.cloud == cloud && $0.deletingSince == nil }) {
                throw EmulatorError(409, "Project VPC for cloud \(cloud) already exists")
            }
            let vpc = EmulatedVPC(
                id: UUID().uuidString.lowercased(), cloud: cloud, networkCIDR: cidr, createTime: time,
                activeAt: time.addingTimeInterval(timings.vpcDelay.timeInterval), deletingSince: nil)
            state.put(vpc)
            return vpc.json(at: time)
        }
    }

    /// `GET /v1/project/{project}/vpcs/{id}`.
    func vpc(project: String, id: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            guard let vpc = state.vpc(id, at: time, timings) else { throw Self.vpcNotFound(id) }
            return vpc.json(at: time)
        }
    }

    /// `GET /v1/project/{project}/vpcs`.
    func vpcs(project: String) throws(EmulatorError) -> JSONValue {
        try read(project) { state, time in
            var list: [JSONValue] = []
            for vpc in state.existingVPCs(at: time, timings) {
                var item = vpc.json(at: time)
                item["peering_connections"] = nil
                list.append(item)
            }
            return ["vpcs": .array(list)]
        }
    }

    /// `DELETE /v1/project/{project}/vpcs/{id}`: refused while services are in it.
    func deleteVPC(project: String, id: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            guard var vpc = state.vpc(id, at: time, timings) else { throw Self.vpcNotFound(id) }
            if state.services.values.contains(where: { $0.projectVPCId == id }) {
                throw EmulatorError(409, "VPC cannot be deleted while there are services in it")
            }
            if vpc.deletingSince == nil { vpc.deletingSince = time }
            state.put(vpc)
            return vpc.json(at: time)
        }
    }

    static func vpcNotFound(_ id: String) -> EmulatorError {
        EmulatorError(404, "Project VPC \(id) does not exist", errorCode: "project_vpc_not_found")
    }

    static func isIPv4CIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (8...29).contains(prefix) else { return false }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { Int($0).map { (0...255).contains($0) } == true }
    }
}
