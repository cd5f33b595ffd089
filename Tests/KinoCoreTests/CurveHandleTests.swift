import Testing
@testable import KinoCore

/// Handle types: auto, auto-clamped, vector computed from the keys; aligned and free kept
/// as the user sets them. Auto handles reach 1/2.5614 of the gap (3.9041149371437496 frames
/// for a 10-frame gap), as Blender's do.
struct CurveHandleTests {
    static let reach = 3.9041149371437496

    func curve(_ points: [(Double, Double)], _ type: HandleType) -> AnimationCurve {
        AnimationCurve(keys: points.map { Keyframe(frame: $0.0, value: $0.1, handleType: type) })
    }

    func samples(_ c: AnimationCurve, from a: Double, to b: Double) -> [Double] {
        stride(from: a, through: b, by: 0.05).map { c.value(at: $0) }
    }

    @Test func autoHandleFollowsTheMeanSlopeOfItsNeighbours() {
        // Key (10, 10) between (0, 0) and (20, 10): slopes 1 and 0, mean 0.5.
        let c = curve([(0, 0), (10, 10), (20, 10)], .auto)
        #expect(abs(c.keys[1].leftHandle.dt + Self.reach) < 1e-12)
        #expect(abs(c.keys[1].leftHandle.dv + 0.5 * Self.reach) < 1e-12)
        #expect(abs(c.keys[1].rightHandle.dv - 0.5 * Self.reach) < 1e-12)
        // The end keys are flat (constant extrapolation).
        #expect(c.keys[0].rightHandle.dv == 0 && c.keys[2].leftHandle.dv == 0)
        #expect(abs(c.value(at: 5) - 4.267978449286) < 1e-9)
        #expect(abs(c.value(at: 15) - 10.732021550714) < 1e-9)
        // Plain auto overshoots between the two equal keys (Python: peak 10.8676).
        #expect(samples(c, from: 10, to: 20).max()! > 10.86)
    }

