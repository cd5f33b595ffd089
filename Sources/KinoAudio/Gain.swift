import Foundation
import KinoCore

/// Decibels to a linear factor and back; −∞ dB is silence.
public enum Gain {
    public static func linear(dB: Double) -> Float { Float(pow(10, dB / 20)) }
    public static func dB(linear: Double) -> Double { linear > 0 ? 20 * log10(linear) : -.infinity }

    /// A fade's gain at `position` of `length` samples (0 → silent, length → full), a raised
    /// cosine so the ends have no corner to click on.
    @inline(__always)
    public static func fade(_ position: Int, of length: Int) -> Float {
        guard length > 0, position < length else { return 1 }
        let x = Float(max(0, position)) / Float(length)
        return 0.5 - 0.5 * cos(Float.pi * x)
    }
}
