import Foundation
import KubeAPI
import Testing

@testable import AivenEmulator

@Suite struct EmulatorStoreTests {
    let time = ManualTime()
    let store: EmulatorStore

    init() throws {
        let time = time
        store = try EmulatorStore(
            timings: EmulatorTimings(provisionDelay: .seconds(10), rebalanceDelay: .seconds(20), vpcDelay: .seconds(30), backupAfter: .seconds(60)),
            stateFile: nil, now: { time.now })
    }

    func create(_ name: String = "my-kc", extra: [String: JSONValue] = [:]) async throws -> JSONValue {
        var body: [String: JSONValue] = ["service_name": .string(name), "service_type": "kafka_connect", "plan": "business-4", "cloud": "google-europe-west1"]
        body.merge(extra) { _, new in new }
        return try await store.createService(project: "p", body: .object(body))
    }

    func state(_ name: String = "my-kc") async throws -> String? {
        try await store.service(project: "p", name: name)[path: ["service", "state"]]?.stringValue
    }

    func failure(_ operation: () async throws -> JSONValue) async -> EmulatorError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error as? EmulatorError
        }
    }

    @Test func createBuildsThenRuns() async throws {
        let created = try await create()
        #expect(created[path: ["service", "state"]] == "REBUILDING")
        #expect(created[path: ["service", "cloud_name"]] == "google-europe-west1")
        #expect(created[path: ["service", "project_vpc_id"]] == .null)
        time.advance(seconds: 9)
        #expect(try await state() == "REBUILDING")
        time.advance(seconds: 1)
        #expect(try await state() == "RUNNING")
    }

    @Test func planChangeRebalancesThenRuns() async throws {
        _ = try await create()
        time.advance(seconds: 10)
        let updated = try await store.updateService(project: "p", name: "my-kc", body: ["plan": "business-8"])
        #expect(updated[path: ["service", "state"]] == "REBALANCING")
        #expect(updated[path: ["service", "plan"]] == "business-8")
        time.advance(seconds: 20)
        #expect(try await state() == "RUNNING")
    }

    @Test func powerOffAndOn() async throws {
        _ = try await create()
        time.advance(seconds: 10)
        _ = try await store.updateService(project: "p", name: "my-kc", body: ["powered": false])
        #expect(try await state() == "POWEROFF")
        _ = try await store.updateService(project: "p", name: "my-kc", body: ["powered": true])
        #expect(try await state() == "REBUILDING")
        time.advance(seconds: 10)
        #expect(try await state() == "RUNNING")
    }

    @Test func terminationProtectionBlocksDeleteAndPowerOff() async throws {
        _ = try await create(extra: ["termination_protection": true])
        let message = "Service is protected against termination and shutdown. Remove termination protection first."
        let delete = await failure { try await store.deleteService(project: "p", name: "my-kc") }
        #expect(delete?.status == 403)
        #expect(delete?.message == message)
        let powerOff = await failure { try await store.updateService(project: "p", name: "my-kc", body: ["powered": false]) }
        #expect(powerOff?.status == 403)
        _ = try await store.updateService(project: "p", name: "my-kc", body: ["termination_protection": false, "project_vpc_id": nil])
        _ = try await store.deleteService(project: "p", name: "my-kc")
        #expect(await failure { try await store.service(project: "p", name: "my-kc") }?.status == 404)
    }

    @Test func duplicatesConflict() async throws {
        _ = try await create()
        let error = await failure { try await create() }
        #expect(error?.status == 409)
        #expect(error?.message.contains("already exists") == true)
    }

    @Test(arguments: ["", "MyKc", "1kc", "kc_1", "kc.1"])
    func serviceNamesFollowAivensRule(name: String) async {
        let error = await failure { try await create(name) }
        #expect(error?.status == 400)
        #expect(error?.message == "Service name must consist of 1-64 alphanumerical characters")
    }

    @Test func namesOverSixtyFourCharactersAreTooLong() async {
        let name = String(repeating: "a", count: 65)
        #expect(await failure { try await create(name) }?.message == "Invalid input for service_name: '\(name)' is too long")
        #expect(await failure { try await create(String(repeating: "a", count: 64)) } == nil)
    }

    @Test func unknownPlansAndCloudsAreInvalid() async {
        let plan = await failure { try await create(extra: ["plan": "mega-1"]) }
        #expect(plan?.message == "Invalid plan 'mega-1' for service type 'kafka_connect'")
        let cloud = await failure { try await create(extra: ["cloud": "moon-1"]) }
        #expect(cloud?.status == 400)
    }

    @Test func bodyShapeIsValidated() async {
        let missing = await failure { try await store.createService(project: "p", body: ["service_name": "x", "service_type": "kafka_connect"]) }
        #expect(missing?.message == "Invalid input: 'plan' is a required property")
        let maintenance = await failure { try await create(extra: ["maintenance": ["dow": "funday", "time": "12:00:00"]]) }
        #expect(maintenance?.message.hasPrefix("Invalid input for maintenance.dow: 'funday' is not one of") == true)
        let time = await failure { try await create(extra: ["maintenance": ["dow": "sunday", "time": "25:00:00"]]) }
        #expect(time?.message.hasPrefix("Invalid input for maintenance.time:") == true)
        let email = await failure { try await create(extra: ["tech_emails": [["email": "not-an-address"]]]) }
        #expect(email?.message.hasPrefix("Invalid input for tech_emails.0.email:") == true)
        let type = await failure { try await create(extra: ["termination_protection": "yes"]) }
        #expect(type?.message == "Invalid input for termination_protection: 'yes' is not of type 'boolean'")
    }

    @Test func tagsReplaceAndPatch() async throws {
        _ = try await create(extra: ["tags": ["env": "test"]])
        _ = try await store.changeTags(project: "p", name: "my-kc", body: ["tags": ["a": "1", "b": "2"]], replace: true)
        #expect(try await store.tags(project: "p", name: "my-kc") == ["tags": ["a": "1", "b": "2"]])
        _ = try await store.changeTags(project: "p", name: "my-kc", body: ["tags": ["a": nil, "c": "3"]], replace: false)
        #expect(try await store.tags(project: "p", name: "my-kc") == ["tags": ["b": "2", "c": "3"]])
    }

    @Test func backupsAppearAfterRunningLongEnough() async throws {
        _ = try await create()
        time.advance(seconds: 10 + 59)
        #expect(try await store.backups(project: "p", name: "my-kc") == ["backups": []])
        time.advance(seconds: 1)
        #expect(try await store.backups(project: "p", name: "my-kc")["backups"]?.arrayValue?.count == 1)
    }

    @Test func vpcsActivateAndRefuseDeletionWhileUsed() async throws {
        let vpc = try await store.createVPC(project: "p", body: ["cloud_name": "aws-eu-west-1", "network_cidr": "10.0.0.0/24", "peering_connections": []])
        #expect(vpc["state"] == "APPROVED")
        let id = try #require(vpc["project_vpc_id"]?.stringValue)
        time.advance(seconds: 30)
        #expect(try await store.vpc(project: "p", id: id)["state"] == "ACTIVE")
        _ = try await create(extra: ["cloud": "aws-eu-west-1", "project_vpc_id": .string(id)])
        #expect(await failure { try await store.deleteVPC(project: "p", id: id) }?.status == 409)
        _ = try await store.deleteService(project: "p", name: "my-kc")
        #expect(try await store.deleteVPC(project: "p", id: id)["state"] == "DELETING")
        time.advance(seconds: 30)
        #expect(await failure { try await store.vpc(project: "p", id: id) }?.status == 404)
    }

    @Test func readReplicaNeedsARunningSourceWithABackup() async throws {
        let replica: [String: JSONValue] = ["service_integrations": [["integration_type": "read_replica", "source_service": "primary"]]]
        #expect(await failure { try await create("replica", extra: replica) }?.status == 404)
        _ = try await create("primary")
        #expect(await failure { try await create("replica", extra: replica) }?.message == "Service primary is not running")
        time.advance(seconds: 70)
        let created = try await create("replica", extra: replica)
        #expect(created[path: ["service", "service_integrations"]]?.arrayValue?.first?["integration_type"] == "read_replica")
    }

    @Test func consoleChangesApplyOutOfBand() async throws {
        _ = try await create()
        _ = try await store.consoleChange(project: "p", name: "my-kc", body: ["plan": "premium-4", "state": "POWEROFF", "tags": ["by": "console"]])
        let service = try await store.service(project: "p", name: "my-kc")
        #expect(service[path: ["service", "plan"]] == "premium-4")
        #expect(service[path: ["service", "state"]] == "POWEROFF")
        #expect(service[path: ["service", "tags"]] == ["by": "console"])
    }

    @Test func readingAnUnknownProjectDoesNotCreateIt() async throws {
        #expect(await failure { try await store.service(project: "ghost", name: "x") }?.status == 404)
        #expect(try await store.services(project: "ghost") == ["services": []])
        #expect(try await store.vpcs(project: "ghost") == ["vpcs": []])
        #expect(await failure { try await store.updateService(project: "ghost", name: "x", body: ["plan": "business-8"]) }?.status == 404)
        #expect(await store.projects["ghost"] == nil)
    }

    @Test func stateFileSurvivesARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aiven-emulator-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let time = time
        let first = try EmulatorStore(timings: EmulatorTimings(), stateFile: StateFile(path: path), now: { time.now })
        _ = try await first.createService(project: "p", body: ["service_name": "kept", "service_type": "kafka_connect", "plan": "startup-4"])
        let second = try EmulatorStore(timings: EmulatorTimings(), stateFile: StateFile(path: path), now: { time.now })
        #expect(try await second.service(project: "p", name: "kept")[path: ["service", "plan"]] == "startup-4")
    }
}
