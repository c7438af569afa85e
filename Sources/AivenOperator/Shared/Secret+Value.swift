import Foundation
import KubeAPI

extension Secret {
    /// The plain-text value of `key`: `data` (base64) or `stringData`; `nil` when absent.
    func value(of key: String) -> String? {
        data?[key].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? stringData?[key]
    }
}
