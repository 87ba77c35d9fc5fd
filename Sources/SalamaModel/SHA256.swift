import Crypto

/// SHA-256 (FIPS 180-4) through swift-crypto, for the checklist hash the results carry.
enum SHA256 {
    /// The lower-case hexadecimal digest of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: bytes) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