    @Test func autoClampedStaysExactlyFlatBetweenEqualKeys() {
        let c = curve([(0, 0), (10, 10), (20, 10), (30, 4)], .autoClamped)
        for v in samples(c, from: 10, to: 20) { #expect(v == 10) }
        for v in samples(c, from: 0, to: 30) { #expect(v <= 10 + 1e-12 && v >= -1e-12) }
    }

    @Test func autoClampedIsFlatAtLocalExtrema() {
        let c = curve([(0, 0), (10, 10), (20, 0), (30, -5), (40, 3)], .autoClamped)
        #expect(c.keys[1].leftHandle.dv == 0 && c.keys[1].rightHandle.dv == 0)
        #expect(c.keys[3].leftHandle.dv == 0 && c.keys[3].rightHandle.dv == 0)
        #expect(abs(samples(c, from: 0, to: 40).max()! - 10) < 1e-12)
        #expect(abs(samples(c, from: 0, to: 40).min()! + 5) < 1e-12)
    }

    @Test func autoClampedShortensATangentThatWouldPassANeighbour() {
        // (10, 1) between (0, 0) and (20, 10): the mean slope 0.5 would push the left handle
        // to -0.95; it is limited to reach the previous value exactly, the right one follows.
        let c = curve([(0, 0), (10, 1), (20, 10)], .autoClamped)
        #expect(abs(c.keys[1].leftHandle.dv + 1) < 1e-12)
        #expect(abs(c.keys[1].rightHandle.dv - 1) < 1e-12)
        // By symmetry of the control points: y(0.5) = 1/8 and (1 + 6 + 30 + 10)/8.
        #expect(abs(c.value(at: 5) - 0.125) < 1e-12)
        #expect(abs(c.value(at: 15) - 5.875) < 1e-12)
        var last = -Double.infinity
        for v in samples(c, from: 0, to: 20) {
            #expect(v >= last - 1e-12, "not monotone")
            last = v
        }
    }

    @Test func autoClampedNeverOvershootsOnRandomKeys() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<40 {
            var frame = 0.0
            var points: [(Double, Double)] = []
            for _ in 0..<6 {
                points.append((frame, random.next(in: -5...5).rounded()))
                frame += random.next(in: 0.5...30)
            }
            let c = curve(points, .autoClamped)
            for i in 0..<(points.count - 1) {
                let lo = min(points[i].1, points[i + 1].1), hi = max(points[i].1, points[i + 1].1)
                for f in stride(from: points[i].0, through: points[i + 1].0, by: 0.1) {
                    let v = c.value(at: f)
                    #expect(v >= lo - 1e-9 && v <= hi + 1e-9, "overshoot \(v) not in \(lo)…\(hi)")
                }
            }
        }
    }

    @Test func veryUnevenSpacingLimitsTheLongHandle() {
        // Gaps of 1 and 99 frames: the long side reaches as if the gap were 5 frames.
        let c = curve([(0, 0), (1, 1), (100, 2)], .auto)
        #expect(abs(c.keys[1].rightHandle.dt - 5 / 2.5614) < 1e-12)
        #expect(abs(c.keys[1].leftHandle.dt + 1 / 2.5614) < 1e-12)
    }

    @Test func vectorHandlesPointAThirdOfTheWayToTheNeighbours() {
        let c = curve([(0, 0), (10, 6), (16, 0)], .vector)
        #expect(abs(c.keys[1].leftHandle.dt + 10.0 / 3) < 1e-12 && abs(c.keys[1].leftHandle.dv + 2) < 1e-12)
        #expect(abs(c.keys[1].rightHandle.dt - 2) < 1e-12 && abs(c.keys[1].rightHandle.dv + 2) < 1e-12)
        // Vector handles on both ends of a segment make it a straight line.
        #expect(abs(c.value(at: 5) - 3) < 1e-12)
        #expect(abs(c.value(at: 13) - 3) < 1e-12)
    }

    @Test func draggingAnAutoHandleMakesTheKeyAlignedAndTurnsTheOtherHandle() {
        var c = curve([(0, 0), (10, 10), (20, 10)], .auto)
        let otherLength = c.keys[1].leftHandle.length
        #expect(abs(otherLength - 4.364933195712871) < 1e-12)
        c.setHandle(at: 1, side: .right, to: Handle(dt: 3, dv: 4))
        #expect(c.keys[1].handleType == .aligned)
        #expect(c.keys[1].rightHandle == Handle(dt: 3, dv: 4))
        // Left = -(3, 4)/5 · 4.3649…
        #expect(abs(c.keys[1].leftHandle.dt + 2.618959917427723) < 1e-12)
        #expect(abs(c.keys[1].leftHandle.dv + 3.4919465565702974) < 1e-12)
        // Moving the left one back rotates the right one, which keeps its length 5.
        c.setHandle(at: 1, side: .left, to: Handle(dt: -6, dv: 0))
        #expect(abs(c.keys[1].rightHandle.dt - 5) < 1e-12 && abs(c.keys[1].rightHandle.dv) < 1e-12)
        // A neighbour's edit recomputes auto handles but leaves the aligned ones alone.
        c.moveKey(at: 2, toFrame: 25, value: 3)
        #expect(c.keys[1].leftHandle == Handle(dt: -6, dv: 0))
    }

    @Test func freeHandlesMoveIndependently() {
        var c = curve([(0, 0), (10, 10), (20, 10)], .free)
        let left = c.keys[1].leftHandle
        c.setHandle(at: 1, side: .right, to: Handle(dt: 2, dv: -7))
        #expect(c.keys[1].handleType == .free)
        #expect(c.keys[1].leftHandle == left)
        #expect(c.keys[1].rightHandle == Handle(dt: 2, dv: -7))
    }

    @Test func draggingAVectorHandleMakesTheKeyFree() {
        var c = curve([(0, 0), (10, 6), (16, 0)], .vector)
        let left = c.keys[1].leftHandle
        c.setHandle(at: 1, side: .right, to: Handle(dt: 1, dv: 1))
        #expect(c.keys[1].handleType == .free)
        #expect(c.keys[1].leftHandle == left)
    }

    @Test func aHandleCannotPointPastItsKeyInTime() {
        var c = curve([(0, 0), (10, 6), (16, 0)], .free)
        c.setHandle(at: 1, side: .right, to: Handle(dt: -3, dv: 1))
        c.setHandle(at: 1, side: .left, to: Handle(dt: 2, dv: 1))
        #expect(c.keys[1].rightHandle == Handle(dt: 0, dv: 1))
        #expect(c.keys[1].leftHandle == Handle(dt: 0, dv: 1))
    }

    @Test func switchingToAlignedLinesTheLeftHandleUpWithTheRight() {
        var c = curve([(0, 0), (10, 6), (16, 0)], .free)
        c.setHandle(at: 1, side: .right, to: Handle(dt: 0.6, dv: 0.8))
        c.setHandle(at: 1, side: .left, to: Handle(dt: -2, dv: 0))
        c.setHandleType(at: 1, .aligned)
        #expect(abs(c.keys[1].leftHandle.dt + 1.2) < 1e-12 && abs(c.keys[1].leftHandle.dv + 1.6) < 1e-12)
        // Switching back to auto-clamped recomputes: (10, 6) is a maximum, so flat.
        c.setHandleType(at: 1, .autoClamped)
        #expect(c.keys[1].leftHandle.dv == 0 && c.keys[1].rightHandle.dv == 0)
    }
}
