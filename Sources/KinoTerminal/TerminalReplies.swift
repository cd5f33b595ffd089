/// What a terminal said back to the capability queries, parsed from raw bytes.
/// Anything that is not a well-formed reply (garbage, typed keys, half sequences) is skipped.
struct TerminalReplies: Equatable, Sendable {
    /// Parameters of the DA1 reply `CSI ? Pc ; Pa ; … c`, when one arrived.
    var deviceAttributes: [Int]?
    /// XTSMGRAPHICS colour registers `CSI ? 1 ; 0 ; N S`.
    var colorRegisters: Int?
    /// XTSMGRAPHICS sixel geometry `CSI ? 2 ; 0 ; W ; H S`.
    var sixelGeometry: PixelSize?
    /// Cell size from `CSI 6 ; H ; W t`.
    var cellSize: PixelSize?
    /// The kitty graphics query was answered `OK`.
    var kittyGraphics = false

    /// Sixel is announced by attribute 4 after the device class in the DA1 reply.
    var sixel: Bool { (deviceAttributes?.dropFirst().contains(4)) ?? false }

    init() {}

    init(parsing bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count else { i += 1; continue }
            if bytes[i + 1] == UInt8(ascii: "["), let (csi, end) = Self.csi(bytes, from: i + 2) {
                absorb(csi)
                i = end
            } else if bytes[i + 1] == UInt8(ascii: "_"), let end = Self.stringTerminator(bytes, from: i + 2) {
                let body = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                if body.hasPrefix("G"), body.hasSuffix(";OK") { kittyGraphics = true }
                i = end + 2
            } else {
                i += 1
            }
        }
    }

    private struct ControlSequence { var privateMarker: UInt8?; var params: [Int?]; var final: UInt8 }

    /// Parses `[?]params final` after `ESC [`; nil for anything malformed.
    private static func csi(_ b: [UInt8], from start: Int) -> (ControlSequence, Int)? {
        var i = start
        var marker: UInt8?
        if i < b.count, b[i] == UInt8(ascii: "?") || b[i] == UInt8(ascii: ">") { marker = b[i]; i += 1 }
        var params: [Int?] = []
        var current: Int?
        while i < b.count, i - start < 64 {
            let c = b[i]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(c - UInt8(ascii: "0"))
                let next = (current ?? 0) * 10 + digit
                current = next > 1_000_000 ? 1_000_000 : next
            case UInt8(ascii: ";"):
                params.append(current); current = nil
            case 0x40...0x7E:
                params.append(current)
                return (ControlSequence(privateMarker: marker, params: params, final: c), i + 1)
            default:
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func stringTerminator(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < b.count, i - start < 4096 {
            if b[i] == 0x1B { return b[i + 1] == UInt8(ascii: "\\") ? i : nil }
            i += 1
        }
        return nil
    }

    private mutating func absorb(_ s: ControlSequence) {
        let p = s.params
        switch (s.privateMarker, s.final) {
        case (UInt8(ascii: "?"), UInt8(ascii: "c")):
            deviceAttributes = p.compactMap { $0 }
        case (UInt8(ascii: "?"), UInt8(ascii: "S")):
            guard p.count >= 3, p[1] == 0, let v = p[2] else { return }
            if p[0] == 1, v > 0 { colorRegisters = v }
            if p[0] == 2, p.count >= 4, let h = p[3], v > 0, h > 0 { sixelGeometry = PixelSize(width: v, height: h) }
        case (nil, UInt8(ascii: "t")):
            guard p.count >= 3, p[0] == 6, let h = p[1], let w = p[2], w > 0, h > 0, w < 1000, h < 1000 else { return }
            cellSize = PixelSize(width: w, height: h)
        default:
            break
        }
    }
}
