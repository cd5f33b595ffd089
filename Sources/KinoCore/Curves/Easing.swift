import Foundation

/// Robert Penner's easing equations in the form Blender's F-curves use them: each maps a time
/// inside a segment (`time` in 0…`duration` frames) to `begin` + a share of `change`.
/// Back overshoots by `Easing.backOvershoot`; elastic uses Blender's key defaults
/// (amplitude 0.8, period 4.1 frames), so its wobble count depends on the segment's length.
public enum Easing {
    /// Blender's default "back" overshoot (10 % past the target for ease out).
    public static let backOvershoot = 1.70158
    /// Blender's default elastic amplitude, in the curve's value units.
    public static let elasticAmplitude = 0.8
    /// Blender's default elastic period, in frames.
    public static let elasticPeriod = 4.1

    /// The eased value of `family` (sine … elastic) in `mode`. Constant, linear and bezier are
    /// not easings; for them this is the straight line from `begin` to `begin + change`.
    public static func value(_ family: Interpolation, _ mode: EasingMode,
                             time: Double, begin: Double, change: Double, duration: Double) -> Double {
        guard duration > 0 else { return begin + change }
        let t = min(max(time, 0), duration)
        switch family {
        case .constant, .linear, .bezier:
            return begin + change * t / duration
        case .sine: return sine(mode, t / duration) * change + begin
        case .quad: return quad(mode, t / duration) * change + begin
        case .cubic: return cubic(mode, t / duration) * change + begin
        case .expo: return expo(mode, t / duration) * change + begin
        case .back: return back(mode, t / duration, overshoot: backOvershoot) * change + begin
        case .bounce: return bounce(mode, t / duration) * change + begin
        case .elastic:
            return elastic(mode, time: t, begin: begin, change: change, duration: duration,
                           amplitude: elasticAmplitude, period: elasticPeriod)
        }
    }

    // The unit-interval families: u in 0…1 to a share of the change.

    static func sine(_ mode: EasingMode, _ u: Double) -> Double {
        switch mode {
        case .easeIn: return 1 - cos(u * .pi / 2)
        case .easeOut: return sin(u * .pi / 2)
        case .easeInOut: return (1 - cos(u * .pi)) / 2
        }
    }

    static func quad(_ mode: EasingMode, _ u: Double) -> Double {
        switch mode {
        case .easeIn: return u * u
        case .easeOut: return u * (2 - u)
        case .easeInOut:
            if u < 0.5 { return 2 * u * u }
            let v = 2 * u - 1
            return 0.5 - 0.5 * (v * (v - 2))
        }
    }

    static func cubic(_ mode: EasingMode, _ u: Double) -> Double {
        switch mode {
        case .easeIn: return u * u * u
        case .easeOut:
            let v = u - 1
            return v * v * v + 1
        case .easeInOut:
            if u < 0.5 { return 4 * u * u * u }
            let v = 2 * u - 2
            return 0.5 * (v * v * v + 2)
        }
    }

    /// Blender's exponential easing, rescaled so that it starts exactly at 0 and ends at 1
    /// (Penner's original jumps by 2^-10 at the ends).
    static func expo(_ mode: EasingMode, _ u: Double) -> Double {
        let floor = 1.0 / 1024, scale = 1 / (1 - 1.0 / 1024)
        func easeIn(_ u: Double) -> Double { u == 0 ? 0 : (pow(2, 10 * (u - 1)) - floor) * scale }
        func easeOut(_ u: Double) -> Double { u == 0 ? 0 : 1 - (pow(2, -10 * u) - floor) * scale }
        switch mode {
        case .easeIn: return easeIn(u)
        case .easeOut: return easeOut(u)
        case .easeInOut: return u <= 0.5 ? easeIn(2 * u) / 2 : 0.5 + easeOut(2 * u - 1) / 2
        }
    }

    static func back(_ mode: EasingMode, _ u: Double, overshoot s: Double) -> Double {
        switch mode {
        case .easeIn: return u * u * ((s + 1) * u - s)
        case .easeOut:
            let v = u - 1
            return v * v * ((s + 1) * v + s) + 1
        case .easeInOut:
            let s2 = s * 1.525
            let v = 2 * u
            if v < 1 { return 0.5 * (v * v * ((s2 + 1) * v - s2)) }
            let w = v - 2
            return 0.5 * (w * w * ((s2 + 1) * w + s2) + 2)
        }
    }

    static func bounce(_ mode: EasingMode, _ u: Double) -> Double {
        func out(_ u: Double) -> Double {
            let k = 7.5625
            if u < 1 / 2.75 { return k * u * u }
            if u < 2 / 2.75 { let v = u - 1.5 / 2.75; return k * v * v + 0.75 }
            if u < 2.5 / 2.75 { let v = u - 2.25 / 2.75; return k * v * v + 0.9375 }
            let v = u - 2.625 / 2.75
            return k * v * v + 0.984375
        }
        switch mode {
        case .easeIn: return 1 - out(1 - u)
        case .easeOut: return out(u)
        case .easeInOut: return u < 0.5 ? (1 - out(1 - 2 * u)) / 2 : out(2 * u - 1) / 2 + 0.5
        }
    }

    /// Elastic works in frames, not in the unit interval: the period is a number of frames and
    /// the amplitude a value, as in Blender. When the amplitude is smaller than the change, the
    /// wave is scaled down near the crossing so it does not fall off sharply (Blender's blend).
    static func elastic(_ mode: EasingMode, time: Double, begin: Double, change: Double, duration: Double,
                        amplitude: Double, period: Double) -> Double {
        if time == 0 { return begin }
        let half = mode == .easeInOut
        var u = time / (half ? duration / 2 : duration)
        if u == (half ? 2 : 1) { return begin + change }
        let p = period != 0 ? period : duration * (half ? 0.45 : 0.3)
        u = mode == .easeOut ? -u : u - 1
        var a = amplitude, s: Double, f = 1.0
        if a == 0 || a < abs(change) {
            s = p / 4
            if change != 0 {
                f = a == 0 ? 0 : a / abs(change)
                let distance = abs(u * duration)
                if distance < s {
                    let l = distance / s
                    f = f * l + (1 - l)
                }
            }
            a = change
        } else {
            s = p / (2 * .pi) * asin(change / a)
        }
        func wave(_ u: Double) -> Double { a * pow(2, 10 * u) * sin((u * duration - s) * 2 * .pi / p) }
        switch mode {
        case .easeIn: return -f * wave(u) + begin
        case .easeOut: return f * wave(u) + change + begin
        case .easeInOut:
            if u < 0 { return -0.5 * f * wave(u) + begin }
            return 0.5 * f * wave(-u) + change + begin
        }
    }
}
