import Foundation
import KinoCore

/// The camera of a shot: the user's CameraPath when they set one, otherwise a rig derived
/// from the prompt's camera phrases that frames the first subject.
extension World {
    /// What the camera frames: its look-at point, the direction its front faces, its size.
    struct Focus {
        enum Kind { case person, prop, car, none }
        var kind: Kind
        var target: Vec3
        var ground: Vec3
        var front: Vec3
        var right: Vec3
        var height: Double
        /// The size the frame must hold: a person's or car's height; for a prop, see `extent(elevation:)`.
        var extent: Double
        /// A prop's largest horizontal size (0 for others).
        var footprint = 0.0
        var moving: Bool

        /// The height the subject shows from `elevation` radians above it.
        func extent(elevation: Double) -> Double {
            kind == .prop ? Framing.extent(height: height, footprint: footprint, elevation: elevation) : extent
        }
    }

    func focusPoint() -> Focus {
        let scene = setup.scene
        guard let first = scene.subjects.indices.first else {
            return Focus(kind: .none, target: Vec3(0, 1.2, 0), ground: .zero, front: Vec3(0, 0, 1),
                         right: Vec3(1, 0, 0), height: 1.7, extent: 1.7, moving: false)
        }
        if let p = state.people.first(where: { $0.subjectIndex == first }) {
            let h = p.look.height
            return Focus(kind: .person, target: p.position + Vec3(0, 0.56 * h, 0), ground: p.position, front: p.forward,
                         right: p.right, height: h, extent: h, moving: p.speed > 0)
        }
        if let o = state.objects.first(where: { $0.subjectIndex == first }) {
            let size = PropShape.size(of: SceneSpec.SubjectKind(rawValue: o.kind) ?? .productBox)
            // Framed at rest: a product sliding in or lifting moves within a still frame.
            let ground = o.position
            return Focus(kind: .prop, target: ground + Vec3(0, size.y * 0.5, 0), ground: ground,
                         front: Vec3(0, 0, 1), right: Vec3(1, 0, 0), height: size.y,
                         extent: size.y, footprint: max(size.x, size.z), moving: false)
        }
        if let c = state.cars.first(where: { $0.subjectIndex == first }) {
            let fwd = Vec3(sin(c.heading), 0, -cos(c.heading))
            return Focus(kind: .car, target: c.position + Vec3(0, 0.7, 0), ground: c.position, front: fwd,
                         right: Vec3(cos(c.heading), 0, sin(c.heading)), height: 1.4, extent: 1.45, moving: c.speed > 0)
        }
        return Focus(kind: .none, target: Vec3(0, 1.2, 0), ground: .zero, front: Vec3(0, 0, 1),
                     right: Vec3(1, 0, 0), height: 1.7, extent: 1.7, moving: false)
    }

