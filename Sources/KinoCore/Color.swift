/// A colour in linear-agnostic 8-bit sRGB, as people name and pick colours.
public struct RGB: Hashable, Sendable, Codable, CustomStringConvertible {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// Parses "#RRGGBB" or "RRGGBB".
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff))
    }
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }.joined()
    }
    public var description: String { hex }
    /// Components as 0…1 doubles.
    public var unit: SIMD3<Double> { SIMD3(Double(r), Double(g), Double(b)) / 255 }
    public init(unit v: SIMD3<Double>) {
        func c(_ x: Double) -> UInt8 { UInt8(max(0, min(255, (x * 255).rounded()))) }
        self.init(c(v.x), c(v.y), c(v.z))
    }
}

/// A 3-vector for positions and directions in world space (metres; y is up).
public typealias Vec3 = SIMD3<Double>
