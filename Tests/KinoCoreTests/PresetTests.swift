import Foundation
import Testing
@testable import KinoCore

/// Camera presets write keys that produce the documented motion. A 4-second shot at 24 fps
/// (96 frames, the move ends on frame 95) unless said otherwise.
struct PresetTests {
    static let frames = 96
    static let last = 95.0
    static let subject = Vec3(0, 1, 0)

    func preset(_ p: CameraPreset, intensity: Double = 1) -> CameraPath {
        CameraPath.preset(p, frames: Self.frames, frameRate: .fps24, intensity: intensity)
    }

    func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
    func yaw(_ p: CameraPose) -> Double { atan2(p.viewDirection.x, -p.viewDirection.z) * 180 / .pi }
    func pitch(_ p: CameraPose) -> Double { asin(p.viewDirection.y / length(p.viewDirection)) * 180 / .pi }
    func close(_ a: Vec3, _ b: Vec3, _ tol: Double = 1e-9) -> Bool { length(a - b) <= tol }

    @Test func everyPresetStartsSixMetresInFrontOfTheSubject() {
        for p in CameraPreset.allCases where p != .follow && p != .handheld {
            let start = preset(p).pose(at: 0)
            #expect(close(start.position, Vec3(0, 1.6, 6)), "\(p)")
            #expect(close(start.target, Self.subject), "\(p)")
            #expect(start.focalLength == 35 && start.roll == 0, "\(p)")
        }
    }

