import Foundation
import KinoCore

/// A colour grade: lift, gamma and gain per channel, then contrast about mid-grey and
/// saturation about luma, applied to the finished frame through per-channel tables and
/// integer arithmetic (deterministic on every machine).
struct ColorGrade: Hashable, Sendable {
    var lift = SIMD3<Double>(0, 0, 0)
    var gamma = SIMD3<Double>(1, 1, 1)
    var gain = SIMD3<Double>(1, 1, 1)
    var contrast = 1.0
    var saturation = 1.0

    static let neutral = ColorGrade()

    /// The grade of a lighting situation: a clean, slightly punchy studio; warm interiors;
    /// golden sunsets; teal shadows and warm highlights at night; muted rain and fog.
    static func of(timeOfDay: TimeOfDay, weather: Weather, environment: SceneSpec.Environment, kelvin: Double) -> ColorGrade {
        var g = ColorGrade()
        switch timeOfDay {
        case .night: g.lift = SIMD3(0, 0.012, 0.03); g.gain = SIMD3(1.05, 1.0, 0.95); g.contrast = 1.1; g.saturation = 1.08
        case .sunset: g.gain = SIMD3(1.06, 0.99, 0.9); g.lift = SIMD3(0.015, 0.005, 0); g.contrast = 1.06; g.saturation = 1.1
        case .morning: g.gain = SIMD3(1.03, 1.0, 0.97); g.contrast = 1.03; g.saturation = 1.04
        case .noon, .afternoon: g.contrast = 1.05; g.saturation = 1.06
        }
        if environment == .studio { g = ColorGrade(lift: .zero, gamma: SIMD3(0.97, 0.97, 0.97), gain: SIMD3(1.02, 1.02, 1.02), contrast: 1.06, saturation: 1.08) }
        if kelvin < 4200 && environment != .studio && timeOfDay != .night { g.gain *= SIMD3(1.03, 1.0, 0.95) }
        switch weather {
        case .rain: g.saturation *= 0.85; g.lift += SIMD3(0, 0.008, 0.015)
        case .fog: g.saturation *= 0.8; g.contrast *= 0.94
        case .clear: break
        }
        return g
    }

    /// One 256-entry table per channel for lift, gamma, gain and contrast.
    func tables() -> [[Int32]] {
        (0..<3).map { c in
            (0..<256).map { v -> Int32 in
                var x = Double(v) / 255
                x = lift[c] + (gain[c] - lift[c]) * x
                x = pow(max(0, x), 1 / gamma[c])
                x = (x - 0.5) * contrast + 0.5
                return Int32(max(0, min(255, (x * 255).rounded())))
            }
        }
    }

    /// Grades rows `rows` of an RGBA frame in place.
    func apply(to pixels: UnsafeMutablePointer<UInt8>, width: Int, rows: Range<Int>, tables: [[Int32]]) {
        let s = Int32((saturation * 256).rounded())
        tables[0].withUnsafeBufferPointer { tr in
            tables[1].withUnsafeBufferPointer { tg in
                tables[2].withUnsafeBufferPointer { tb in
                    for i in (rows.lowerBound * width)..<(rows.upperBound * width) {
                        let p = pixels + i * 4
                        let r = tr[Int(p[0])], g = tg[Int(p[1])], b = tb[Int(p[2])]
                        let y = (54 * r + 183 * g + 19 * b) >> 8
                        p[0] = UInt8(clamping: y + ((r - y) * s) >> 8)
                        p[1] = UInt8(clamping: y + ((g - y) * s) >> 8)
                        p[2] = UInt8(clamping: y + ((b - y) * s) >> 8)
                    }
                }
            }
        }
    }
}
