import Foundation
import KubeAPI
import TestSupport
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
        let first = try EmulatorStore(timings: EmulatorTimings(), stateFile: path, now: { time.now })
        _ = try await first.createService(project: "p", body: ["service_name": "kept", "service_type": "kafka_connect", "plan": "startup-4"])
        let second = try EmulatorStore(timings: EmulatorTimings(), stateFile: path, now: { time.now })
        #expect(try await second.service(project: "p", name: "kept")[path: ["service", "plan"]] == "startup-4")
    }

    static let secretProviders: JSONValue = [
        ["name": "aws", "aws": ["auth_method": "credentials", "region": "eu-west-1", "access_key": "AKIA1", "secret_key": "hunter2"]]
    ]

    func likeAivenStore() throws -> EmulatorStore {
        let time = time
        return try EmulatorStore(timings: EmulatorTimings(), stateFile: nil, userConfigBehaviour: .likeAiven, now: { time.now })
    }

    @Test func likeAivenIsTheDefaultAndExactEchoCanBeChosen() async throws {
        #expect(await store.userConfigMode == ["mode": "like-aiven"])
        let time = time
        let store = try EmulatorStore(timings: EmulatorTimings(), stateFile: nil, userConfigBehaviour: .exactEcho, now: { time.now })
        _ = try await store.createService(project: "p", body: [
            "service_name": "my-kc", "service_type": "kafka_connect", "plan": "business-4", "cloud": "google-europe-west1",
            "user_config": ["service_log": true],
        ])
        #expect(try await store.service(project: "p", name: "my-kc")[path: ["service", "user_config"]] == ["service_log": true])
        _ = try await store.updateService(project: "p", name: "my-kc", body: ["user_config": ["static_ips": false]])
        #expect(try await store.service(project: "p", name: "my-kc")[path: ["service", "user_config"]] == ["static_ips": false])
    }

    @Test func likeAivenFillsInDefaultsAndMergesUpdates() async throws {
        let store = try likeAivenStore()
        let body: JSONValue = ["service_name": "kc", "service_type": "kafka_connect", "plan": "startup-4", "user_config": ["kafka_connect": ["consumer_isolation_level": "read_committed"]]]
        let created = try await store.createService(project: "p", body: body)
        #expect(created[path: ["service", "user_config"]] == ["ip_filter": ["0.0.0.0/0", "::/0"], "kafka_connect": ["consumer_isolation_level": "read_committed"]])
        _ = try await store.updateService(project: "p", name: "kc", body: ["powered": true, "user_config": [:]])
        _ = try await store.updateService(project: "p", name: "kc", body: ["user_config": ["kafka_connect": ["producer_linger_ms": 5], "public_access": ["kafka_connect": true]]])
        #expect(try await store.service(project: "p", name: "kc")[path: ["service", "user_config"]] == [
            "ip_filter": ["0.0.0.0/0", "::/0"],
            "kafka_connect": ["consumer_isolation_level": "read_committed", "producer_linger_ms": 5],
            "public_access": ["kafka_connect": true],
        ])
        _ = try await store.updateService(project: "p", name: "kc", body: ["user_config": ["ip_filter": [["network": "10.0.0.0/8"]]]])
        #expect(try await store.service(project: "p", name: "kc")[path: ["service", "user_config", "ip_filter"]] == [["network": "10.0.0.0/8"]])
        let null = await failure { try await store.updateService(project: "p", name: "kc", body: ["user_config": ["ip_filter": nil]]) }
        #expect(null?.message == "Invalid 'user_config': Invalid input for ip_filter: None is not of type 'array'")
    }

    @Test func nullRemovesOnlyWhereTheMergeSaysSo() {
        let merged = UserConfigBehaviour.merge(["a": nil, "b": ["x": nil, "y": 2], "c": [3]], into: ["a": 1, "b": ["x": 1, "z": 1], "c": [1, 2], "d": true])
        #expect(merged == ["b": ["y": 2, "z": 1], "c": [3], "d": true])
    }

    @Test func likeAivenNeverReturnsSecureOptions() async throws {
        let store = try likeAivenStore()
        let body: JSONValue = ["service_name": "kc", "service_type": "kafka_connect", "plan": "startup-4", "user_config": ["secret_providers": Self.secretProviders]]
        let created = try await store.createService(project: "p", body: body)
        let first = try #require(try await store.services(project: "p")["services"]?.arrayValue?.first)
        let listed: JSONValue = ["service": first]
        let responses: [JSONValue] = [created, try await store.service(project: "p", name: "kc"), listed]
        for response in responses {
            let provider = response[path: ["service", "user_config", "secret_providers"]]?.arrayValue?.first
            #expect(provider?[path: ["aws", "access_key"]] == "AKIA1")
            #expect(provider?[path: ["aws"]]?["secret_key"] == nil)
            #expect(!response.jsonString.contains("hunter2"))
        }
        _ = try await store.updateService(project: "p", name: "kc", body: ["user_config": ["service_log": true]])
        #expect(await store.projects["p"]?.services["kc"]?.userConfig["secret_providers"] == Self.secretProviders)
    }

    @Test func theUserConfigModeSwitchesAtRunTimeAndRefusesNonsense() async throws {
        #expect(try await store.changeUserConfigBehaviour(["mode": "like-aiven"]) == ["mode": "like-aiven"])
        let created = try await create()
        #expect(created[path: ["service", "user_config", "ip_filter"]] == ["0.0.0.0/0", "::/0"])
        for bad: JSONValue in [["mode": "aiven"], [:], ["mode": "exact-echo", "x": 1], ["mode": 1]] {
            #expect(await failure { try await store.changeUserConfigBehaviour(bad) }?.status == 400)
        }
        #expect(await store.userConfigMode == ["mode": "like-aiven"])
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("aiven-emulator-\(UUID()).journal").path
    }

    func reopen(_ path: String) throws -> EmulatorStore {
        let time = time
        return try EmulatorStore(timings: EmulatorTimings(), stateFile: path, now: { time.now })
    }

    @Test func theStateFileIsAPrivateJournalThatGrowsByTheChangeOnly() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try reopen(path)
        for index in 0..<50 {
            _ = try await store.createService(project: "p", body: ["service_name": .string("kc-\(index)"), "service_type": "kafka_connect", "plan": "startup-4"])
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path)).count
        _ = try await store.updateService(project: "p", name: "kc-7", body: ["plan": "business-4"])
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        // A service record carries its generated credentials (a few KB); 50 services are far more.
        #expect(after.count - before < 8192, "an update appends only the changed service")
        #expect(after.starts(with: Array("JOURNAL1".utf8)))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let reopened = try reopen(path)
        #expect(try await reopened.services(project: "p")["services"]?.arrayValue?.count == 50)
        #expect(try await reopened.service(project: "p", name: "kc-7")[path: ["service", "plan"]] == "business-4")
    }

    @Test func aTornLastLineIsDroppedAndAnythingElseUnreadableIsRefused() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try reopen(path)
        _ = try await store.createService(project: "p", body: ["service_name": "kept", "service_type": "kafka_connect", "plan": "startup-4"])
        _ = try await store.createService(project: "p", body: ["service_name": "also-kept", "service_type": "kafka_connect", "plan": "startup-4"])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([200, 0, 0, 0, 1, 2, 3, 4]) + Data(#"{"changes":{"project":"p","changes":[{"serv"#.utf8))
        try handle.close()
        let recovered = try reopen(path)
        #expect(try await recovered.services(project: "p")["services"]?.arrayValue?.count == 2)
        #expect(recovered.recoveryWarning != nil)

        let corrupt = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: corrupt) }
        try "not json\n{\"reset\":{}}\n".write(toFile: corrupt, atomically: true, encoding: .utf8)
        #expect {
            _ = try reopen(corrupt)
        } throws: { error in
            "\(error)".contains(corrupt) && "\(error)".contains("line 1")
        }
        #expect(try String(contentsOfFile: corrupt, encoding: .utf8).hasPrefix("not json"), "a refused file is left as it was")
    }

    @Test func aStateFileInTheEarlierFormatIsReadAndKept() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try reopen(path)
        _ = try await store.createService(project: "p", body: ["service_name": "old", "service_type": "kafka_connect", "plan": "startup-4"])
        let legacy = try JSONEncoder().encode(await store.projects)
        try legacy.write(to: URL(fileURLWithPath: path))
        let reopened = try reopen(path)
        #expect(try await reopened.service(project: "p", name: "old")[path: ["service", "plan"]] == "startup-4")
        _ = try await reopened.createService(project: "p", body: ["service_name": "new", "service_type": "kafka_connect", "plan": "startup-4"])
        #expect(try await reopen(path).services(project: "p")["services"]?.arrayValue?.count == 2)
    }

    @Test func aResetIsJournaledToo() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try reopen(path)
        _ = try await store.createService(project: "p", body: ["service_name": "gone", "service_type": "kafka_connect", "plan": "startup-4"])
        try await store.reset()
        #expect(try await reopen(path).services(project: "p") == ["services": []])
    }
}
