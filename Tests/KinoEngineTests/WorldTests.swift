import Foundation
import Testing
import KinoCore
@testable import KinoEngine

/// The simulation: gaits that plant their feet, props, crowds, rain, exact checkpoints.
@Suite struct WorldTests {
    func world(_ scene: SceneSpec, frames: Int = 240, seed: UInt64 = 3) -> World {
        World(setup: WorldSetup(spec: Fixture.spec(frames: frames, seed: seed), scene: scene))
    }

    /// Steps `frames` frames and returns, per foot, the largest move between two consecutive
    /// frames in which it was planted, how many planted and swinging frames it had, and how
    /// far the person travelled.
    func footSlip(_ action: SceneSpec.Action, kind: SceneSpec.SubjectKind = .woman, frames: Int = 120)
        -> (slip: Double, planted: [Int], swinging: [Int], travelled: Double, heading: Double) {
        var w = world(SceneSpec(environment: .park, subjects: [.init(kind: kind, action: action)]))
        let start = w.state.people[0]
        var slip = 0.0, planted = [0, 0], swinging = [0, 0]
        for _ in 0..<frames {
            let before = w.state.people[0]
            w.step()
            let after = w.state.people[0]
            for i in 0..<2 {
                if after.feet[i].planted { planted[i] += 1 } else { swinging[i] += 1 }
                if before.feet[i].planted && after.feet[i].planted {
                    slip = max(slip, (after.feet[i].position - before.feet[i].position).length)
                }
            }
        }
        let end = w.state.people[0]
        return (slip, planted, swinging, (end.position - start.position).length, end.heading - start.heading)
    }

