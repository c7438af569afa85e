import Foundation
import LocalKube

/// The self-signed certificate and bearer token of `apiserver --tls`, created once in the state
/// directory (with `openssl`, which Debian's ca-certificates brings along) and reused afterwards,
/// so a restart keeps clients' kubeconfigs valid.
struct TLSCredentials {
    var material: TLSMaterial
    var token: String

    static func load(in directory: String, host: String) throws -> TLSCredentials {
        let certificate = (directory as NSString).appendingPathComponent("apiserver.crt")
        let key = (directory as NSString).appendingPathComponent("apiserver.key")
        let tokenFile = (directory as NSString).appendingPathComponent("apiserver-token")
        let files = FileManager.default
        if !files.fileExists(atPath: certificate) || !files.fileExists(atPath: key) {
            try generate(certificate: certificate, key: key, host: host)
        }
        if !files.fileExists(atPath: tokenFile) {
            let token = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
            try PrivateFile.write(token, to: tokenFile)
        }
        guard let certificatePEM = files.contents(atPath: certificate), let keyPEM = files.contents(atPath: key),
            let token = files.contents(atPath: tokenFile)
        else { throw OperatorLaunchError("cannot read the TLS material in \(directory)") }
        return TLSCredentials(
            material: TLSMaterial(certificatePEM: Array(certificatePEM), privateKeyPEM: Array(keyPEM)),
            token: String(decoding: token, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    private static func generate(certificate: String, key: String, host: String) throws {
        let names = Set(["127.0.0.1", "localhost", host])
        let alternativeNames = names.sorted().map { $0.first?.isNumber == true || $0.contains(":") ? "IP:\($0)" : "DNS:\($0)" }.joined(separator: ",")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "365",
            "-keyout", key, "-out", certificate, "-subj", "/CN=localkube", "-addext", "subjectAltName=\(alternativeNames)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw OperatorLaunchError("--tls needs openssl to create a certificate: \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OperatorLaunchError("openssl could not create a certificate (exit \(process.terminationStatus))") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
    }
}
