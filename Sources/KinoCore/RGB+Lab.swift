import Foundation

/// CIE L*a*b* (D65) for colour distances that follow what people see: ΔE76 ≈ 2.3 is a
/// just-noticeable difference, above 10 two colours read as different.
extension RGB {
    /// L in 0…100, a and b roughly −128…128.
    public var lab: SIMD3<Double> {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let rl = linear(r), gl = linear(g), bl = linear(b)
        let x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047
        let y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl
        let z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let fx = f(x), fy = f(y), fz = f(z)
        return SIMD3(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// Euclidean distance in L*a*b* (CIE76 ΔE).
    public func deltaE(_ other: RGB) -> Double { RGB.deltaE(lab, other.lab) }

    /// ΔE76 between two L*a*b* values.
    public static func deltaE(_ p: SIMD3<Double>, _ q: SIMD3<Double>) -> Double {
        let d = p - q
        return (d * d).sum().squareRoot()
    }
}
