import Testing
@testable import KinoCore

/// Each easing family on a segment from frame 0 (value 0) to frame 10 (value `change`),
/// sampled at frames 0, 2.5, 5, 7.5 and 10. The expected numbers were computed by hand and
/// with a separate Python transcription of Penner's (t, b, c, d) equations as Blender writes
/// them (back overshoot 1.70158, elastic amplitude 0.8 and period 4.1 frames, expo rescaled
/// to start at 0).
struct CurveEasingTests {
    static let frames: [Double] = [0, 2.5, 5, 7.5, 10]

    /// change 1 > amplitude 0.8: elastic takes Blender's blended branch.
    static let unitChange: [(Interpolation, EasingMode, [Double])] = [
        (.sine, .easeIn, [0.0, 0.076120467489, 0.292893218813, 0.617316567635, 1.0]),
        (.sine, .easeOut, [0.0, 0.382683432365, 0.707106781187, 0.923879532511, 1.0]),
        (.sine, .easeInOut, [0.0, 0.146446609407, 0.5, 0.853553390593, 1.0]),
        (.quad, .easeIn, [0.0, 0.0625, 0.25, 0.5625, 1.0]),
        (.quad, .easeOut, [0.0, 0.4375, 0.75, 0.9375, 1.0]),
        (.quad, .easeInOut, [0.0, 0.125, 0.5, 0.875, 1.0]),
        (.cubic, .easeIn, [0.0, 0.015625, 0.125, 0.421875, 1.0]),
        (.cubic, .easeOut, [0.0, 0.578125, 0.875, 0.984375, 1.0]),
        (.cubic, .easeInOut, [0.0, 0.0625, 0.5, 0.9375, 1.0]),
        (.expo, .easeIn, [0.0, 0.004552154692, 0.030303030303, 0.175971980434, 1.0]),
        (.expo, .easeOut, [0.0, 0.824028019566, 0.969696969697, 0.995447845308, 1.0]),
        (.expo, .easeInOut, [0.0, 0.015151515152, 0.5, 0.984848484848, 1.0]),
        (.back, .easeIn, [0.0, -0.0641365625, -0.0876975, 0.1825903125, 1.0]),
        (.back, .easeOut, [0.0, 0.8174096875, 1.0876975, 1.0641365625, 1.0]),
        (.back, .easeInOut, [0.0, -0.09968184375, 0.5, 1.09968184375, 1.0]),
        (.bounce, .easeIn, [0.0, 0.02734375, 0.234375, 0.52734375, 1.0]),
        (.bounce, .easeOut, [0.0, 0.47265625, 0.765625, 0.97265625, 1.0]),
        (.bounce, .easeInOut, [0.0, 0.1171875, 0.5, 0.8828125, 1.0]),
        (.elastic, .easeIn, [0.0, 0.00211124327, 0.004759777729, -0.109105046133, 1.0]),
        (.elastic, .easeOut, [0.0, 1.109105046133, 0.995240222271, 0.99788875673, 1.0]),
        (.elastic, .easeInOut, [0.0, 0.002379888865, 0.5, 0.997620111135, 1.0]),
    ]

    /// change 0.5 <= amplitude 0.8: elastic takes the arcsine branch.
    static let halfChangeElastic: [(Interpolation, EasingMode, [Double])] = [
        (.elastic, .easeIn, [0.0, -0.001711258159, 0.022133506373, -0.138429917628, 0.5]),
        (.elastic, .easeOut, [0.0, 0.638429917628, 0.477866493627, 0.501711258159, 0.5]),
        (.elastic, .easeInOut, [0.0, 0.011066753186, 0.25, 0.488933246814, 0.5]),
    ]

    func curve(_ family: Interpolation, _ mode: EasingMode, change: Double) -> AnimationCurve {
        AnimationCurve(keys: [Keyframe(frame: 0, value: 0, interpolation: family, easing: mode),
                              Keyframe(frame: 10, value: change)])
    }

    @Test func everyEasingFamilyMatchesPennersEquationsAtQuarterPoints() {
        for (family, mode, expected) in Self.unitChange {
            let c = curve(family, mode, change: 1)
            for (f, want) in zip(Self.frames, expected) {
                let got = c.value(at: f)
                #expect(abs(got - want) < 1e-9, "\(family) \(mode) at frame \(f): \(got) != \(want)")
            }
        }
    }

    @Test func elasticWithChangeBelowAmplitudeUsesTheArcsinePhase() {
        for (family, mode, expected) in Self.halfChangeElastic {
            let c = curve(family, mode, change: 0.5)
            for (f, want) in zip(Self.frames, expected) {
                #expect(abs(c.value(at: f) - want) < 1e-9, "\(family) \(mode) at frame \(f)")
            }
        }
    }

    @Test func easingScalesWithBeginAndChange() {
        // quad in from 4 to -2 over frames 10…20: at frame 15, 4 + (-6)·0.25 = 2.5.
        let c = AnimationCurve(keys: [Keyframe(frame: 10, value: 4, interpolation: .quad, easing: .easeIn),
                                      Keyframe(frame: 20, value: -2)])
        #expect(abs(c.value(at: 15) - 2.5) < 1e-12)
        // cubic out at frame 12.5: 4 + (-6)·(1 - 0.75³) = 4 - 6·0.578125 = 0.53125.
        var d = c
        d.setInterpolation(at: 0, .cubic, easing: .easeOut)
        #expect(abs(d.value(at: 12.5) - 0.53125) < 1e-12)
    }

    @Test func backOvershootsByTenPercentAtMostForEaseOut() {
        // The ease-out back curve peaks at 1 + 0.1 (Penner's 1.70158 was chosen for 10 %).
        let c = curve(.back, .easeOut, change: 1)
        let peak = stride(from: 0.0, through: 10, by: 0.01).map { c.value(at: $0) }.max()!
        #expect(peak > 1.0999 && peak < 1.1001, "peak \(peak)")
    }
}
