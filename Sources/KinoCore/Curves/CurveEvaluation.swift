import Foundation

extension AnimationCurve {
    /// The curve's value at `frame` (fractional frames allowed). Each segment runs as its
    /// first key's `interpolation` says; outside the keys the end values hold; empty is 0.
    public func value(at frame: Double) -> Double {
        guard let first = keys.first, let last = keys.last else { return 0 }
        if frame <= first.frame || frame.isNaN { return first.value }
        if frame >= last.frame { return last.value }
        let i = segmentIndex(containing: frame)
        return AnimationCurve.evaluate(from: keys[i], to: keys[i + 1], at: frame)
    }

    /// The index of the key that starts the segment holding `frame`
    /// (keys[i].frame <= frame < keys[i+1].frame); `frame` must lie inside the keys.
    func segmentIndex(containing frame: Double) -> Int {
        var lo = 0, hi = keys.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if keys[mid].frame <= frame { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The value of the segment from `a` to `b` at `frame` (a.frame <= frame <= b.frame).
    static func evaluate(from a: Keyframe, to b: Keyframe, at frame: Double) -> Double {
        let duration = b.frame - a.frame
        guard duration > 0 else { return b.value }
        let time = frame - a.frame
        switch a.interpolation {
        case .constant:
            return a.value
        case .linear:
            return a.value + (b.value - a.value) * (time / duration)
        case .bezier:
            return BezierSegment(from: a, to: b).value(at: frame)
        case .sine, .quad, .cubic, .expo, .back, .bounce, .elastic:
            return Easing.value(a.interpolation, a.easing, time: time, begin: a.value,
                                change: b.value - a.value, duration: duration)
        }
    }
}

/// One cubic bezier segment between two keys, in (frame, value) space, with the handles made
/// safe the way Blender's F-curves make them: a handle never points backward past its key, and
/// when the two handles together reach further than the gap between the keys, both are
/// shortened by the same factor (keeping their directions). Then x(t) is monotone, so every
/// frame has exactly one value.
public struct BezierSegment: Hashable, Sendable {
    /// Control points: key a, a's right handle, b's left handle, key b (absolute coordinates).
    public let x0: Double, x1: Double, x2: Double, x3: Double
    public let y0: Double, y1: Double, y2: Double, y3: Double

    public init(from a: Keyframe, to b: Keyframe) {
        var h1 = Handle(dt: max(0, a.rightHandle.dt), dv: a.rightHandle.dv)
        var h2 = Handle(dt: min(0, b.leftHandle.dt), dv: b.leftHandle.dv)
        let gap = b.frame - a.frame
        let reach = h1.dt - h2.dt
        if reach > gap, reach > 0 {
            let f = gap / reach
            h1 = Handle(dt: h1.dt * f, dv: h1.dv * f)
            h2 = Handle(dt: h2.dt * f, dv: h2.dv * f)
        }
        var p1 = a.frame + h1.dt, p2 = b.frame + h2.dt
        // Rounding can put x1 a hair past x2; keep the ordering exact.
        if p1 > p2 { p1 = (p1 + p2) / 2; p2 = p1 }
        x0 = a.frame; x1 = p1; x2 = p2; x3 = b.frame
        y0 = a.value; y1 = a.value + h1.dv; y2 = b.value + h2.dv; y3 = b.value
    }

    /// Written as p0 plus weighted differences, so a segment whose control points are all
    /// equal is exactly flat (no rounding from Bernstein weights that sum to 1 only nearly).
    static func cubic(_ p0: Double, _ p1: Double, _ p2: Double, _ p3: Double, _ t: Double) -> Double {
        let s = 1 - t
        return p0 + 3 * s * s * t * (p1 - p0) + 3 * s * t * t * (p2 - p0) + t * t * t * (p3 - p0)
    }

    static func derivative(_ p0: Double, _ p1: Double, _ p2: Double, _ p3: Double, _ t: Double) -> Double {
        let s = 1 - t
        return 3 * (s * s * (p1 - p0) + 2 * s * t * (p2 - p1) + t * t * (p3 - p2))
    }

    /// x(t): the frame at curve parameter t in 0…1.
    public func frame(at t: Double) -> Double { BezierSegment.cubic(x0, x1, x2, x3, t) }

    /// y(t): the value at curve parameter t in 0…1.
    public func curveValue(at t: Double) -> Double { BezierSegment.cubic(y0, y1, y2, y3, t) }

    /// The parameter t with x(t) = frame. x is monotone, so Newton steps guarded by a
    /// shrinking bracket always converge. The solve runs on the segment scaled to 0…1, so
    /// its precision does not depend on how far from frame 0 the segment lies.
    public func parameter(at frame: Double) -> Double {
        if frame <= x0 { return 0 }
        if frame >= x3 { return 1 }
        let gap = x3 - x0
        let target = (frame - x0) / gap, p1 = (x1 - x0) / gap, p2 = (x2 - x0) / gap
        var lo = 0.0, hi = 1.0
        var t = target
        for _ in 0..<100 {
            let error = BezierSegment.cubic(0, p1, p2, 1, t) - target
            if abs(error) <= 1e-15 { return t }
            if error < 0 { lo = t } else { hi = t }
            let slope = BezierSegment.derivative(0, p1, p2, 1, t)
            var next = slope > 0 ? t - error / slope : .nan
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if next == t || hi - lo <= 1e-16 { return next }
            t = next
        }
        return t
    }

    /// The segment's value at `frame`: solve x(t) = frame, then y(t).
    public func value(at frame: Double) -> Double { curveValue(at: parameter(at: frame)) }
}
