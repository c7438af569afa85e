import Foundation

/// The generated secrets of one service's `avnadmin` user: a password, and for Kafka a client
/// certificate and key (TLS client authentication against the project CA).
///
/// Generated once, randomly, when the service is created and stored with it, so they are stable
/// across reads and restarts. The certificate and key are PEM-armoured random bytes, not a
/// parseable X.509 pair (the emulator carries no crypto library); clients copy them, they never
/// use them against the emulator.
struct ServiceCredentials: Codable, Sendable, Hashable {
    var password: String
    var accessCert: String
    var accessKey: String

    /// New random credentials. Passwords look like Aiven's (`AVNS_` and 19 characters).
    static func generate() -> ServiceCredentials {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let password = "AVNS_" + String((0..<19).map { _ in alphabet[Int(random.next() % 62)] })
        return ServiceCredentials(
            password: password,
            accessCert: pem("CERTIFICATE", bytes: 1000, &random),
            accessKey: pem("PRIVATE KEY", bytes: 1200, &random))
    }

    private static func pem(_ label: String, bytes count: Int, _ random: inout SystemRandomNumberGenerator) -> String {
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let base64 = Array(Data(bytes).base64EncodedString())
        let lines = stride(from: 0, to: base64.count, by: 64).map { String(base64[$0..<min($0 + 64, base64.count)]) }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }
}

/// The project CA certificate (`GET /v1/project/{project}/kms/ca`) that signs every Kafka
/// service's certificates. A real, parseable self-signed CA certificate; the emulator serves the
/// same one to every project (on Aiven each project has its own).
enum ProjectCA {
    static let certificate = """
-----BEGIN CERTIFICATE-----
MIIDKTCCAhGgAwIBAgIUbm3IYO5Qs+ISW3uTrfq2m+LSP3owDQYJKoZIhvcNAQEL
BQAwJDEiMCAGA1UEAwwZQWl2ZW4gRW11bGF0b3IgUHJvamVjdCBDQTAeFw0yNjEx
MzAwMTAwNTFaFw00NjExMjUwMTAwNTFaMCQxIjAgBgNVBAMMGUFpdmVuIEVtdWxh
dG9yIFByb2plY3QgQ0EwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCN
8t/A6meA1qz6KsrC7EQjgoQktZ3+hcKUQMNRfmZMUWYHwJr/aX4VJM8KOWh1AoQq
U5CiJ3DEBD+GdP/LAR7+AAx//iuhflYmusfhc89x6yuhPYLJ5ZFCF/5FumJY1g48
uMgQntp3Up8w6EFBfw77l4gAm1RheDuJrd7rckQSwg7wl24i+KjSKtzubhsMXlFs
uZlV8y8ZjoOPZ7jpnWXmk63fJsbhBPSaRRuDQjwV1C9Qjp6QYLhH3lY+FSfvkwh0
v3H8crsdTBcbEQE23piAZJSFbO6jJSyJe0BvJ7s10/pvxkqK+9RISFUs9yy+Z1Nb
AqC2VcFXgQ4b4v6/G/dTAgMBAAGjUzBRMB0GA1UdDgQWBBRF3NR75A+ljpeKv2GS
jTbAdooCoDAfBgNVHSMEGDAWgBRF3NR75A+ljpeKv2GSjTbAdooCoDAPBgNVHRMB
Af8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQBewldnWMy/ket/raOwwxsDnTsc
yPHrk0KvZk+NiEJDKjHMoCxHHrpLQJCddkK6L3Kj3Etk2lnfKHMJ+6q5K+/XBq44
LDFiKej1wu0N9K6tpCoQbtivYeVe8oufLojJGB+lGYRrQI4S/gNrc9oky7PiFxZe
qrnLLZS/wZRx6xQAM8ZAIWQtjV7FMWKzHkMbjVZvxFHhZNR2tElfyHBtdHT1NXvE
ZVUw4ICtpmJ3il5+mzucNfqK1U0PuktsL8jVlxKn1cAqfa38SIzw9yyni2UUKjIB
40u7NiiosTe2PkH5QtR8QQKrlf2OkKFVhoKAJu+28JTZ2sJ7r5TXb+ZnGypK
-----END CERTIFICATE-----

"""
}
