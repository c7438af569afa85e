/// Protocol Buffers' wire format, read field by field: what Kubernetes' protobuf encoding is
/// written in. Malformed input (a truncated field, a varint past ten bytes, an unknown wire type)
/// throws; nothing is read past the end.
struct ProtobufReader {
    /// One field: its number and its value in wire form.
    enum Field {
        case varint(Int, UInt64)
        case bytes(Int, ArraySlice<UInt8>)
        /// A fixed-width value, which no field Kubernetes encodes uses; skipped.
        case fixed(Int)
    }

    /// The bytes cannot be read as protobuf.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The next field, `nil` at the end.
    mutating func next() throws(Malformed) -> Field? {
        guard !bytes.isEmpty else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed(description: "field number 0") }
        switch key & 7 {
        case 0: return .varint(number, try varint())
        case 1: return .fixed(try skip(8, number))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.count) else { throw Malformed(description: "field \(number) is longer than the message") }
            let value = bytes.prefix(Int(length))
            bytes = bytes.dropFirst(Int(length))
            return .bytes(number, value)
        case 5: return .fixed(try skip(4, number))
        default: throw Malformed(description: "unsupported wire type \(key & 7) of field \(number)")
        }
    }

    private mutating func skip(_ count: Int, _ number: Int) throws(Malformed) -> Int {
        guard bytes.count >= count else { throw Malformed(description: "field \(number) is truncated") }
        bytes = bytes.dropFirst(count)
        return number
    }

    private mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 70, by: 7) {
            guard let byte = bytes.first else { throw Malformed(description: "truncated varint") }
            bytes = bytes.dropFirst()
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return value }
        }
        throw Malformed(description: "varint longer than ten bytes")
    }
}