    @Test func aWalkingFootInContactWithTheGroundDoesNotSlide() {
        let r = footSlip(.walking)
        #expect(r.slip < 0.01)
        #expect(r.travelled > 5)
        for i in 0..<2 { #expect(r.planted[i] > 30 && r.swinging[i] > 20) }
    }

    @Test func aRunningFootInContactDoesNotSlideAndBothFeetLeaveTheGround() {
        let r = footSlip(.running, kind: .man)
        #expect(r.slip < 0.01)
        #expect(r.travelled > 12)
        for i in 0..<2 { #expect(r.swinging[i] > r.planted[i]) }
    }

    @Test func aChildWalksSlowerButStillPlantsItsFeet() {
        let child = footSlip(.walking, kind: .child), adult = footSlip(.walking)
        #expect(child.slip < 0.01)
        #expect(child.travelled < adult.travelled)
    }

    @Test func turningStepsInPlace() {
        let r = footSlip(.turning)
        #expect(r.slip < 0.01)
        #expect(r.travelled < 0.01)
        #expect(r.heading > 4)
        for i in 0..<2 { #expect(r.swinging[i] > 0) }
    }

    @Test func theDrawnAnkleFollowsThePlantedFoot() {
        var w = world(SceneSpec(environment: .park, subjects: [.init(kind: .woman, action: .walking)]))
        for _ in 0..<30 { w.step() }
        let p = w.state.people[0]
        let s = p.skeleton()
        for i in 0..<2 {
            let d = s.ankles[i] - p.feet[i].position
            #expect(abs(d.x) < 1e-9 && abs(d.z) < 1e-9)
        }
        // The leg is in one piece: the knee sits a thigh's length from the hip.
        let thigh = (s.knees[0] - s.hips[0]).length
        #expect(abs(thigh - 0.25 * p.look.height) < 0.02)
    }

    @Test func wavingRaisesTheRightHandAboveTheHead() {
        var w = world(SceneSpec(environment: .livingRoom, subjects: [.init(kind: .man, action: .waving)]))
        for _ in 0..<10 { w.step() }
        let s = w.state.people[0].skeleton()
        #expect(s.hands[1].y > s.head.y)
        #expect(s.hands[0].y < s.pelvis.y)
    }

    @Test func sittingLowersThePelvisToSeatHeight() {
        let w = world(SceneSpec(environment: .office, subjects: [.init(kind: .woman, action: .sitting)]))
        let s = w.state.people[0].skeleton()
        #expect(s.pelvis.y < 0.55)
        #expect(s.isSitting)
    }

    @Test func usingAPhoneHoldsItInFrontOfTheChest() {
        let w = world(SceneSpec(environment: .kitchen, subjects: [.init(kind: .woman, action: .usingPhone)]))
        let p = w.state.people[0]
        let s = p.skeleton()
        #expect(s.holdsPhone)
        #expect((s.hands[1] - s.pelvis).dot(p.forward) > 0.15)
        #expect(s.hands[1].y > s.pelvis.y)
    }

    @Test func aRotatingPropTurnsOnceOverTheShot() {
        var w = world(SceneSpec(environment: .studio, subjects: [.init(kind: .bottle, action: .rotating)]), frames: 96)
        let start = w.state.objects[0].yaw
        for _ in 0..<96 { w.step() }
        #expect(abs(w.state.objects[0].yaw - start - 2 * Double.pi) < 1e-9)
        var standing = world(SceneSpec(environment: .studio, subjects: [.init(kind: .productBox, action: .standing)]))
        for _ in 0..<10 { standing.step() }
        #expect(standing.state.objects[0].yaw == start)
    }

    @Test func aDrivingCarMovesAlongTheStreet() {
        var w = world(SceneSpec(environment: .street, subjects: [.init(kind: .car, action: .walking)]))
        let z = w.state.cars[0].position.z
        for _ in 0..<24 { w.step() }
        #expect(abs(w.state.cars[0].position.z - (z - 8)) < 1e-9)
    }

    @Test func crowdSizeFollowsDensityOnlyInStreets() {
        func pedestrians(_ env: SceneSpec.Environment, _ density: Double) -> Int {
            world(SceneSpec(environment: env, crowdDensity: density)).state.people.filter { $0.subjectIndex < 0 }.count
        }
        #expect(pedestrians(.cityNight, 0) == 0)
        #expect(pedestrians(.cityNight, 0.5) == 14)
        #expect(pedestrians(.street, 1) == 28)
        #expect(pedestrians(.livingRoom, 1) == 0)
    }

    @Test func pedestriansStayOnTheStreetAndKeepTheirFeetPlanted() {
        var w = world(SceneSpec(environment: .cityNight, crowdDensity: 1))
        var slip = 0.0
        for _ in 0..<480 {
            let before = w.state.people
            w.step()
            for (a, b) in zip(before, w.state.people) where (b.position - a.position).length < 1 {
                for i in 0..<2 where a.feet[i].planted && b.feet[i].planted {
                    slip = max(slip, (b.feet[i].position - a.feet[i].position).length)
                }
            }
        }
        #expect(slip < 0.01)
        let cz = w.cameraPose().position.z
        #expect(w.state.people.allSatisfy { $0.position.z > cz - 81 && $0.position.z < cz + 26 })
    }

    @Test func aWalkerFollowedForTwoMinutesStillHasAStreetAndACrowdAround() throws {
        let scene = SceneSpec(environment: .cityNight, subjects: [.init(kind: .woman, action: .walking)], cameraMoves: [.followBehind],
                              crowdDensity: 0.5)
        var w = world(scene, frames: 2880)
        for _ in 0..<2880 { w.step() }
        let walker = w.state.people[0]
        #expect(walker.position.z < -150)
        let cz = w.cameraPose().position.z
        let nearby = w.state.people.filter { $0.subjectIndex < 0 && $0.position.z > cz - 81 && $0.position.z < cz + 26 }
        #expect(nearby.count == 14)
        let frame = Rasteriser(width: 64, height: 36).render(w.rasterScene(width: 64, height: 36))
        // Buildings line the street: the left edge of the picture is not sky.
        let sky = Rasteriser(width: 64, height: 36).render(World(setup: w.setup).rasterScene(width: 64, height: 36)).pixel(x: 32, y: 0)
        #expect(frame.pixel(x: 2, y: 10) != sky)
    }

    @Test func rainFallsAndStaysAroundTheCamera() {
        var w = world(SceneSpec(environment: .street, subjects: [.init(kind: .man, action: .walking)], weather: .rain,
                                cameraMoves: [.followBehind]))
        #expect(w.state.rain.count == World.rainDrops * 3)
        let y0 = w.state.rain[1]
        w.step()
        #expect(w.state.rain[1] < y0 || w.state.rain[1] > 8)
        for _ in 0..<240 { w.step() }
        let camera = w.cameraPose().position
        let zs = stride(from: 2, to: w.state.rain.count, by: 3).map { Double(w.state.rain[$0]) }
        let meanZ = zs.reduce(0, +) / Double(zs.count)
        #expect(abs(meanZ - camera.z) < 12)
        #expect(world(SceneSpec(environment: .street)).state.rain.isEmpty)
    }

    @Test func theFollowCameraStaysBehindTheWalker() {
        var w = world(SceneSpec(environment: .cityNight, subjects: [.init(kind: .woman, action: .walking)], cameraMoves: [.followBehind]))
        for _ in 0..<100 { w.step() }
        let p = w.state.people[0]
        let pose = w.cameraPose()
        let behind = (p.position - pose.position).dot(p.forward)
        // At the medium-wide framing's distance (Framing), behind and looking the way she walks.
        #expect(behind > 1.8 && behind < 4)
        #expect((pose.target - pose.position).dot(p.forward) > 0)
    }

    @Test func theExplicitCameraPathWinsOverThePrompt() {
        var path = CameraPath.standard
        path[.positionX] = AnimationCurve(keys: [Keyframe(frame: 0, value: -2, interpolation: .linear), Keyframe(frame: 10, value: 2)])
        var spec = Fixture.spec(frames: 20, camera: path)
        spec.shot.camera = path
        var w = World(setup: WorldSetup(spec: spec, scene: SceneSpec(cameraMoves: [.orbit])))
        for _ in 0..<5 { w.step() }
        #expect(w.cameraPose() == path.pose(at: 5))
    }

    @Test func aCheckpointRestoresTheExactState() throws {
        var w = world(SceneSpec(environment: .cityNight, subjects: [.init(kind: .woman, action: .walking), .init(kind: .car, action: .walking)],
                                weather: .rain, cameraMoves: [.followBehind, .handheld], crowdDensity: 0.7))
        for _ in 0..<37 { w.step() }
        let data = CheckpointCodec.encode(w.state)
        let restoredState = try CheckpointCodec.decode(data)
        #expect(restoredState == w.state)
        var restored = World(setup: w.setup, restoring: restoredState)
        #expect(restored.state == w.state)
        for _ in 0..<50 { w.step(); restored.step() }
        #expect(restored.state == w.state)
        #expect(CheckpointCodec.encode(restored.state) == CheckpointCodec.encode(w.state))
    }

    @Test func handheldShakeMovesTheCameraALittle() {
        var still = world(SceneSpec(environment: .neutral, subjects: [.init(kind: .man, action: .standing)]))
        var shaky = world(SceneSpec(environment: .neutral, subjects: [.init(kind: .man, action: .standing)], cameraMoves: [.handheld]))
        var maxOffset = 0.0
        for _ in 0..<96 {
            still.step(); shaky.step()
            maxOffset = max(maxOffset, (shaky.cameraPose().position - still.cameraPose().position).length)
        }
        #expect(maxOffset > 0.003)
        #expect(maxOffset < 0.15)
    }
}
