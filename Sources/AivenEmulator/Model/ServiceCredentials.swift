import Crypto
import Foundation
import SwiftASN1
import X509

/// The generated secrets of one service user (`avnadmin` or one made through the API): a
/// password, and for Kafka a client certificate and key (TLS client authentication against the
/// project CA).
///
/// Generated once, randomly, when the user is created (with the service for `avnadmin`) and stored
/// with it, so they are stable across reads and restarts; a password reset replaces the password. The key is a fresh P-256 key (PKCS#8 PEM); the certificate is a real
/// X.509 client certificate for it, signed by ``ProjectCA``.
struct ServiceCredentials: Codable, Sendable, Hashable {
    var password: String
    /// Kafka only: the other types' users authenticate by password.
    var accessCert: String?
    var accessKey: String?

    /// New random credentials for `user` of `service`, with a client certificate when
    /// `certificate` (Kafka).
    static func generate(user: String = "avnadmin", service: String, project: String, at time: Date, certificate: Bool) -> ServiceCredentials {
        guard certificate else { return ServiceCredentials(password: randomPassword()) }
        let key = P256.Signing.PrivateKey()
        return ServiceCredentials(
            password: randomPassword(), accessCert: ProjectCA.issue(for: key, user: user, service: service, project: project, at: time),
            accessKey: key.pemRepresentation)
    }

    /// These credentials with `password` instead of the generated one (a PostgreSQL service
    /// created with `admin_password`), or as they are when it is `nil`.
    func withPassword(_ password: String?) -> ServiceCredentials {
        var credentials = self
        if let password { credentials.password = password }
        return credentials
    }

    /// A random password like Aiven's (`AVNS_` and 19 letters and digits).
    static func randomPassword() -> String {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "AVNS_" + String((0..<19).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}

/// The project CA (`GET /v1/project/{project}/kms/ca`) that signs every Kafka service's client
/// certificates: a real self-signed P-256 CA certificate, the same for every project (on Aiven each
/// project has its own). Its key is here in the open: it secures nothing but emulated services.
enum ProjectCA {
    static let certificate = """
-----BEGIN CERTIFICATE-----
MIIBrTCCAVOgAwIBAgIUM9FEpfzkbfG3GJargSaM+gMReIowCgYIKoZIzj0EAwIw
JDEiMCAGA1UEAwwZQWl2ZW4gRW11bGF0b3IgUHJvamVjdCBDQTAeFw0yNjExMzAw
MTQwMDVaFw00NjExMjUwMTQwMDVaMCQxIjAgBgNVBAMMGUFpdmVuIEVtdWxhdG9y
IFByb2plY3QgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR5mdmcvyTaBf8n
K78pqu5aqxVc6zwhThCHKPKYpTiWbSSfDUgXJ3HZrpZvm6qPpsXur7sXQ3IMd2bg
9yv/BXVIo2MwYTAdBgNVHQ4EFgQURsE7yCOuJhYtDViYwPcYE6Jg8YcwHwYDVR0j
BBgwFoAURsE7yCOuJhYtDViYwPcYE6Jg8YcwDwYDVR0TAQH/BAUwAwEB/zAOBgNV
HQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDSAAwRQIgXXa+69DwD8iNtNVxz9WdtcbU
LV2ElJBsBp/vE6tudLcCIQDo2Z/hhmFRsTdQaIEFYO+wWymRwXwi7fM+7ppC8GRc
IQ==
-----END CERTIFICATE-----

"""

    private static let privateKey = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgN6o6hYlDe9nUR3pv
ZTqLzKrsVSBAgtxKp2ea/r9HnXWhRANCAAR5mdmcvyTaBf8nK78pqu5aqxVc6zwh
ThCHKPKYpTiWbSSfDUgXJ3HZrpZvm6qPpsXur7sXQ3IMd2bg9yv/BXVI
-----END PRIVATE KEY-----
"""

    private static let issuer: (certificate: Certificate, key: Certificate.PrivateKey) = {
        do {
            return (try Certificate(pemEncoded: certificate), Certificate.PrivateKey(try P256.Signing.PrivateKey(pemRepresentation: privateKey)))
        } catch {
            preconditionFailure("the embedded project CA is not a PEM certificate and key: \(error)")
        }
    }()

    /// A client certificate (PEM) for `key`, valid for ten years from `time`, signed by the CA.
    static func issue(for key: P256.Signing.PrivateKey, user: String, service: String, project: String, at time: Date) -> String {
        do {
            let subject = try DistinguishedName {
                OrganizationName(project)
                OrganizationalUnitName(service)
                CommonName(user)
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: time.addingTimeInterval(-60), notValidAfter: time.addingTimeInterval(10 * 365 * 86400),
                issuer: issuer.certificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                    try ExtendedKeyUsage([.clientAuth])
                },
                issuerPrivateKey: issuer.key)
            return try certificate.serializeAsPEM().pemString + "\n"
        } catch {
            preconditionFailure("cannot issue a client certificate: \(error)")
        }
    }
}