    /// The camera at the current frame: the user's path, else the framing of the shot size
    /// and angle (Framing) placed by the prompt's camera move, kept inside the set.
    func cameraPose() -> CameraPose {
        if let path = setup.explicitCamera { return path.pose(at: Double(state.frame)) }
        let scene = setup.scene
        let moves = scene.cameraMoves
        let focus = focusPoint()
        let size = Framing.size(scene, kind: focus.kind)
        var focal: Double, distance: Double, elevation: Double, roll = 0.0
        var target: Vec3
        if focus.kind == .none {
            // A place: the standard eye-level view, wider for wide sizes.
            let wide = size == .wide || size == .establishing
            distance = wide ? 10 : 6; focal = wide ? 24 : 35; elevation = 0.07
            target = focus.target
        } else {
            (elevation, roll) = Framing.elevation(scene.angle, kind: focus.kind)
            let region = Framing.region(size, kind: focus.kind, height: focus.height, extent: focus.extent(elevation: elevation))
            focal = Framing.focalLength(size, kind: focus.kind)
            distance = Framing.distance(for: region, focalLength: focal, aspect: setup.aspect)
            target = focus.ground + Vec3(0, region.centre, 0)
        }
        let u = Double(state.frame) / Double(setup.duration)
        let eased = { (x: Double) -> Double in let t = min(1, max(0, x)); return t * t * (3 - 2 * t) }
        let threeQuarter = (focus.front * cos(0.35) + focus.right * sin(0.35)).normalized
        let base = moves.first { [.followBehind, .orbit, .pushIn, .pullOut, .panLeft, .panRight, .still, .crane].contains($0) }
        var position: Vec3
        func place(around t: Vec3, direction: Vec3, distance d: Double, elevation e: Double = elevation) -> Vec3 {
            t + direction * (d * cos(e)) + Vec3(0, d * sin(e), 0)
        }
        switch base {
        case .followBehind:
            if focus.kind == .car {
                position = focus.ground - focus.front * 7 + Vec3(0, 2.2, 0)
                target = focus.ground + focus.front * 4 + Vec3(0, 0.62 * focus.height, 0)
            } else {
                // Behind and a little above the subject's head, so the walker is seen whole
                // from the hips up with the way ahead in view.
                let e = max(elevation, 0.14)
                position = place(around: target, direction: -focus.front, distance: distance, elevation: e)
            }
        case .orbit:
            // Against the turn of a spinning subject, so the two do not cancel out.
            let a = -2 * Double.pi * u
            let dir = threeQuarter * cos(a) + Vec3(0, 1, 0).cross(threeQuarter) * sin(a)
            position = place(around: target, direction: dir, distance: distance)
        case .pushIn, .pullOut:
            let k = base == .pushIn ? 1.6 + (0.8 - 1.6) * eased(u) : 0.8 + (1.7 - 0.8) * eased(u)
            let anchor = focus.moving ? target : state.camera.origin
            target = anchor
            position = place(around: anchor, direction: focus.moving ? threeQuarter : originThreeQuarter(), distance: distance * k)
        case .panLeft, .panRight:
            let anchor = state.camera.origin
            position = place(around: anchor, direction: originThreeQuarter(), distance: distance)
            let yaw = (base == .panLeft ? 1.0 : -1.0) * 0.6 * eased(u)
            let v = anchor - position
            target = position + Vec3(v.x * cos(yaw) + v.z * sin(yaw), v.y, -v.x * sin(yaw) + v.z * cos(yaw))
        case .still:
            target = state.camera.origin
            position = place(around: target, direction: originThreeQuarter(), distance: distance)
        case .crane:
            // Rises from below the framing's angle to well above it, keeping the subject framed.
            let e = elevation - 0.17 + 0.7 * eased(u)
            position = place(around: target, direction: focus.moving ? threeQuarter : originThreeQuarter(), distance: distance, elevation: e)
        default:
            if focus.moving {
                // Tracking alongside: lead room ahead of the walker (a sixth of the frame).
                let dir = (focus.front * 0.8 + focus.right * 0.6).normalized
                let frameWidth = 2 * distance * Framing.halfHeightTan(focalLength: focal, aspect: setup.aspect) * setup.aspect
                target += focus.front * (frameWidth / 6)
                position = place(around: target, direction: dir, distance: distance)
            } else if setup.startFrame != nil {
                target = state.camera.origin
                position = place(around: target, direction: originThreeQuarter(), distance: distance * (1 - 0.15 * eased(u)))
            } else {
                position = place(around: target, direction: threeQuarter, distance: distance)
            }
        }
        if scene.angle == .overTheShoulder && focus.kind == .person {
            // Over the subject's right shoulder, looking where they face.
            let shoulder = focus.ground + Vec3(0, 0.86 * focus.height, 0)
            position = shoulder - focus.front * 0.55 + focus.right * 0.32 + Vec3(0, 0.12, 0)
            target = shoulder + focus.front * 3 - Vec3(0, 0.25, 0)
        }
        if setup.startFrame != nil && focus.kind == .none && base == nil {
            // The standard framing, so frame 0 shows the picture as given.
            target = Vec3(0, 1.2, 0)
            position = Vec3(0, 1.6, 6 * (1 - 0.15 * eased(u)))
        }
        // A product is never seen from below the surface it stands on.
        if focus.kind == .prop { position.y = max(position.y, focus.ground.y + 0.015) }
        // Never outside the set: a camera pushed in by a wall keeps the framing with a wider lens.
        let inside = setup.keepInside(position)
        if inside != position {
            let before = (target - position).length, after = (target - inside).length
            if before > 1e-6 && after > 1e-6 && focus.kind != .none { focal = min(300, max(12, focal * after / before)) }
            position = inside
        }
        if moves.contains(.handheld) {
            let s = state.camera.shake
            let fwd = (target - position).normalized
            let right = fwd.cross(Vec3(0, 1, 0)).normalized
            let d = (target - position).length
            position = setup.keepInside(position + Vec3(s[0], s[1], s[2]))
            target += Vec3(s[0], s[1], s[2]) + right * (s[3] * d) + Vec3(0, s[4] * d, 0)
        }
        return CameraPose(position: position, target: target, roll: roll, focalLength: focal)
    }

    private func originThreeQuarter() -> Vec3 {
        let f = state.camera.originForward
        let r = Vec3(-f.z, 0, f.x)
        return (f * cos(0.35) + r * sin(0.35)).normalized
    }
}
