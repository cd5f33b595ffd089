import Testing
@testable import KinoCore

/// Evaluation of constant, linear and bezier segments, extrapolation, and the x(t) = f solve.
/// Bezier expectations come from a separate Python bisection on the same control points.
struct CurveEvaluationTests {
    func key(_ f: Double, _ v: Double, _ i: Interpolation = .bezier, _ h: HandleType = .autoClamped,
             left: Handle = Handle(dt: -1, dv: 0), right: Handle = Handle(dt: 1, dv: 0)) -> Keyframe {
        Keyframe(frame: f, value: v, interpolation: i, handleType: h, leftHandle: left, rightHandle: right)
    }

    @Test func emptyCurveIsZeroEverywhere() {
        let c = AnimationCurve()
        #expect(c.value(at: -5) == 0 && c.value(at: 0) == 0 && c.value(at: 100) == 0)
    }

    @Test func valuesHoldOutsideTheKeys() {
        let c = AnimationCurve(keys: [key(10, 3, .linear), key(20, 7, .linear)])
        #expect(c.value(at: -100) == 3)
        #expect(c.value(at: 10) == 3)
        #expect(c.value(at: 20) == 7)
        #expect(c.value(at: 1e9) == 7)
        #expect(AnimationCurve(constant: 2.5).value(at: 42) == 2.5)
    }

    @Test func constantSegmentHoldsUntilTheNextKey() {
        let c = AnimationCurve(keys: [key(0, 1, .constant), key(10, 5, .constant), key(20, 9)])
        #expect(c.value(at: 9.999) == 1)
        #expect(c.value(at: 10) == 5)
        #expect(c.value(at: 19.5) == 5)
        #expect(c.value(at: 20) == 9)
    }

    @Test func linearSegmentInterpolatesStraight() {
        let c = AnimationCurve(keys: [key(0, 0, .linear), key(8, 4, .linear), key(12, -4)])
        #expect(c.value(at: 2) == 1)
        #expect(c.value(at: 10) == 0)
        #expect(c.value(at: 11) == -2)
    }

    @Test func twoAutoClampedKeysEaseInAndOut() {
        // Both keys are ends, so both are flat; handles reach 10/2.5614 = 3.904 frames.
        let c = AnimationCurve(keys: [key(0, 0), key(10, 10)])
        #expect(abs(c.keys[0].rightHandle.dt - 3.9041149371437496) < 1e-12)
        #expect(c.keys[0].rightHandle.dv == 0 && c.keys[1].leftHandle.dv == 0)
        #expect(abs(c.value(at: 2.5) - 1.382844381521) < 1e-9)
        #expect(abs(c.value(at: 5) - 5) < 1e-12)
        #expect(abs(c.value(at: 7.5) - 8.617155618479) < 1e-9)
    }

    @Test func handlesReachingPastEachOtherAreShortenedTogether() {
        // Right handle 20 frames, left handle 20 frames on a 10-frame gap: both scale by 1/4,
        // so the segment equals one with 5-frame handles.
        let long = AnimationCurve(keys: [key(0, 0, .bezier, .free, right: Handle(dt: 20, dv: 0)),
                                         key(10, 10, .bezier, .free, left: Handle(dt: -20, dv: 0))])
        let short = AnimationCurve(keys: [key(0, 0, .bezier, .free, right: Handle(dt: 5, dv: 0)),
                                          key(10, 10, .bezier, .free, left: Handle(dt: -5, dv: 0))])
        #expect(abs(long.value(at: 2.5) - 1.05892543025) < 1e-9)
        #expect(abs(long.value(at: 5) - 5) < 1e-12)
        #expect(abs(long.value(at: 7.5) - 8.94107456975) < 1e-9)
        for f in stride(from: 0.0, through: 10, by: 0.25) {
            #expect(abs(long.value(at: f) - short.value(at: f)) < 1e-12)
        }
    }

    @Test func zeroLengthHandlesGiveAStraightLine() {
        let c = AnimationCurve(keys: [key(0, 2, .bezier, .free, left: Handle(dt: 0, dv: 0), right: Handle(dt: 0, dv: 0)),
                                      key(10, 12, .bezier, .free, left: Handle(dt: 0, dv: 0), right: Handle(dt: 0, dv: 0))])
        for f in stride(from: 0.0, through: 10, by: 0.5) {
            #expect(abs(c.value(at: f) - (2 + f)) < 1e-10, "frame \(f)")
        }
    }

    @Test func verticalHandlesStillGiveOneValuePerFrame() {
        // Handles with no time extent but large value extent: x(t) is smoothstep, y wiggles.
        let c = AnimationCurve(keys: [key(0, 0, .bezier, .free, right: Handle(dt: 0, dv: 10)),
                                      key(10, 10, .bezier, .free, left: Handle(dt: 0, dv: -10))])
        #expect(abs(c.value(at: 2.5) - 4.790554669992) < 1e-9)
        #expect(abs(c.value(at: 5) - 5) < 1e-12)
        #expect(abs(c.value(at: 7.5) - 5.209445330008) < 1e-9)
    }

    @Test func handlesPointingBackwardAreTreatedAsFlatInTime() {
        // A right handle with negative dt would make x(t) run backwards; it is held at dt = 0,
        // so the curve is the same as with a zero-time handle.
        let bad = AnimationCurve(keys: [key(0, 0, .bezier, .free, right: Handle(dt: -4, dv: 3)), key(10, 10)])
        let held = AnimationCurve(keys: [key(0, 0, .bezier, .free, right: Handle(dt: 0, dv: 3)), key(10, 10)])
        for f in stride(from: 0.0, through: 10, by: 0.5) {
            #expect(bad.value(at: f) == held.value(at: f))
        }
    }

    @Test func bezierSolveIsMonotoneAndExact() {
        let a = key(0, 0, .bezier, .free, right: Handle(dt: 9, dv: 4))
        let b = key(10, 3, .bezier, .free, left: Handle(dt: -9.5, dv: -7))
        let seg = BezierSegment(from: a, to: b)
        // The handles were shortened to fit: x1 <= x2.
        #expect(seg.x1 <= seg.x2)
        var lastT = -1.0
        for i in 0...1000 {
            let f = Double(i) / 100
            let t = seg.parameter(at: f)
            #expect(t >= lastT, "t went backwards at frame \(f)")
            #expect(abs(seg.frame(at: t) - f) < 1e-9, "x(t) != f at frame \(f)")
            lastT = t
        }
        // x(t) itself never decreases.
        var lastX = -Double.infinity
        for i in 0...1000 {
            let x = seg.frame(at: Double(i) / 1000)
            #expect(x >= lastX)
            lastX = x
        }
    }

    @Test func aSegmentFarFromFrameZeroEvaluatesLikeTheSameSegmentAtZero() {
        let near = AnimationCurve(keys: [key(0, 0), key(10, 10)])
        let far = AnimationCurve(keys: [key(1_000_000, 0), key(1_000_010, 10)])
        for f in stride(from: 0.0, through: 10, by: 0.5) {
            #expect(abs(far.value(at: 1_000_000 + f) - near.value(at: f)) < 1e-8)
        }
    }

    @Test func evaluationBetweenManyKeysFindsTheRightSegment() {
        let keys = (0..<50).map { key(Double($0 * 3), Double($0 % 7), .linear) }
        let c = AnimationCurve(keys: keys)
        for i in 0..<49 {
            let f = Double(i * 3) + 1.5
            let want = (Double(i % 7) + Double((i + 1) % 7)) / 2
            #expect(c.value(at: f) == want)
        }
    }
}
