import KubeAPI
import Testing

@testable import AivenEmulator

@Suite struct UserConfigValidatorTests {
    let validator = ServiceRequestValidator(catalog: ServiceCatalog())

    func message(_ json: String, type: ServiceCatalog.ServiceType = ServiceCatalog.kafkaConnect) -> String? {
        do {
            _ = try validator.checkUserConfig(try JSONParser().parse(json), type: type)
            return nil
        } catch let error as EmulatorError {
            #expect(error.status == 400)
            return error.message
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func acceptsTheOperatorExample() {
        #expect(message(#"""
            {"kafka_connect":{"consumer_isolation_level":"read_committed","consumer_max_poll_records":500},
             "public_access":{"kafka_connect":true},
             "ip_filter":[{"network":"0.0.0.0/32","description":"bar"},{"network":"10.20.0.0/16"},"192.168.0.0/24"]}
            """#) == nil)
    }

    @Test func rejectsValuesBelowTheMinimum() {
        #expect(message(#"{"kafka_connect":{"consumer_max_poll_records":0}}"#)
            == "Invalid 'user_config': Invalid input for kafka_connect.consumer_max_poll_records: 0 is less than the minimum of 1")
    }

    @Test func rejectsValuesAboveTheMaximum() {
        #expect(message(#"{"kafka_connect":{"producer_linger_ms":5001}}"#)
            == "Invalid 'user_config': Invalid input for kafka_connect.producer_linger_ms: 5001 is greater than the maximum of 5000")
    }

    @Test func rejectsValuesOutsideTheEnum() {
        #expect(message(#"{"kafka_connect":{"producer_compression_type":"brotli"}}"#)
            == "Invalid 'user_config': Invalid input for kafka_connect.producer_compression_type: 'brotli' is not one of ['gzip', 'lz4', 'none', 'snappy', 'zstd']")
    }

    @Test func rejectsWrongTypesInAivensWording() {
        #expect(message(#"{"ip_filter":null}"#) == "Invalid 'user_config': Invalid input for ip_filter: None is not of type 'array'")
        #expect(message(#"{"ip_filter":[5]}"#) == "Invalid 'user_config': Invalid input for ip_filter.0: 5 is not of type 'object', 'string'")
        #expect(message(#"{"service_log":"yes"}"#) == "Invalid 'user_config': Invalid input for service_log: 'yes' is not of type 'boolean'")
    }

    @Test func ipFilterObjectsNeedANetwork() {
        #expect(message(#"{"ip_filter":["10.0.0.0/8",{"description":"office"}]}"#)
            == "Invalid 'user_config': Invalid input for ip_filter.1: 'network' is a required property")
    }

    @Test func rejectsPatternMismatchesAndLongStrings() {
        #expect(message(#"{"additional_backup_regions":["AWS_EU"]}"#)
            == "Invalid 'user_config': Invalid input for additional_backup_regions.0: 'AWS_EU' does not match '^[a-z0-9-]+$'")
        let long = String(repeating: "1", count: 44)
        #expect(message(#"{"ip_filter":["\#(long)"]}"#) == "Invalid 'user_config': Invalid input for ip_filter.0: '\(long)' is too long")
        #expect(message(#"{"additional_backup_regions":["a","b"]}"#)
            == "Invalid 'user_config': Invalid input for additional_backup_regions: ['a', 'b'] is too long")
    }

    @Test func rejectsUnknownKeys() {
        #expect(message(#"{"kafka_connect":{"max_tasks":3}}"#)
            == "Invalid 'user_config': Invalid input for kafka_connect: Additional properties are not allowed ('max_tasks' was unexpected)")
        #expect(message(#"{"bogus":1}"#) == "Invalid 'user_config': Additional properties are not allowed ('bogus' was unexpected)")
    }

    @Test func secretProvidersNeedTheirRequiredFields() {
        #expect(message(#"{"secret_providers":[{"name":"vault","vault":{"auth_method":"token"}}]}"#)
            == "Invalid 'user_config': Invalid input for secret_providers.0.vault: 'address' is a required property")
    }

    @Test func kafkaUserConfigIsCheckedAgainstAivensKafkaSchema() {
        #expect(message(#"{"kafka_connect":true,"schema_registry":true,"kafka_authentication_methods":{"sasl":true},"kafka":{"auto_create_topics_enable":false}}"#, type: ServiceCatalog.kafka) == nil)
        #expect(message(#"{"kafka_connect":"yes"}"#, type: ServiceCatalog.kafka) == "Invalid 'user_config': Invalid input for kafka_connect: 'yes' is not of type 'boolean'")
        #expect(message(#"{"kafka":{"num_partitions":0}}"#, type: ServiceCatalog.kafka)?.hasPrefix("Invalid 'user_config': Invalid input for kafka.num_partitions: 0 is less than the minimum") == true)
        // An option of kafka_connect's schema is unknown to kafka's, and the other way round.
        #expect(message(#"{"secret_providers":[]}"#, type: ServiceCatalog.kafka)?.contains("Additional properties are not allowed") == true)
        #expect(message(#"{"schema_registry":true}"#)?.contains("Additional properties are not allowed") == true)
    }
}
