import Foundation
import KinoCore

extension RGB {
    var float: SIMD3<Float> { SIMD3<Float>(unit) }
}

/// Turns the world's state into lit triangles for the rasteriser.
extension World {
    /// Everything the rasteriser needs to draw the current frame at `width` x `height`.
    func rasterScene(width: Int, height: Int) -> RasterScene {
        let pose = cameraPose()
        let camera = PinholeCamera(pose: pose, width: width, height: height)
        let light = setup.light
        var set = MeshBuilder(light: light, eye: pose.position, look: setup.look)
        if setup.startFrame == nil { WorldScenery.build(&set, setup: setup, camera: camera, sightLines: sightLines(from: pose.position)) }
        var actors = MeshBuilder(light: light, eye: pose.position, look: setup.look)
        actors.castsShadow = true
        for p in state.people where isWorthDrawing(p.position, radius: 1.2, camera: camera) {
            actors.subject = p.subjectIndex >= 0
            drawPerson(p, into: &actors)
        }
        actors.subject = true
        for o in state.objects { drawProp(o, into: &actors) }
        for c in state.cars where isWorthDrawing(c.position, radius: 3, camera: camera) {
            actors.subject = c.subjectIndex >= 0
            drawCar(c, into: &actors)
        }
        actors.subject = false
        var rain: [SIMD3<Float>] = []
        if !state.rain.isEmpty {
            rain.reserveCapacity(state.rain.count / 3 * 2)
            let streak = SIMD3<Float>(0.6, -8.5, 0) * Float(0.8 / setup.fps)
            var i = 0
            while i < state.rain.count {
                let p = SIMD3<Float>(state.rain[i], state.rain[i + 1], state.rain[i + 2])
                rain.append(p); rain.append(p + streak)
                i += 3
            }
        }
        var backdrop: Backdrop?
        if let picture = setup.startFrame, let anchor = state.backdropAnchor {
            backdrop = Backdrop(picture: picture, anchor: PinholeCamera(pose: anchor, width: width, height: height))
        }
        let rainColor = (light.skyHorizon * 0.5 + light.key * 0.3 + light.ambient * 0.4).clamped(lowerBound: .zero, upperBound: SIMD3(1, 1, 1))
        return RasterScene(camera: camera, light: light, scenery: set.soup, actors: actors.soup,
                           shadows: zip(set.shadows, actors.shadows).map { $0 + $1 }, rain: rain, rainColor: rainColor, backdrop: backdrop,
                           grade: setup.grade)
    }

    /// Lines from the camera to the points of each subject a viewer must see (a person's
    /// head, chest and hips; a prop's centre): furniture they pass through is left out.
    func sightLines(from eye: Vec3) -> [(Vec3, Vec3)] {
        var lines: [(Vec3, Vec3)] = []
        for p in state.people where p.subjectIndex >= 0 {
            for k in [0.93, 0.7, 0.5] { lines.append((eye, p.position + Vec3(0, k * p.look.height, 0))) }
        }
        for o in state.objects {
            let size = PropShape.size(of: SceneSpec.SubjectKind(rawValue: o.kind) ?? .productBox)
            lines.append((eye, o.position + Vec3(0, size.y / 2, 0)))
        }
        return lines
    }

    /// Skips what is far away or well behind the camera.
    private func isWorthDrawing(_ p: Vec3, radius: Double, camera: PinholeCamera) -> Bool {
        let c = camera.toCamera(p)
        return c.z > -radius && c.z < 90
    }

