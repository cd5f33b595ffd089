import KinoCore
import Testing
@testable import KinoEngine

private func grey(_ level: UInt8, _ w: Int = 8, _ h: Int = 6) -> Frame { Frame(width: w, height: h, fill: RGB(level, level, level)) }

/// A 20x40 figure: head, torso and legs bands in three colours (rows 0–7, 8–21, 22–39 match
/// the 0.2 / 0.55 band limits).
private func figure(head: RGB, torso: RGB, legs: RGB) -> Frame {
    var f = Frame(width: 20, height: 40, fill: legs)
    for y in 0..<22 {
        let c = y < 8 ? head : torso
        for x in 0..<20 { let i = (y * 20 + x) * 4; f.pixels[i] = c.r; f.pixels[i + 1] = c.g; f.pixels[i + 2] = c.b }
    }
    return f
}

@Suite struct MetricsTests {
    @Test func meanAbsoluteDifferenceAveragesTheChannels() {
        let a = Frame(width: 4, height: 4, fill: RGB(10, 20, 30)), b = Frame(width: 4, height: 4, fill: RGB(13, 20, 24))
        #expect(Metrics.meanAbsoluteDifference(a, b) == 3)   // (3 + 0 + 6) / 3
        #expect(Metrics.meanAbsoluteDifference(a, a) == 0)
    }

    @Test func identicalFramesAcrossTheSeamHaveNoJump() {
        let context = [grey(100), grey(102), grey(104)]
        #expect(Metrics.seamJump(before: grey(104), after: grey(104), context: context) == 0)
    }

    @Test func seamJumpIsTheSeamChangeOverTheMedianStep() {
        // Context steps 2, 2, 6: median 2. A shift of 10 across the seam is 5 typical steps.
        let context = [grey(100), grey(102), grey(104), grey(110)]
        #expect(Metrics.seamJump(before: grey(110), after: grey(120), context: context) == 5)
        // A seam that changes as much as the typical step scores 1.
        #expect(Metrics.seamJump(before: grey(110), after: grey(112), context: context) == 1)
    }

    @Test func seamJumpInAStillShotIsMeasuredAgainstTheFloor() {
        let still = [grey(50), grey(50), grey(50)]
        #expect(Metrics.seamJump(before: grey(50), after: grey(51), context: still) == 2)   // 1 / 0.5
        #expect(Metrics.seamJump(before: grey(50), after: grey(51), context: []) == 2)
    }

    @Test func steadyAndLinearlyFadingShotsDoNotFlicker() {
        #expect(Metrics.flicker([grey(80), grey(80), grey(80), grey(80)]) < 1e-9)
        #expect(Metrics.flicker([grey(10), grey(20), grey(30), grey(40), grey(50)]) < 1e-9)
        #expect(Metrics.flicker([grey(10), grey(200)]) == 0)
    }

    @Test func alternatingBrightnessFlickersByItsStep() {
        let frames = [grey(100), grey(110), grey(100), grey(110), grey(100)]
        #expect(abs(Metrics.flicker(frames) - 10) < 1e-9)
        // One bright frame: residuals −25, 50, −25 → sqrt((625 + 2500 + 625) / 3).
        let spike = [grey(100), grey(100), grey(150), grey(100), grey(100)]
        #expect(abs(Metrics.flicker(spike) - 1250.0.squareRoot()) < 1e-9)
    }

    @Test func meanLumaUsesRec709Weights() {
        #expect(abs(Metrics.meanLuma(Frame(width: 2, height: 2, fill: RGB(255, 0, 0))) - 0.2126 * 255) < 1e-9)
        #expect(abs(Metrics.meanLuma(Frame(width: 2, height: 2, fill: RGB(0, 255, 0))) - 0.7152 * 255) < 1e-9)
    }

    @Test func cameraPathErrorIsMeanAndMaxDistance() {
        let e = Metrics.cameraPathError(projected: [SIMD2(0, 0), SIMD2(3, 4), SIMD2(1, 1)],
                                        analytic: [SIMD2(0, 0), SIMD2(0, 0), SIMD2(1, 1)])
        #expect(abs(e.mean - 5.0 / 3) < 1e-12)
        #expect(e.max == 5)
        #expect(Metrics.cameraPathError(projected: [], analytic: []) == (0, 0))
    }

