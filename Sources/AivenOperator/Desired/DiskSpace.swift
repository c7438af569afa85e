/// `spec.disk_space` read as Aiven's `disk_space_mb`.
///
/// The schema admits `^[1-9][0-9]*(GiB|G)?$`, case-insensitive. `G` and `GiB` are both
/// gibibytes, as the reference operator reads them (`600GiB` and `600G` are 614400 MB). A bare
/// number is gibibytes too: the reference reads it as bytes and so silently sends nothing, which
/// its users reported as a bug (aiven-operator #528).
public enum DiskSpace {
    /// The megabytes `text` asks for.
    public static func megabytes(_ text: String) throws(ServiceSpecError) -> Int {
        var digits = Substring(text)
        for suffix in ["gib", "g"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        guard let first = digits.first, first != "0", digits.allSatisfy(\.isASCIIDigit) else {
            throw ServiceSpecError(message: "spec.disk_space: '\(text)' is not a size such as 600GiB")
        }
        guard let gibibytes = Int(digits) else { throw tooLarge(text) }
        let (megabytes, overflow) = gibibytes.multipliedReportingOverflow(by: 1024)
        guard !overflow else { throw tooLarge(text) }
        return megabytes
    }

    private static func tooLarge(_ text: String) -> ServiceSpecError {
        ServiceSpecError(message: "spec.disk_space: '\(text)' is too large")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