    func drawPerson(_ p: PersonState, into b: inout MeshBuilder) {
        let s = p.skeleton()
        let h = p.look.height
        let skin = p.look.skin.float, top = p.look.top.float, bottom = p.look.bottom.float, hair = p.look.hair.float
        let shoe = SIMD3<Float>(0.08, 0.07, 0.07)
        let w: Double = p.look.build == .slim ? 0.88 : (p.look.build == .broad ? 1.18 : 1)
        let up = Vec3(0, 1, 0)
        if s.isSitting {
            let seatY = s.pelvis.y - 0.07 * h
            b.box(center: Vec3(s.pelvis.x, seatY - 0.03, s.pelvis.z) + s.forward * 0.12, x: s.right * 0.26, y: up * 0.03,
                      z: s.forward * 0.26, color: SIMD3(0.35, 0.25, 0.18))
            b.box(center: Vec3(s.pelvis.x, seatY + 0.25, s.pelvis.z) - s.forward * 0.16, x: s.right * 0.26, y: up * 0.28,
                      z: s.forward * 0.03, color: SIMD3(0.35, 0.25, 0.18))
            for dx in [-0.22, 0.22] {
                for dz in [-0.12, 0.34] {
                    let foot = Vec3(s.pelvis.x, 0, s.pelvis.z) + s.right * dx + s.forward * dz
                    b.segment(foot, foot + up * (seatY - 0.06), radius: 0.02, color: SIMD3(0.2, 0.15, 0.1), sides: 4)
                }
            }
        }
        // Legs and feet.
        for i in 0..<2 {
            b.segment(s.hips[i], s.knees[i], radius: 0.062 * h * w, radiusB: 0.05 * h * w, color: bottom, sides: 6)
            b.segment(s.knees[i], s.ankles[i], radius: 0.048 * h * w, radiusB: 0.036 * h, color: bottom, sides: 6)
            let ankle = s.ankles[i]
            b.box(center: Vec3(ankle.x, max(0.035 * h * 0.5, ankle.y - 0.02 * h), ankle.z) + s.forward * (0.045 * h),
                  x: s.right * (0.03 * h), y: up * (0.022 * h), z: s.forward * (0.075 * h), color: shoe)
        }
        // Pelvis and torso.
        let spine = s.neck - s.pelvis
        b.box(center: s.pelvis + spine * 0.08, x: s.right * (0.09 * h * w), y: spine * 0.14, z: s.forward * (0.065 * h * w), color: bottom)
        b.box(center: s.pelvis + spine * 0.55, x: s.right * (0.1 * h * w), y: spine * 0.42, z: s.forward * (0.06 * h * w), color: top)
        // Arms.
        for i in 0..<2 {
            b.segment(s.shoulders[i], s.elbows[i], radius: 0.032 * h * w, color: top, sides: 6)
            b.segment(s.elbows[i], s.hands[i], radius: 0.026 * h * w, radiusB: 0.02 * h, color: skin, sides: 6)
            b.sphere(center: s.hands[i], radius: 0.026 * h, color: skin, rings: 3, slices: 5)
        }
        // Neck and head.
        let headR = 0.062 * h
        b.segment(s.neck - up * (0.02 * h), s.head - up * (headR * 0.7), radius: 0.028 * h, color: skin, sides: 6)
        b.sphere(center: s.head, radius: headR, scale: Vec3(0.88, 1.08, 0.95), color: skin, rings: 5, slices: 8)
        var face = WorldRandom(seed: p.look.faceSeed)
        let eyeSpread = headR * face.uniform(0.28, 0.38), eyeHeight = headR * face.uniform(0.05, 0.2)
        let fwd = s.headForward
        let right = s.right
        for side in [-1.0, 1.0] {
            let e = s.head + fwd * (headR * 0.86) + right * (side * eyeSpread) + up * eyeHeight
            b.box(center: e, x: right * (headR * 0.1), y: up * (headR * 0.07), z: fwd * (headR * 0.05), color: SIMD3(0.08, 0.06, 0.06))
        }
        b.box(center: s.head + fwd * (headR * 0.95) - up * (headR * 0.15), x: right * (headR * 0.08), y: up * (headR * 0.14),
              z: fwd * (headR * 0.08), color: skin * 0.92)
        // Hair.
        let hairTop = s.head + up * (headR * 0.12) - fwd * (headR * 0.06)
        switch p.look.hairStyle {
        case .bald: break
        case .short:
            b.sphere(center: hairTop, radius: headR * 1.02, scale: Vec3(0.92, 1.05, 1.0), color: hair, rings: 3, slices: 8, upperOnly: true)
        case .long:
            b.sphere(center: hairTop, radius: headR * 1.05, scale: Vec3(0.92, 1.05, 1.0), color: hair, rings: 3, slices: 8, upperOnly: true)
            b.box(center: s.head - fwd * (headR * 0.55) - up * (headR * 0.6), x: right * (headR * 0.9), y: up * (headR * 1.15),
                  z: fwd * (headR * 0.35), color: hair)
        case .bun:
            b.sphere(center: hairTop, radius: headR * 1.03, scale: Vec3(0.92, 1.05, 1.0), color: hair, rings: 3, slices: 8, upperOnly: true)
            b.sphere(center: s.head - fwd * (headR * 0.9) + up * (headR * 0.7), radius: headR * 0.42, color: hair, rings: 3, slices: 6)
        case .curly:
            b.sphere(center: hairTop + up * (headR * 0.1), radius: headR * 1.22, scale: Vec3(1, 0.95, 1), color: hair, rings: 4, slices: 9, upperOnly: true)
        }
        if s.holdsPhone {
            let hand = s.hands[1]
            let toFace = (s.head - hand).normalized
            let side = toFace.cross(up).normalized
            let faceUp = side.cross(toFace).normalized
            b.box(center: hand + toFace * 0.02, x: side * 0.036, y: faceUp * 0.075, z: toFace * 0.005, color: SIMD3(0.1, 0.1, 0.12))
            b.emissive = true
            b.castsShadow = false
            let c = hand + toFace * 0.0256
            b.quad(c - side * 0.032 + faceUp * 0.068, c + side * 0.032 + faceUp * 0.068, c + side * 0.032 - faceUp * 0.068,
                        c - side * 0.032 - faceUp * 0.068, normal: toFace, color: SIMD3<Float>(0.55, 0.75, 1.0))
            b.emissive = false
            b.castsShadow = true
        }
    }