    @Test func staticHoldsOnePoseWithOneKeyPerChannel() {
        let path = preset(.static)
        for ch in CameraChannel.allCases { #expect(path[ch].keys.count == 1) }
        #expect(path.pose(at: 50) == path.pose(at: 0))
    }

    @Test func panTurnsTheViewThirtyDegreesRightAroundTheCamera() {
        let path = preset(.pan)
        let a = path.pose(at: 0), b = path.pose(at: Self.last)
        #expect(abs(yaw(b) - yaw(a) - 30) < 1e-9)
        #expect(b.position == a.position)
        #expect(abs(length(b.viewDirection) - length(a.viewDirection)) < 1e-9)
        // Eased: the turn is monotone and slow at both ends.
        let yaws = path.sampled(frames: Self.frames).map(yaw)
        #expect(zip(yaws, yaws.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 })
        #expect(yaws[1] - yaws[0] < yaws[48] - yaws[47])
    }

    @Test func wideTurnsGetAKeyEveryThirtyDegreesOnTheArc() {
        let path = preset(.pan, intensity: 3)   // 90°
        #expect(path[.targetX].keys.count == 4)
        for k in path[.targetX].keys {
            #expect(abs(length(path.pose(at: k.frame).viewDirection) - 6.0299253726725) < 1e-9)
        }
        #expect(abs(yaw(path.pose(at: Self.last)) - 90) < 1e-9)
    }

    @Test func tiltTurnsTheViewFifteenDegreesUp() {
        let path = preset(.tilt)
        #expect(abs(pitch(path.pose(at: Self.last)) - pitch(path.pose(at: 0)) - 15) < 1e-9)
        let down = preset(.tilt, intensity: -1)
        #expect(abs(pitch(down.pose(at: Self.last)) - pitch(down.pose(at: 0)) + 15) < 1e-9)
    }

    @Test func rollEndsAtFifteenDegrees() {
        #expect(preset(.roll).pose(at: Self.last).roll == 15)
        #expect(preset(.roll).pose(at: 0).roll == 0)
    }

    @Test func zoomDoublesTheFocalLengthFrom35To70() {
        let poses = preset(.zoom).sampled(frames: Self.frames)
        #expect(poses.first!.focalLength == 35)
        #expect(poses.last!.focalLength == 70)
        #expect(zip(poses, poses.dropFirst()).allSatisfy { $0.focalLength <= $1.focalLength })
        #expect(preset(.zoom, intensity: -1).pose(at: Self.last).focalLength == 17.5)
    }

    @Test func dollyMovesThreeMetresCloserToTheSubject() {
        let poses = preset(.dolly).sampled(frames: Self.frames)
        let d = poses.map { length($0.position - Self.subject) }
        #expect(zip(d, d.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(abs(d.first! - 6.0299253726725) < 1e-9)
        #expect(abs(d.last! - 3.0299253726725) < 1e-9)
        #expect(poses.allSatisfy { close($0.target, Self.subject) })
    }

    @Test func truckAndPedestalTranslateCameraAndAimTogether() {
        let t = preset(.truck).pose(at: Self.last)
        #expect(close(t.position, Vec3(2, 1.6, 6)) && close(t.target, Vec3(2, 1, 0)))
        let left = preset(.truck, intensity: -0.5).pose(at: Self.last)
        #expect(close(left.position, Vec3(-1, 1.6, 6)))
        let p = preset(.pedestal).pose(at: Self.last)
        #expect(close(p.position, Vec3(0, 2.6, 6)) && close(p.target, Vec3(0, 2, 0)))
    }

    @Test func craneRisesTwoMetresAndTiltsDownOntoTheSubject() {
        let path = preset(.crane)
        let a = path.pose(at: 0), b = path.pose(at: Self.last)
        #expect(close(b.position, Vec3(0, 3.6, 6)))
        #expect(close(b.target, Self.subject))
        // Pitch from atan(0.6/6) = -5.71° down to atan(2.6/6) = -23.43°.
        #expect(abs(pitch(a) + 5.710593137499643) < 1e-9)
        #expect(abs(pitch(b) + 23.428692808745297) < 1e-9)
    }

    @Test func orbitGoesAllTheWayRoundAtConstantRadiusAndHeight() {
        let path = preset(.orbit)
        let first = path.pose(at: 0), end = path.pose(at: Self.last)
        #expect(end == first)
        // Documented: horizontal distance within 5e-6 of the 6 m radius (0.03 mm), every
        // frame and in between.
        var worst = 0.0
        for i in 0...(Self.frames - 1) * 10 {
            let p = path.pose(at: Double(i) / 10)
            let r = ((p.position.x * p.position.x) + (p.position.z * p.position.z)).squareRoot()
            worst = max(worst, abs(r - 6))
            #expect(p.position.y == 1.6)
            #expect(p.target == Self.subject)
        }
        #expect(worst <= 6 * 5e-6, "worst radius error \(worst)")
        // A quarter of the way (frame 23.75) it is on +x: counter-clockwise seen from above.
        #expect(close(path.pose(at: Self.last / 4).position, Vec3(6, 1.6, 0)))
        #expect(close(preset(.orbit, intensity: -1).pose(at: Self.last / 4).position, Vec3(-6, 1.6, 0)))
    }

    @Test func orbitMovesAtNearlyConstantSpeed() {
        let poses = preset(.orbit).sampled(frames: Self.frames)
        let steps = zip(poses, poses.dropFirst()).map { length($1.position - $0.position) }
        // 2π·6 / 95 = 0.39683 m per frame; a bezier arc's speed wobbles by about 1 %.
        for s in steps { #expect(abs(s - 2 * .pi * 6 / 95) < 0.006) }
    }

    @Test func followKeepsAConstantOffsetBehindAMovingSubject() {
        let velocity = Vec3(1.5, 0, 0)   // walking toward +x at 1.5 m/s
        let path = CameraPath.preset(.follow, frames: 48, frameRate: .fps24, subjectVelocity: velocity)
        for f in 0..<48 {
            let subject = Self.subject + velocity * (Double(f) / 24)
            let pose = path.pose(at: Double(f))
            #expect(close(pose.position - subject, Vec3(-4, 0.8, 0)), "frame \(f)")
            #expect(close(pose.target, subject), "frame \(f)")
        }
        // A subject standing still: the camera waits behind it on +z.
        let still = CameraPath.preset(.follow, frames: 48, frameRate: .fps24)
        #expect(close(still.pose(at: 30).position, Vec3(0, 1.8, 4)))
    }

    @Test func handheldIsTheSamePathForTheSameSeed() {
        let a = CameraPath.preset(.handheld, frames: 120, frameRate: .fps24, seed: 42)
        let b = CameraPath.preset(.handheld, frames: 120, frameRate: .fps24, seed: 42)
        let c = CameraPath.preset(.handheld, frames: 120, frameRate: .fps24, seed: 43)
        #expect(a == b)
        #expect(a.sampled(frames: 120) == b.sampled(frames: 120))
        #expect(a.sampled(frames: 120) != c.sampled(frames: 120))
    }

    @Test func handheldJitterStaysWithinItsBounds() {
        let start = CameraPath.presetStart()
        for seed: UInt64 in [1, 2, 3, 99] {
            let poses = CameraPath.preset(.handheld, frames: 240, frameRate: .fps24, seed: seed).sampled(frames: 240)
            var biggest = 0.0
            for p in poses {
                let offset = p.position - start.position
                biggest = max(biggest, abs(offset.x), abs(offset.y), abs(offset.z))
                #expect([offset.x, offset.y, offset.z].allSatisfy { abs($0) <= 0.015 + 1e-12 })
                #expect(abs(p.roll) <= 0.3 + 1e-12)
                #expect(p.focalLength == 35)
                let cosAngle = (p.viewDirection * start.viewDirection).sum() / (length(p.viewDirection) * length(start.viewDirection))
                #expect(acos(min(1, cosAngle)) * 180 / .pi < 1, "aim moved more than 1°")
            }
            // It does shake: a few millimetres at least somewhere.
            #expect(biggest > 0.005)
        }
    }

    @Test func handheldIsSmoothFrameToFrame() {
        let poses = CameraPath.preset(.handheld, frames: 240, frameRate: .fps24, seed: 5).sampled(frames: 240)
        // No jumps: the widest swing (3 cm on each axis, 5.2 cm in all) is spread over the
        // six frames between keys, so no single frame moves more than 1.5 cm.
        for (a, b) in zip(poses, poses.dropFirst()) { #expect(length(b.position - a.position) < 0.015) }
    }

    @Test func klingValuesMapOntoThePresets() {
        func kling(h: Double = 0, v: Double = 0, pan: Double = 0, tilt: Double = 0, roll: Double = 0, zoom: Double = 0) -> CameraPose {
            CameraPath.klingControl(horizontal: h, vertical: v, pan: pan, tilt: tilt, roll: roll, zoom: zoom,
                                    frames: Self.frames, frameRate: .fps24).pose(at: Self.last)
        }
        #expect(kling() == CameraPath.presetStart())
        #expect(CameraPath.klingControl(horizontal: 5, frames: 96, frameRate: .fps24) == preset(.truck))
        #expect(close(kling(h: -10).position, Vec3(-4, 1.6, 6)))
        #expect(close(kling(v: 10).position, Vec3(0, 3.6, 6)))
        // Kling's pan turns about the x axis (up), its tilt about the y axis (right).
        #expect(abs(pitch(kling(pan: 5)) - (-5.710593137499643 + 15)) < 1e-9)
        #expect(abs(yaw(kling(tilt: 10)) - 60) < 1e-9)
        #expect(kling(roll: -5).roll == -15)
        // Positive zoom widens the view: a shorter lens.
        #expect(kling(zoom: 10).focalLength == 8.75)
        #expect(kling(zoom: -5).focalLength == 70)
        #expect(kling(zoom: -10).focalLength == 140)
        // Out of range is clamped to ±10.
        #expect(kling(zoom: 40) == kling(zoom: 10))
        // Values combine in one move.
        let both = kling(h: 5, zoom: -5)
        #expect(close(both.position, Vec3(2, 1.6, 6)) && both.focalLength == 70)
    }

    @Test func sampledGivesOnePosePerFrame() {
        let path = preset(.dolly)
        let poses = path.sampled(frames: 10)
        #expect(poses.count == 10)
        for (i, p) in poses.enumerated() { #expect(p == path.pose(at: Double(i))) }
        #expect(path.sampled(frames: 0).isEmpty)
    }

    @Test func aOneFrameShotGetsTheStartPose() {
        for p in CameraPreset.allCases where p != .follow {
            let path = CameraPath.preset(p, frames: 1, frameRate: .fps24)
            if p != .handheld { #expect(path.pose(at: 0) == CameraPath.presetStart(), "\(p)") }
        }
    }

    @Test func cameraPathSurvivesAJSONRoundTrip() throws {
        for p in CameraPreset.allCases {
            let path = CameraPath.preset(p, frames: 72, frameRate: .fps24, subjectVelocity: Vec3(0, 0, -1), seed: 9)
            let data = try JSONEncoder().encode(path)
            let back = try JSONDecoder().decode(CameraPath.self, from: data)
            #expect(back == path, "\(p)")
            #expect(back.sampled(frames: 72) == path.sampled(frames: 72))
        }
        let text = String(decoding: try JSONEncoder().encode(preset(.orbit)), as: UTF8.self)
        #expect(text.contains("\"position.x\"") && text.contains("\"focal-length\""))
    }
}