    @Test func identicalFiguresHaveNoIdentityDistance() {
        let f = figure(head: RGB(200, 160, 130), torso: RGB(35, 75, 200), legs: RGB(20, 20, 20))
        let s = Metrics.identitySignature(frame: f, region: PixelRect(x: 0, y: 0, width: 20, height: 40))
        #expect(s.head.pixelCount == 160 && s.torso.pixelCount == 280 && s.legs.pixelCount == 360)
        #expect(Metrics.identityDistance(s, s) == 0)
        #expect(abs(s.torso.histogram.reduce(0, +) - 1) < 1e-9)
    }

    @Test func aDifferentShirtIsFarAboveTheDriftThreshold() {
        let rect = PixelRect(x: 0, y: 0, width: 20, height: 40)
        let red = Metrics.identitySignature(frame: figure(head: RGB(200, 160, 130), torso: RGB(255, 0, 0), legs: RGB(20, 20, 20)), region: rect)
        let blue = Metrics.identitySignature(frame: figure(head: RGB(200, 160, 130), torso: RGB(0, 0, 255), legs: RGB(20, 20, 20)), region: rect)
        // Torso: ΔE76(red, blue) = 176.31 plus 25 for disjoint histograms; head and legs 0.
        #expect(abs(Metrics.identityDistance(red, blue) - (176.31 + 25) / 3) < 0.05)
        #expect(Metrics.identityDistance(red, blue) > Metrics.identityDriftThreshold)
        #expect(abs(Metrics.identityDrift([red, red, blue]) - (176.31 + 25) / 3) < 0.05)
    }

    @Test func aSmallLightingChangeStaysBelowTheDriftThreshold() {
        let rect = PixelRect(x: 0, y: 0, width: 20, height: 40)
        let a = Metrics.identitySignature(frame: figure(head: RGB(200, 160, 130), torso: RGB(35, 75, 200), legs: RGB(60, 60, 60)), region: rect)
        let b = Metrics.identitySignature(frame: figure(head: RGB(206, 165, 134), torso: RGB(38, 79, 206), legs: RGB(64, 64, 64)), region: rect)
        #expect(Metrics.identityDistance(a, b) < Metrics.identityDriftThreshold)
        #expect(Metrics.identityDistance(a, b) > 0)
    }

    @Test func theMaskLimitsTheMeasurementToTheCharacter() {
        // Left half the figure's red, right half a blue background: masked, only red counts.
        var f = Frame(width: 20, height: 40, fill: RGB(255, 0, 0))
        for y in 0..<40 { for x in 10..<20 { let i = (y * 20 + x) * 4; f.pixels[i] = 0; f.pixels[i + 2] = 255 } }
        let masked = Metrics.identitySignature(frame: f, region: PixelRect(x: 0, y: 0, width: 20, height: 40)) { x, _ in x < 10 }
        let allRed = Metrics.identitySignature(frame: Frame(width: 20, height: 40, fill: RGB(255, 0, 0)),
                                               region: PixelRect(x: 0, y: 0, width: 20, height: 40))
        #expect(Metrics.identityDistance(masked, allRed) < 1e-9)
        #expect(masked.torso.pixelCount == 140)
        let nothing = Metrics.identitySignature(frame: f, region: PixelRect(x: 0, y: 0, width: 20, height: 40)) { _, _ in false }
        #expect(Metrics.identityDistance(nothing, allRed) == .infinity)
    }

    @Test func aRectangleOutsideTheFrameIsClipped() {
        let f = figure(head: RGB(200, 160, 130), torso: RGB(35, 75, 200), legs: RGB(20, 20, 20))
        let s = Metrics.identitySignature(frame: f, region: PixelRect(x: -5, y: 0, width: 10, height: 40))
        #expect(s.head.pixelCount == 5 * 8)
    }
}
