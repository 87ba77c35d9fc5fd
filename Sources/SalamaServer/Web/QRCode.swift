import CQREncode

/// A QR code (libqrencode, error correction M) drawn as one SVG path of unit squares, with a
/// quiet zone of four modules.
struct QRCode {
    /// Modules per side, quiet zone included.
    let size: Int
    /// The dark modules, as SVG path data.
    let svgPath: String

    init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quiet = 4
        var path = ""
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                path += "M\(x + quiet) \(y + quiet)h1v1h-1z"
            }
        }
        size = width + 2 * quiet
        svgPath = path
    }
}