    func drawCar(_ c: CarState, into b: inout MeshBuilder) {
        let fwd = Vec3(sin(c.heading), 0, -cos(c.heading)), right = Vec3(cos(c.heading), 0, sin(c.heading)), up = Vec3(0, 1, 0)
        let p = c.position
        let body = c.color.float
        b.gloss = 0.6
        defer { b.gloss = 0 }
        b.box(center: p + up * 0.62, x: right * 0.9, y: up * 0.33, z: fwd * 2.15, color: body)
        b.box(center: p + up * 1.2 - fwd * 0.25, x: right * 0.8, y: up * 0.27, z: fwd * 1.1, color: body * 0.9)
        b.castsShadow = false
        b.box(center: p + up * 1.22 - fwd * 0.25, x: right * 0.81, y: up * 0.2, z: fwd * 1.02, color: SIMD3(0.1, 0.12, 0.15))
        b.castsShadow = true
        for sx in [-1.0, 1.0] {
            for sz in [-1.35, 1.35] {
                let hub = p + right * (sx * 0.82) + fwd * sz + up * 0.33
                b.segment(hub - right * 0.12, hub + right * 0.12, radius: 0.33, color: SIMD3(0.06, 0.06, 0.06), sides: 8)
            }
        }
        b.emissive = true
        b.castsShadow = false
        for sx in [-0.62, 0.62] {
            b.box(center: p + right * sx + up * 0.72 + fwd * 2.16, x: right * 0.18, y: up * 0.06, z: fwd * 0.02, color: SIMD3(1, 0.97, 0.85))
            b.box(center: p + right * sx + up * 0.75 - fwd * 2.16, x: right * 0.18, y: up * 0.05, z: fwd * 0.02, color: SIMD3(0.9, 0.08, 0.06))
        }
        b.emissive = false
        b.castsShadow = true
    }
}
